// A handed-in submission, for the cohort's facilitators and coordinators: the text and files, written
// feedback with a reply thread with the duo, and the "besproken" marker. A facilitator of another cohort,
// or a submission that was not handed in: 404.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireSubmission } from "~/auth/guards.server.ts";
import { AttachmentList, MessageThread, StatusBadge } from "~/components/assignment-parts.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { FormAlert } from "~/components/forms.tsx";
import { MarkdocText } from "~/components/markdoc-text.tsx";
import { statusLabel, submissionStatus } from "~/models/assignment-status.ts";
import { addSubmissionMessage, setDiscussed } from "~/models/assignment.server.ts";
import { recordRead } from "~/models/record-read.server.ts";
import { cohortPage } from "~/utils/cohort-page.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { formIntents, parseForm, requiredText, textValue } from "~/utils/forms.ts";
import { domainErrorReply, invalid, readForm } from "~/utils/forms.server.ts";
import { renderText } from "~/utils/markdoc-text.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const handle = cohortPage<typeof loader>({
  breadcrumb: ({ assignment }, cohortPath) => [
    { label: "Opdrachten", to: `${cohortPath}/opdrachten` },
    { label: assignment.title, to: `${cohortPath}/opdrachten/${assignment.id}` },
  ],
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.assignment.title}: ${data.submission.enrollment.municipality.name} — Leernetwerk`
      : "Leernetwerk",
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, assignment, submission } = await requireSubmission(
    request,
    params.cohortId,
    params.assignmentId,
    params.submissionId,
  );
  // A facilitator or coordinator reading a duo's submission is recorded (one insert, issue 15).
  await recordRead(user, { submissionId: submission.id });
  const state = submissionStatus(
    {
      body: submission.body,
      submittedAt: submission.submittedAt,
      feedbackAt: submission.feedbackAt,
      attachmentCount: submission.attachments.length,
    },
    assignment.dueAt,
    new Date(),
  );
  return {
    assignment,
    submission: {
      ...submission,
      bodyTree: renderText(submission.body),
      messages: submission.messages.map((message) => ({ ...message, bodyTree: renderText(message.body) })),
    },
    state: { ...state, label: statusLabel(state) },
  };
}

const schema = formIntents({
  discussed: z.object({}),
  undiscussed: z.object({}),
  message: z.object({
    body: requiredText(1, 10_000, "Schrijf eerst je feedback.", "De feedback mag maximaal 10.000 tekens hebben."),
  }),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, cohortId, assignment, submission } = await requireSubmission(
    request,
    params.cohortId,
    params.assignmentId,
    params.submissionId,
  );
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  const { data: input, values } = form;
  const page = `/leernetwerken/${cohortId}/opdrachten/${assignment.id}/inzendingen/${submission.id}`;
  if (input.intent !== "message") {
    await setDiscussed(user, submission.id, input.intent === "discussed");
    return redirectWithToast(page, {
      title: input.intent === "discussed" ? "Gemarkeerd als besproken" : "Markering 'besproken' weggehaald",
    });
  }
  try {
    await addSubmissionMessage(user, submission.id, input.body);
  } catch (error) {
    return domainErrorReply(error, values, { field: "body" });
  }
  return redirectWithToast(`${page}#feedback`, {
    title: "Je feedback is geplaatst",
    description: "Het duo krijgt er bericht van.",
  });
}

export default function StaffSubmissionPage() {
  const { assignment, submission, state } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const who = submission.user?.name ?? submission.enrollment.members.map((member) => member.user.name).join(" en ");
  // A draft is only readable here because the duo asked for early feedback (issue 19).
  const draft = !submission.submittedAt && !submission.feedbackAt;
  return (
    <>
      <h1>
        {assignment.title}: {submission.enrollment.municipality.name}
      </h1>
      <p>
        {who} · <StatusBadge status={state.status} label={state.label} />
        {submission.submittedAt ? (
          <span className="muted"> · ingeleverd op {formatDateTime(submission.submittedAt)}</span>
        ) : null}
        <span className="muted"> · inleveren vóór {formatDateTime(assignment.dueAt)}</span>
      </p>
      {draft && submission.earlyFeedbackRequestedAt ? (
        <div className="alert alert-info">
          <p>
            <strong>Concept: het duo vraagt om vroege feedback</strong> (sinds{" "}
            {formatDateTime(submission.earlyFeedbackRequestedAt)}). Het is nog niet ingeleverd en kan nog veranderen.
          </p>
        </div>
      ) : null}

      <section aria-labelledby="uitwerking">
        <h2 id="uitwerking">Uitwerking</h2>
        {submission.body.trim() ? (
          <MarkdownBlock tree={submission.bodyTree} />
        ) : (
          <p className="muted">Alleen bijlagen ingeleverd.</p>
        )}
        <h3>Bijlagen</h3>
        <AttachmentList attachments={submission.attachments} />
      </section>

      <section aria-labelledby="besproken">
        <h2 id="besproken">Besproken</h2>
        <Form method="post" className="button-row">
          {submission.discussedAt ? (
            <>
              <p>Besproken op {formatDateTime(submission.discussedAt)}.</p>
              <input type="hidden" name="intent" value="undiscussed" />
              <button type="submit" className="button-secondary" disabled={busy}>
                Toch niet besproken
              </button>
            </>
          ) : (
            <>
              <input type="hidden" name="intent" value="discussed" />
              <button type="submit" className="button-secondary" disabled={busy}>
                Markeren als besproken
              </button>
            </>
          )}
        </Form>
      </section>

      <section aria-labelledby="feedback">
        <h2 id="feedback">Feedback en reacties</h2>
        <FormAlert message={actionData?.formError} />
        <MessageThread
          messages={submission.messages}
          formLabel={
            submission.feedbackAt ? "Nog een bericht aan het duo" : draft ? "Je feedback op het concept" : "Je feedback"
          }
          buttonLabel={submission.feedbackAt ? "Bericht plaatsen" : draft ? "Vroege feedback geven" : "Feedback geven"}
          canWrite
          error={actionData?.fieldErrors.body}
          value={textValue(actionData?.values, "body")}
          busy={busy}
        />
        {draft ? (
          <p className="muted">
            Het duo schrijft daarna verder en levert later in. Het duo krijgt bericht, zonder de tekst.
          </p>
        ) : !submission.feedbackAt ? (
          <p className="muted">
            Na je feedback kan het duo de opdracht niet meer terugtrekken. Het duo krijgt bericht, zonder de tekst.
          </p>
        ) : null}
      </section>
    </>
  );
}

function MarkdownBlock({ tree }: { tree: unknown }) {
  return (
    <div className="submission-text">
      <MarkdocText tree={tree} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
