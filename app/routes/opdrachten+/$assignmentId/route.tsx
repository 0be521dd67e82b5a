// One assignment for a participant: the instructions, the editor of their duo's (or own) submission with
// autosave and the version check (both duo members edit the same text; the second save sees the conflict
// and both versions), attachments, handing in, withdrawing and handing in again until feedback is given,
// and the feedback thread. The duo may ask for early feedback on its draft ("Vraag vroege feedback", issue 19):
// only then can the facilitators read the draft. Another duo's assignment or submission is a 404.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { isUuid, requireOwnAssignment } from "~/auth/guards.server.ts";
import { AssignmentFacts, BackLink, StatusBadge } from "~/components/assignment-parts.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { serializedInstructions } from "~/content/assignment-text.server.ts";
import { MarkdocContent } from "~/content/render.tsx";
import { canEdit, canWithdraw, statusLabel, submissionStatus } from "~/models/assignment-status.ts";
import {
  addAttachment,
  addSubmissionMessage,
  deleteAttachment,
  requestEarlyFeedback,
  saveSubmissionBody,
  withdrawEarlyFeedback,
  submitSubmission,
  tooLargeMessage,
  withdrawSubmission,
} from "~/models/assignment.server.ts";
import { MAX_ATTACHMENT_BYTES } from "~/storage/file-type.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { aantal } from "~/utils/plural.ts";
import { fieldError, formIntents, parseForm } from "~/utils/forms.ts";
import { domainErrorReply, invalid, readForm } from "~/utils/forms.server.ts";
import { notFound } from "~/utils/http.server.ts";
import { renderText, serializedText } from "~/utils/markdoc-text.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { isMultipart, multipartProblemMessages, readMultipartForm } from "~/utils/upload.server.ts";
import type { AutosaveResponse } from "~/utils/versioned.ts";
import { KeepInTrail } from "~/components/keep-in-trail.tsx";
import { EarlyFeedbackSection, FeedbackSection } from "./feedback-section.tsx";
import { SubmissionSection } from "./submission-editor.tsx";
import { Attachments } from "./attachments.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.assignment.title} — Opdrachten — Leernetwerk` : "Opdracht — Leernetwerk" },
];

const NOT_FOUND = "Deze opdracht bestaat niet of is niet voor jou.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { assignment, submission, partners, context, keepTopics } = await requireOwnAssignment(
    request,
    params.assignmentId,
  );
  // "Bewaren in het impactspoor": once there is something to keep, for an editor of the municipality's trail
  // (the topics come with the assignment: one statement less).
  const topics = submission && (submission.body.trim() || submission.attachments.length) ? keepTopics : null;
  const facts = submission
    ? {
        body: submission.body,
        submittedAt: submission.submittedAt,
        feedbackAt: submission.feedbackAt,
        attachmentCount: submission.attachments.length,
      }
    : null;
  const state = submissionStatus(facts, assignment.dueAt, new Date());
  const editable = canEdit(submission);
  // Each text goes to the browser once: the submission's text in the editor while it may change, else (like
  // the instructions and the messages) only rendered.
  return {
    assignment: {
      id: assignment.id,
      title: assignment.title,
      dueAt: assignment.dueAt,
      kind: assignment.kind,
      allowFiles: assignment.allowFiles,
      session: { number: assignment.session.number, title: assignment.session.title },
      instructionsTree: assignment.instructions.trim() ? serializedInstructions(assignment.instructions) : null,
    },
    // Only what the page shows (the texts as serialised trees: one string each for the page data's encoder).
    submission: submission
      ? {
          id: submission.id,
          version: submission.version,
          submittedAt: submission.submittedAt,
          feedbackAt: submission.feedbackAt,
          discussedAt: submission.discussedAt,
          earlyFeedbackRequestedAt: submission.earlyFeedbackRequestedAt,
          earlyFeedbackAnsweredAt: submission.earlyFeedbackAnsweredAt,
          body: editable ? submission.body : "",
          bodyTree: editable ? null : serializedText(submission.body),
          attachments: submission.attachments.map(({ contentType: _contentType, ...attachment }) => attachment),
          messages: submission.messages.map(({ body, ...message }) => ({ ...message, bodyTree: serializedText(body) })),
          readBy: submission.readBy,
        }
      : null,
    state: { ...state, label: statusLabel(state) },
    editable,
    withdrawable: canWithdraw(submission).ok,
    partners,
    keep: topics ? { municipalityId: context.municipalityId, topics } : null,
  };
}

const bodyFields = z.object({
  body: z.string().max(100_000, "Je tekst mag maximaal 100.000 tekens hebben.").default(""),
  version: z.coerce.number().int().nonnegative().default(0),
});

const schema = formIntents({
  preview: z.object({ body: z.string().default("") }),
  autosave: bodyFields,
  save: bodyFields,
  submit: bodyFields,
  withdraw: z.object({}),
  "early-feedback": z.object({}),
  "withdraw-early-feedback": z.object({}),
  "delete-attachment": z.object({ attachmentId: z.string().default("") }),
  message: z.object({
    body: z
      .string()
      .trim()
      .min(1, "Schrijf eerst een reactie.")
      .max(10_000, "Je reactie mag maximaal 10.000 tekens hebben."),
  }),
});

const uploadSchema = z.object({
  file: z.instanceof(File, { message: "Kies een bestand." }).refine((file) => file.size > 0, "Kies een bestand."),
});

type ActionResult =
  | AutosaveResponse
  | { status: "done"; intent: "upload" | "delete-attachment"; message: string }
  | { status: "preview"; tree: unknown };

export { autosaveClientAction as clientAction } from "~/components/autosave.tsx";

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, assignment, submission } = await requireOwnAssignment(request, params.assignmentId);
  const page = `/opdrachten/${assignment.id}`;

  if (isMultipart(request)) {
    // The draft text is saved by autosave and stays in the editor: only the file is refused.
    const upload = await readMultipartForm(request, MAX_ATTACHMENT_BYTES);
    if (!upload.ok) {
      const { problem } = upload;
      return invalid(
        fieldError({}, "file", problem === "file-too-large" ? tooLargeMessage : multipartProblemMessages[problem]),
      );
    }
    const form = parseForm(uploadSchema, upload.formData);
    if (!form.ok) return invalid(form.error);
    const { file } = form.data;
    try {
      const added = await addAttachment(user, assignment.id, {
        name: file.name,
        bytes: new Uint8Array(await file.arrayBuffer()),
      });
      if (!added) throw notFound(NOT_FOUND);
      return data<ActionResult>({ status: "done", intent: "upload", message: `${added.fileName} is toegevoegd.` });
    } catch (error) {
      return domainErrorReply(error, form.values, { field: "file" });
    }
  }

  // A submit that waited for an autosave is sent again with its button's intent (useAutosave).
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  const { data: input, values } = form;

  switch (input.intent) {
    case "preview":
      return data<ActionResult>({ status: "preview", tree: renderText(input.body) });
    case "autosave":
    case "save":
    case "submit": {
      const saved = await saveSubmissionBody(user, assignment.id, input.body, input.version);
      if (saved.status === "not-found") throw notFound(NOT_FOUND);
      if (saved.status === "locked") return invalid(fieldError(values, "body", saved.reason), 409);
      if (saved.status === "conflict") {
        return data<ActionResult>(
          {
            status: "conflict",
            id: saved.id,
            version: saved.current.version,
            current: { body: saved.current.body },
            values,
          },
          { status: 409 },
        );
      }
      if (input.intent === "autosave") {
        if (saved.status === "empty") return data<ActionResult>({ status: "empty" });
        return data<ActionResult>({
          status: "saved",
          id: saved.id,
          version: saved.version,
          savedAt: new Date().toISOString(),
        });
      }
      if (input.intent === "save") return redirectWithToast(page, { title: "Je uitwerking is opgeslagen" });
      try {
        const submitted = await submitSubmission(user, assignment.id);
        if (!submitted) throw notFound(NOT_FOUND);
        return redirectWithToast(page, {
          title: "De opdracht is ingeleverd",
          description: submitted.late
            ? "Na de inleverdatum: er staat 'te laat' bij."
            : "De begeleiders kunnen hem nu lezen.",
        });
      } catch (error) {
        return domainErrorReply(error, values, { field: "body" });
      }
    }
    case "withdraw":
      try {
        if (!(await withdrawSubmission(user, assignment.id))) throw notFound(NOT_FOUND);
      } catch (error) {
        return domainErrorReply(error, values);
      }
      return redirectWithToast(page, {
        title: "De opdracht is teruggetrokken",
        description: "Je kunt verder schrijven en hem opnieuw inleveren.",
      });
    case "early-feedback":
      try {
        if (!(await requestEarlyFeedback(user, assignment.id))) throw notFound(NOT_FOUND);
      } catch (error) {
        return domainErrorReply(error, values);
      }
      return redirectWithToast(`${page}#vroege-feedback`, {
        title: "Je hebt om vroege feedback gevraagd",
        description: "De begeleiders kunnen je concept nu lezen en erop reageren.",
      });
    case "withdraw-early-feedback":
      if (!(await withdrawEarlyFeedback(user, assignment.id))) throw notFound(NOT_FOUND);
      return redirectWithToast(`${page}#vroege-feedback`, {
        title: "Je verzoek om vroege feedback is ingetrokken",
        description: "De begeleiders kunnen je concept niet meer lezen.",
      });
    case "delete-attachment":
      try {
        if (!isUuid(input.attachmentId) || !(await deleteAttachment(user, assignment.id, input.attachmentId)))
          throw notFound("Deze bijlage bestaat niet.");
      } catch (error) {
        return domainErrorReply(error, values, { field: "file" });
      }
      return data<ActionResult>({ status: "done", intent: "delete-attachment", message: "De bijlage is verwijderd." });
    case "message": {
      if (!submission) return invalid(fieldError(values, "body", "Reageren kan als er feedback is."));
      try {
        await addSubmissionMessage(user, submission.id, input.body);
      } catch (error) {
        return domainErrorReply(error, values);
      }
      return redirectWithToast(`${page}#feedback`, { title: "Je reactie is geplaatst" });
    }
  }
}

export type PageData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function AssignmentPage() {
  const { assignment, submission, state, editable, partners, keep } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const isDuo = assignment.kind === "DUO";
  const page = `/opdrachten/${assignment.id}`;

  return (
    <>
      <BackLink to="/opdrachten">Opdrachten</BackLink>
      <h1>{assignment.title}</h1>
      <p>
        Status: <StatusBadge status={state.status} label={state.label} />
        {submission?.submittedAt ? (
          <span className="muted"> · ingeleverd op {formatDateTime(submission.submittedAt)}</span>
        ) : null}
      </p>
      <AssignmentFacts assignment={assignment} />
      {isDuo && partners.length ? <p>Je schrijft deze uitwerking samen met {partners.join(" en ")}.</p> : null}

      <section aria-labelledby="opdracht-uitleg">
        <h2 id="opdracht-uitleg">Wat is de opdracht?</h2>
        {assignment.instructionsTree ? (
          <MarkdocContent content={assignment.instructionsTree as never} />
        ) : (
          <p className="muted">Er staat geen uitleg bij.</p>
        )}
      </section>

      <SubmissionSection actionData={actionData} busy={busy} />

      <section aria-labelledby="bijlagen">
        <h2 id="bijlagen">Bijlagen</h2>
        <Attachments
          action={page}
          attachments={submission?.attachments ?? []}
          canChange={editable && assignment.allowFiles}
          allowFiles={assignment.allowFiles}
        />
      </section>

      {submission && !submission.submittedAt && !submission.feedbackAt ? (
        <EarlyFeedbackSection submission={submission} isDuo={isDuo} actionData={actionData} busy={busy} />
      ) : null}

      {submission ? (
        <section aria-labelledby="gelezen-door">
          <h2 id="gelezen-door">Gelezen door</h2>
          {submission.readBy.length === 0 ? (
            <p data-testid="read-by">
              Nog niemand van de begeleiding heeft {isDuo ? "jullie" : "je"} uitwerking geopend.
            </p>
          ) : (
            <ul data-testid="read-by">
              {submission.readBy.map((read) => (
                <li key={read.reader.id}>
                  {read.reader.name}: {aantal(read.count, "keer", "keer")}, het laatst op{" "}
                  {formatDateTime(read.lastReadAt)}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {submission && keep ? (
        <KeepInTrail
          choices={keep}
          kind="submission"
          id={submission.id}
          what={isDuo ? "jullie uitwerking (met de bijlagen)" : "je uitwerking (met de bijlagen)"}
        />
      ) : null}

      {submission && (submission.feedbackAt || submission.messages.length) ? (
        <FeedbackSection submission={submission} actionData={actionData} busy={busy} />
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
