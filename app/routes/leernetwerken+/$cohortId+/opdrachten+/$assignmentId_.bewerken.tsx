// Editing or deleting an assignment (coordinators). Deleting removes the submissions and their files too,
// so it asks for confirmation first.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { isUuid, requireCohortCoordinator } from "~/auth/guards.server.ts";
import { AssignmentForm } from "~/components/assignment-form.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { FormAlert } from "~/components/forms.tsx";
import { listOpdrachten } from "~/content/assignment-text.server.ts";
import { readAssignmentForm } from "~/models/assignment-form.server.ts";
import { AssignmentError, deleteAssignment, findStaffAssignment, updateAssignment } from "~/models/assignment.server.ts";
import { amsterdamParts } from "~/utils/dates.ts";
import { prisma } from "~/utils/db.server.ts";
import { invariantResponse, notFound } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.assignment.title} bewerken — Leernetwerk` : "Leernetwerk" }];

const NOT_FOUND = "Deze opdracht bestaat niet.";

async function load(request: Request, params: { cohortId?: string; assignmentId?: string }) {
  const member = await requireCohortCoordinator(request, params.cohortId);
  if (!isUuid(params.assignmentId)) throw notFound(NOT_FOUND);
  const assignment = await findStaffAssignment(member.user, member.cohortId, params.assignmentId);
  invariantResponse(assignment, NOT_FOUND);
  return { ...member, assignment };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cohortId, assignment } = await load(request, params);
  const cohort = await prisma.cohort.findUniqueOrThrow({
    where: { id: cohortId },
    select: { id: true, name: true, sessions: { orderBy: { number: "asc" }, select: { id: true, number: true, title: true, startsAt: true } } },
  });
  const due = amsterdamParts(assignment.dueAt);
  const submissions = await prisma.assignmentSubmission.count({ where: { assignmentId: assignment.id } });
  return {
    cohort,
    assignment,
    submissions,
    opdrachten: listOpdrachten(),
    values: {
      sessionId: assignment.session.id,
      title: assignment.title,
      instructions: assignment.instructions,
      dueDate: due.date,
      dueTime: due.time,
      kind: assignment.kind,
      allowFiles: assignment.allowFiles ? "on" : "",
      opdrachtId: assignment.opdrachtId ?? "",
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, cohortId, assignment } = await load(request, params);
  const formData = await request.formData();
  if (formData.get("intent") === "delete") {
    if (formData.get("confirm") !== "ja") {
      return data({ errors: { delete: ["Vink aan dat je de opdracht met alle inzendingen wilt verwijderen."] }, values: {} as Record<string, string> }, { status: 400 });
    }
    await deleteAssignment(user, cohortId, assignment.id);
    return redirectWithToast(`/leernetwerken/${cohortId}/opdrachten`, { title: "De opdracht is verwijderd" });
  }
  const form = await readAssignmentForm(formData);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  try {
    await updateAssignment(user, cohortId, assignment.id, form.data);
  } catch (error) {
    if (error instanceof AssignmentError) return data({ errors: { [error.field]: [error.message] }, values: form.values }, { status: 400 });
    throw error;
  }
  return redirectWithToast(`/leernetwerken/${cohortId}/opdrachten/${assignment.id}`, { title: "De opdracht is opgeslagen" });
}

export default function EditAssignmentPage() {
  const { cohort, assignment, submissions, opdrachten, values } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const deleteError = actionData?.errors && "delete" in actionData.errors ? actionData.errors.delete?.join(" ") : null;
  return (
    <>
      <nav aria-label="Kruimelpad" className="breadcrumbs">
        <Link to={`/leernetwerken/${cohort.id}`}>{cohort.name}</Link> <span aria-hidden="true">›</span>{" "}
        <Link to={`/leernetwerken/${cohort.id}/opdrachten`}>Opdrachten</Link> <span aria-hidden="true">›</span>{" "}
        <Link to={`/leernetwerken/${cohort.id}/opdrachten/${assignment.id}`}>{assignment.title}</Link>
      </nav>
      <h1>Opdracht bewerken</h1>
      <AssignmentForm
        sessions={cohort.sessions}
        opdrachten={opdrachten}
        values={actionData && !deleteError ? actionData.values : values}
        errors={deleteError ? undefined : actionData?.errors}
        submitLabel="Opslaan"
        busy={busy}
      />
      <section aria-labelledby="verwijderen" className="panel">
        <h2 id="verwijderen">Opdracht verwijderen</h2>
        <p>
          {submissions === 0
            ? "Er is nog niets op geschreven of ingeleverd."
            : `Er ${submissions === 1 ? "is 1 uitwerking" : `zijn ${submissions} uitwerkingen`} met bijlagen en feedback; die worden ook verwijderd.`}
        </p>
        <FormAlert message={deleteError} />
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="delete" />
          <div className="checkbox-field">
            <input type="checkbox" id="confirm-delete" name="confirm" value="ja" />
            <label htmlFor="confirm-delete">Ja, verwijder deze opdracht met alle uitwerkingen</label>
          </div>
          <div>
            <button type="submit" className="button-danger" disabled={busy}>
              Verwijderen
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
