// One assignment for a participant: the instructions, the editor of their duo's (or own) submission with
// autosave and the version check (both duo members edit the same text; the second save sees the conflict
// and both versions), attachments, handing in, withdrawing and handing in again until feedback is given,
// and the feedback thread. Another duo's assignment or submission is a 404.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { type FormEvent, useEffect, useRef } from "react";
import { z } from "zod";
import { isUuid, requireRole } from "~/auth/guards.server.ts";
import { AssignmentFacts, AttachmentList, BackLink, MessageThread, StatusBadge } from "~/components/assignment-parts.tsx";
import { AutosaveConflictPanel, AutosaveStatus, useAutosave } from "~/components/autosave.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary, FormAlert, TextareaField } from "~/components/forms.tsx";
import { MarkdocText } from "~/components/markdoc-text.tsx";
import { renderInstructions } from "~/content/assignment-text.server.ts";
import { MarkdocContent } from "~/content/render.tsx";
import { canEdit, canWithdraw, statusLabel, submissionStatus } from "~/models/assignment-status.ts";
import {
  addAttachment,
  addSubmissionMessage,
  AssignmentError,
  deleteAttachment,
  getAssignmentForParticipant,
  saveSubmissionBody,
  submitSubmission,
  tooLargeMessage,
  withdrawSubmission,
} from "~/models/assignment.server.ts";
import { MAX_ATTACHMENT_BYTES } from "~/storage/file-type.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { parseForm } from "~/utils/forms.ts";
import { invariantResponse, notFound } from "~/utils/http.server.ts";
import { renderText } from "~/utils/markdoc-text.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { isMultipart, readMultipartForm } from "~/utils/upload.server.ts";
import type { AutosaveResponse } from "~/utils/versioned.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.assignment.title} — Opdrachten — Leernetwerk` : "Opdracht — Leernetwerk" }];

const NOT_FOUND = "Deze opdracht bestaat niet of is niet voor jou.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "PARTICIPANT");
  if (!isUuid(params.assignmentId)) throw notFound(NOT_FOUND);
  const found = await getAssignmentForParticipant(user, params.assignmentId);
  invariantResponse(found, NOT_FOUND);
  const { assignment, submission, partners } = found;
  const facts = submission
    ? { body: submission.body, submittedAt: submission.submittedAt, feedbackAt: submission.feedbackAt, attachmentCount: submission.attachments.length }
    : null;
  const state = submissionStatus(facts, assignment.dueAt, new Date());
  return {
    assignment: { ...assignment, instructionsTree: assignment.instructions.trim() ? renderInstructions(assignment.instructions) : null },
    submission: submission
      ? {
          ...submission,
          bodyTree: submission.submittedAt || submission.feedbackAt ? renderText(submission.body) : null,
          messages: submission.messages.map((message) => ({ ...message, bodyTree: renderText(message.body) })),
        }
      : null,
    state: { ...state, label: statusLabel(state) },
    editable: canEdit(submission),
    withdrawable: canWithdraw(submission).ok,
    partners,
  };
}

const bodySchema = z.object({
  intent: z.enum(["autosave", "save", "submit"]),
  body: z.string().max(100_000, "Je tekst mag maximaal 100.000 tekens hebben.").default(""),
  version: z.coerce.number().int().nonnegative().default(0),
});

type ActionResult =
  | AutosaveResponse
  | { status: "done"; intent: "upload" | "delete-attachment"; message: string }
  | { status: "error"; intent: "upload" | "delete-attachment" | "withdraw" | "message"; errors: Record<string, string[]>; values: Record<string, string> }
  | { status: "preview"; tree: unknown };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "PARTICIPANT");
  if (!isUuid(params.assignmentId)) throw notFound(NOT_FOUND);
  const assignmentId = params.assignmentId;
  const page = `/opdrachten/${assignmentId}`;

  if (isMultipart(request)) {
    const upload = await readMultipartForm(request, MAX_ATTACHMENT_BYTES);
    if (!upload.ok) {
      // The draft text is saved by autosave and stays in the editor: only the file is refused.
      if (!(await getAssignmentForParticipant(user, assignmentId))) throw notFound(NOT_FOUND);
      return data<ActionResult>({ status: "error", intent: "upload", errors: { file: [tooLargeMessage] }, values: {} }, { status: 400 });
    }
    const file = upload.formData.get("file");
    if (!(file instanceof File) || file.size === 0) {
      if (!(await getAssignmentForParticipant(user, assignmentId))) throw notFound(NOT_FOUND);
      return data<ActionResult>({ status: "error", intent: "upload", errors: { file: ["Kies een bestand."] }, values: {} }, { status: 400 });
    }
    try {
      const added = await addAttachment(user, assignmentId, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      if (!added) throw notFound(NOT_FOUND);
      return data<ActionResult>({ status: "done", intent: "upload", message: `${added.fileName} is toegevoegd.` });
    } catch (error) {
      if (error instanceof AssignmentError) {
        return data<ActionResult>({ status: "error", intent: "upload", errors: { file: [error.message] }, values: {} }, { status: 400 });
      }
      throw error;
    }
  }

  const formData = await request.formData();
  // A submit that waited for an autosave is sent again without its button: the page kept its intent.
  const pendingIntent = formData.get("pendingIntent");
  if (!formData.has("intent") && typeof pendingIntent === "string" && pendingIntent) formData.set("intent", pendingIntent);
  const intent = formData.get("intent");

  if (intent === "preview") {
    return data<ActionResult>({ status: "preview", tree: renderText(String(formData.get("body") ?? "")) });
  }

  if (intent === "autosave" || intent === "save" || intent === "submit") {
    const parsed = parseForm(bodySchema, formData);
    if (!parsed.ok) return data<ActionResult>({ status: "invalid", errors: parsed.errors, values: parsed.values }, { status: 400 });
    const { body, version } = parsed.data;
    const saved = await saveSubmissionBody(user, assignmentId, body, version);
    if (saved.status === "not-found") throw notFound(NOT_FOUND);
    if (saved.status === "locked") {
      return data<ActionResult>({ status: "invalid", errors: { body: [saved.reason] }, values: parsed.values }, { status: 409 });
    }
    if (saved.status === "conflict") {
      return data<ActionResult>(
        { status: "conflict", id: saved.id, version: saved.current.version, current: { body: saved.current.body }, values: parsed.values },
        { status: 409 },
      );
    }
    if (intent === "autosave") {
      if (saved.status === "empty") return data<ActionResult>({ status: "empty" });
      return data<ActionResult>({ status: "saved", id: saved.id, version: saved.version, savedAt: new Date().toISOString() });
    }
    if (intent === "save") return redirectWithToast(page, { title: "Je uitwerking is opgeslagen" });
    try {
      const submitted = await submitSubmission(user, assignmentId);
      if (!submitted) throw notFound(NOT_FOUND);
      return redirectWithToast(page, {
        title: "De opdracht is ingeleverd",
        description: submitted.late ? "Na de inleverdatum: er staat 'te laat' bij." : "De begeleiders kunnen hem nu lezen.",
      });
    } catch (error) {
      if (error instanceof AssignmentError) {
        return data<ActionResult>({ status: "invalid", errors: { body: [error.message] }, values: parsed.values }, { status: 400 });
      }
      throw error;
    }
  }

  if (intent === "withdraw") {
    try {
      if (!(await withdrawSubmission(user, assignmentId))) throw notFound(NOT_FOUND);
    } catch (error) {
      if (error instanceof AssignmentError) {
        return data<ActionResult>({ status: "error", intent: "withdraw", errors: { form: [error.message] }, values: {} }, { status: 400 });
      }
      throw error;
    }
    return redirectWithToast(page, { title: "De opdracht is teruggetrokken", description: "Je kunt verder schrijven en hem opnieuw inleveren." });
  }

  if (intent === "delete-attachment") {
    const attachmentId = String(formData.get("attachmentId") ?? "");
    try {
      if (!isUuid(attachmentId) || !(await deleteAttachment(user, assignmentId, attachmentId))) throw notFound("Deze bijlage bestaat niet.");
    } catch (error) {
      if (error instanceof AssignmentError) {
        return data<ActionResult>({ status: "error", intent: "delete-attachment", errors: { file: [error.message] }, values: {} }, { status: 400 });
      }
      throw error;
    }
    return data<ActionResult>({ status: "done", intent: "delete-attachment", message: "De bijlage is verwijderd." });
  }

  if (intent === "message") {
    const body = String(formData.get("body") ?? "").trim();
    const found = await getAssignmentForParticipant(user, assignmentId);
    if (!found) throw notFound(NOT_FOUND);
    if (!found.submission?.feedbackAt) {
      return data<ActionResult>({ status: "error", intent: "message", errors: { body: ["Reageren kan als er feedback is."] }, values: { body } }, { status: 400 });
    }
    if (!body || body.length > 10_000) {
      return data<ActionResult>(
        { status: "error", intent: "message", errors: { body: [body ? "Je reactie mag maximaal 10.000 tekens hebben." : "Schrijf eerst een reactie."] }, values: { body } },
        { status: 400 },
      );
    }
    await addSubmissionMessage(user, found.submission.id, body);
    return redirectWithToast(`${page}#feedback`, { title: "Je reactie is geplaatst" });
  }
  return data<ActionResult>({ status: "error", intent: "withdraw", errors: { form: ["Onbekende actie."] }, values: {} }, { status: 400 });
}

type PageActionData = ReturnType<typeof useActionData<typeof action>>;

export default function AssignmentPage() {
  const { assignment, submission, state, editable, withdrawable, partners } = useLoaderData<typeof loader>();
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
        {submission?.submittedAt ? <span className="muted"> · ingeleverd op {formatDateTime(submission.submittedAt)}</span> : null}
      </p>
      <AssignmentFacts assignment={assignment} />
      {isDuo && partners.length ? <p>Je schrijft deze uitwerking samen met {partners.join(" en ")}.</p> : null}

      <section aria-labelledby="opdracht-uitleg">
        <h2 id="opdracht-uitleg">Wat is de opdracht?</h2>
        {assignment.instructionsTree ? <MarkdocContent content={assignment.instructionsTree as never} /> : <p className="muted">Er staat geen uitleg bij.</p>}
      </section>

      <section aria-labelledby="uitwerking">
        <h2 id="uitwerking">{isDuo ? "Jullie uitwerking" : "Je uitwerking"}</h2>
        {editable ? (
          <SubmissionEditor
            action={page}
            body={submission?.body ?? ""}
            version={submission?.version ?? 0}
            isDuo={isDuo}
            hasSubmission={Boolean(submission)}
            actionData={actionData}
            busy={busy}
          />
        ) : (
          <>
            {submission?.bodyTree ? <MarkdocText tree={submission.bodyTree} /> : <p className="muted">Alleen bijlagen ingeleverd.</p>}
            {withdrawable ? (
              <Form method="post" className="stack">
                <input type="hidden" name="intent" value="withdraw" />
                <FormAlert message={actionData && "intent" in actionData && actionData.intent === "withdraw" && actionData.status === "error" ? actionData.errors.form?.join(" ") : null} />
                <p>Nog iets veranderen? Trek de opdracht terug, pas hem aan en lever hem opnieuw in. Dat kan tot er feedback is.</p>
                <div>
                  <button type="submit" className="button-secondary" disabled={busy}>
                    Terugtrekken om aan te passen
                  </button>
                </div>
              </Form>
            ) : submission?.feedbackAt ? (
              <p className="muted">Er is feedback gegeven, dus de uitwerking ligt vast.</p>
            ) : null}
          </>
        )}
      </section>

      <section aria-labelledby="bijlagen">
        <h2 id="bijlagen">Bijlagen</h2>
        <Attachments
          action={page}
          attachments={submission?.attachments ?? []}
          canChange={editable && assignment.allowFiles}
          allowFiles={assignment.allowFiles}
        />
      </section>

      {submission && (submission.feedbackAt || submission.messages.length) ? (
        <section aria-labelledby="feedback">
          <h2 id="feedback">Feedback</h2>
          {submission.discussedAt ? <p className="muted">Besproken op {formatDateTime(submission.discussedAt)}.</p> : null}
          <MessageThread
            messages={submission.messages}
            formLabel="Jouw reactie op de feedback"
            buttonLabel="Reactie plaatsen"
            canWrite={Boolean(submission.feedbackAt)}
            error={actionData && "intent" in actionData && actionData.intent === "message" && actionData.status === "error" ? actionData.errors.body : undefined}
            value={actionData && "intent" in actionData && actionData.intent === "message" && actionData.status === "error" ? actionData.values.body : undefined}
            busy={busy}
          />
        </section>
      ) : null}
    </>
  );
}

function SubmissionEditor({
  action,
  body,
  version,
  isDuo,
  hasSubmission,
  actionData,
  busy,
}: {
  action: string;
  body: string;
  version: number;
  isDuo: boolean;
  hasSubmission: boolean;
  actionData: PageActionData;
  busy: boolean;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const autosave = useAutosave({
    formRef,
    action,
    version,
    // Nothing to keep yet: an empty text does not create a submission.
    shouldSave: (values) => hasSubmission || Boolean(values.body?.trim()),
  });
  const preview = useFetcher<{ status: "preview"; tree: unknown }>();

  // Handing in refused because the duo partner saved in between: one autosave brings both versions up.
  const conflictOnSubmit = actionData?.status === "conflict";
  const handled = useRef<unknown>(null);
  const { save } = autosave;
  useEffect(() => {
    if (!conflictOnSubmit || handled.current === actionData) return;
    handled.current = actionData;
    save();
  }, [conflictOnSubmit, save, actionData]);
  // Which button was pressed, kept in the form for a submit the autosave hook sends again after waiting.
  const pendingIntent = useRef<HTMLInputElement>(null);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    if (pendingIntent.current && submitter instanceof HTMLButtonElement) pendingIntent.current.value = submitter.value;
    autosave.formProps.onSubmit(event);
  }

  const errors = actionData?.status === "invalid" ? actionData.errors : (autosave.errors ?? undefined);
  const kept = actionData?.status === "invalid" || actionData?.status === "conflict" ? actionData.values?.body : undefined;

  function showPreview() {
    const text = formRef.current?.elements.namedItem("body");
    if (!(text instanceof HTMLTextAreaElement)) return;
    preview.submit({ intent: "preview", body: text.value }, { method: "post", action });
  }

  return (
    <>
      {autosave.conflict ? (
        <AutosaveConflictPanel
          conflict={autosave.conflict}
          fields={[{ name: "body", label: "Tekst" }]}
          heading={isDuo ? "Je duopartner heeft de tekst intussen ook gewijzigd" : "De tekst is in een ander venster gewijzigd"}
          theirsLabel={isDuo ? "Opgeslagen versie (van je duopartner)" : "Opgeslagen versie (ander venster)"}
          onKeepMine={autosave.keepMine}
          onTakeTheirs={autosave.takeTheirs}
        />
      ) : null}
      <ErrorSummary errors={actionData?.status === "invalid" ? actionData.errors : undefined} />
      {conflictOnSubmit ? (
        <FormAlert message="Niet ingeleverd: je duopartner heeft de tekst intussen gewijzigd. Er is niets overschreven; kies welke versie je houdt en lever dan in." />
      ) : null}
      <Form ref={formRef} method="post" action={action} className="stack" noValidate {...autosave.formProps} onSubmit={onSubmit}>
        <input type="hidden" name="version" value={autosave.version} />
        <input type="hidden" name="pendingIntent" defaultValue="" ref={pendingIntent} />
        <TextareaField
          label={isDuo ? "Jullie tekst" : "Je tekst"}
          name="body"
          rows={16}
          defaultValue={kept ?? body}
          errors={errors?.body}
          hint={`Wat je schrijft wordt elke paar seconden bewaard${isDuo ? "; je duopartner ziet het ook en kan erin verder schrijven" : ""}. Je kunt Markdown gebruiken: **vet**, *schuin*, een regel met - voor een opsomming.`}
        />
        <AutosaveStatus
          autosave={autosave}
          idleText={hasSubmission ? "Alles is opgeslagen." : ""}
          conflictText={isDuo ? "Niet opgeslagen: je duopartner heeft de tekst intussen gewijzigd." : "Niet opgeslagen: de tekst is in een ander venster gewijzigd."}
        />
        <div className="button-row">
          <button type="submit" name="intent" value="submit" disabled={busy || Boolean(autosave.conflict)}>
            Inleveren
          </button>
          <button type="submit" name="intent" value="save" className="button-secondary" disabled={busy || Boolean(autosave.conflict)}>
            Opslaan
          </button>
          <button type="button" className="button-secondary" onClick={showPreview}>
            Voorbeeld bekijken
          </button>
        </div>
      </Form>
      {preview.data?.status === "preview" ? (
        <section className="panel" aria-labelledby="voorbeeld">
          <h3 id="voorbeeld">Voorbeeld</h3>
          <MarkdocText tree={preview.data.tree} />
        </section>
      ) : null}
    </>
  );
}

function Attachments({
  action,
  attachments,
  canChange,
  allowFiles,
}: {
  action: string;
  attachments: { id: string; fileName: string; size: number; createdAt: Date | string; uploadedBy: { name: string } | null }[];
  canChange: boolean;
  allowFiles: boolean;
}) {
  const upload = useFetcher<{ status: string; message?: string; errors?: Record<string, string[]> }>({ key: "upload" });
  const remove = useFetcher<{ status: string; message?: string; errors?: Record<string, string[]> }>({ key: "remove-attachment" });
  const uploadForm = useRef<HTMLFormElement>(null);
  const uploaded = upload.state === "idle" && upload.data?.status === "done";
  useEffect(() => {
    if (uploaded) uploadForm.current?.reset();
  }, [uploaded]);
  const uploadError = upload.data?.status === "error" ? upload.data.errors?.file : undefined;
  const removeError = remove.data?.status === "error" ? remove.data.errors?.file?.join(" ") : null;
  return (
    <>
      <AttachmentList
        attachments={attachments}
        renderAction={
          canChange
            ? (attachment) => (
                <remove.Form method="post" action={action} className="inline-form">
                  <input type="hidden" name="intent" value="delete-attachment" />
                  <input type="hidden" name="attachmentId" value={attachment.id} />
                  <button type="submit" className="button-secondary button-small" disabled={remove.state !== "idle"}>
                    Verwijderen<span className="visually-hidden"> {attachment.fileName}</span>
                  </button>
                </remove.Form>
              )
            : undefined
        }
      />
      <FormAlert message={removeError} />
      {canChange ? (
        <upload.Form ref={uploadForm} method="post" action={action} encType="multipart/form-data" className="stack" noValidate>
          <div className="field">
            <label htmlFor="bijlage-bestand">Kies een bestand</label>
            <p id="bijlage-hint" className="hint">
              PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx) of een afbeelding (PNG, JPEG, GIF, WebP). Hoogstens 10 MB per bestand.
            </p>
            <input
              id="bijlage-bestand"
              type="file"
              name="file"
              accept=".pdf,.docx,.xlsx,.pptx,.png,.jpg,.jpeg,.gif,.webp"
              aria-describedby={uploadError ? "bijlage-hint bijlage-fout" : "bijlage-hint"}
              aria-invalid={uploadError ? true : undefined}
            />
            {uploadError ? (
              <p id="bijlage-fout" className="field-error">
                {uploadError.join(" ")}
              </p>
            ) : null}
          </div>
          <div>
            <button type="submit" className="button-secondary" disabled={upload.state !== "idle"}>
              {upload.state !== "idle" ? "Bezig met toevoegen…" : "Bestand toevoegen"}
            </button>
          </div>
          <p role="status" className="muted">
            {upload.state === "idle" && upload.data?.status === "done" ? upload.data.message : ""}
            {remove.state === "idle" && remove.data?.status === "done" ? remove.data.message : ""}
          </p>
        </upload.Form>
      ) : !allowFiles ? (
        <p className="muted">Bij deze opdracht voeg je geen bestanden toe.</p>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
