// A handed-in submission, for the cohort's facilitators and coordinators: the text and files, written
// feedback with a reply thread with the duo, and the "besproken" marker. A facilitator of another cohort,
// or a submission that was not handed in: 404.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { isUuid, requireCohortMember } from "~/auth/guards.server.ts";
import { AttachmentList, MessageThread, StatusBadge } from "~/components/assignment-parts.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { MarkdocText } from "~/components/markdoc-text.tsx";
import { statusLabel, submissionStatus } from "~/models/assignment-status.ts";
import { addSubmissionMessage, getSubmissionForStaff, setDiscussed } from "~/models/assignment.server.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { prisma } from "~/utils/db.server.ts";
import { invariantResponse, notFound } from "~/utils/http.server.ts";
import { renderText } from "~/utils/markdoc-text.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.assignment.title}: ${data.submission.enrollment.municipality.name} — Leernetwerk` : "Leernetwerk" },
];

const NOT_FOUND = "Deze uitwerking bestaat niet of is nog niet ingeleverd.";

async function load(request: Request, params: { cohortId?: string; assignmentId?: string; submissionId?: string }) {
  const member = await requireCohortMember(request, params.cohortId);
  // A participant (also of another duo) never reaches a submission through this page: the same 404.
  if (member.relation === "participant") throw notFound(NOT_FOUND);
  if (!isUuid(params.assignmentId) || !isUuid(params.submissionId)) throw notFound(NOT_FOUND);
  const found = await getSubmissionForStaff(member.user, member.cohortId, params.assignmentId, params.submissionId);
  invariantResponse(found, NOT_FOUND);
  return { ...member, ...found };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cohortId, assignment, submission } = await load(request, params);
  const cohort = await prisma.cohort.findUniqueOrThrow({ where: { id: cohortId }, select: { id: true, name: true } });
  const state = submissionStatus(
    { body: submission.body, submittedAt: submission.submittedAt, feedbackAt: submission.feedbackAt, attachmentCount: submission.attachments.length },
    assignment.dueAt,
    new Date(),
  );
  return {
    cohort,
    assignment,
    submission: {
      ...submission,
      bodyTree: renderText(submission.body),
      messages: submission.messages.map((message) => ({ ...message, bodyTree: renderText(message.body) })),
    },
    state: { ...state, label: statusLabel(state) },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, cohortId, assignment, submission } = await load(request, params);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const page = `/leernetwerken/${cohortId}/opdrachten/${assignment.id}/inzendingen/${submission.id}`;
  if (intent === "discussed" || intent === "undiscussed") {
    await setDiscussed(user, submission.id, intent === "discussed");
    return redirectWithToast(page, { title: intent === "discussed" ? "Gemarkeerd als besproken" : "Markering 'besproken' weggehaald" });
  }
  if (intent === "message") {
    const body = String(formData.get("body") ?? "").trim();
    if (!body || body.length > 10_000) {
      return data(
        { errors: { body: [body ? "De feedback mag maximaal 10.000 tekens hebben." : "Schrijf eerst je feedback."] }, values: { body } },
        { status: 400 },
      );
    }
    await addSubmissionMessage(user, submission.id, body);
    return redirectWithToast(`${page}#feedback`, { title: "Je feedback is geplaatst", description: "Het duo krijgt er bericht van." });
  }
  return data({ errors: { body: ["Onbekende actie."] }, values: { body: "" } }, { status: 400 });
}

export default function StaffSubmissionPage() {
  const { cohort, assignment, submission, state } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const who =
    submission.user?.name ??
    submission.enrollment.members.map((member) => member.user.name).join(" en ");
  return (
    <>
      <nav aria-label="Kruimelpad" className="breadcrumbs">
        <Link to={`/leernetwerken/${cohort.id}`}>{cohort.name}</Link> <span aria-hidden="true">›</span>{" "}
        <Link to={`/leernetwerken/${cohort.id}/opdrachten`}>Opdrachten</Link> <span aria-hidden="true">›</span>{" "}
        <Link to={`/leernetwerken/${cohort.id}/opdrachten/${assignment.id}`}>{assignment.title}</Link>
      </nav>
      <h1>
        {assignment.title}: {submission.enrollment.municipality.name}
      </h1>
      <p>
        {who} · <StatusBadge status={state.status} label={state.label} />
        {submission.submittedAt ? <span className="muted"> · ingeleverd op {formatDateTime(submission.submittedAt)}</span> : null}
        <span className="muted"> · inleveren vóór {formatDateTime(assignment.dueAt)}</span>
      </p>

      <section aria-labelledby="uitwerking">
        <h2 id="uitwerking">Uitwerking</h2>
        {submission.body.trim() ? <MarkdownBlock tree={submission.bodyTree} /> : <p className="muted">Alleen bijlagen ingeleverd.</p>}
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
        <MessageThread
          messages={submission.messages}
          formLabel={submission.feedbackAt ? "Nog een bericht aan het duo" : "Je feedback"}
          buttonLabel={submission.feedbackAt ? "Bericht plaatsen" : "Feedback geven"}
          canWrite
          error={actionData?.errors.body}
          value={actionData?.values.body}
          busy={busy}
        />
        {!submission.feedbackAt ? (
          <p className="muted">Na je feedback kan het duo de opdracht niet meer terugtrekken. Het duo krijgt bericht, zonder de tekst.</p>
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
