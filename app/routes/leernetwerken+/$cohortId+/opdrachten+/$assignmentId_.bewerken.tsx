// Editing an assignment (the cohort's facilitators and coordinators, issue 19) or deleting it (coordinators
// only: facilitators get 403). Deleting removes the submissions and their files too, so it asks first.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { z } from "zod";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireAssignment } from "~/auth/guards.server.ts";
import { AssignmentForm } from "~/components/assignment-form.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { FormAlert } from "~/components/forms.tsx";
import { listOpdrachten } from "~/content/assignment-text.server.ts";
import { assignmentFields, assignmentInput } from "~/models/assignment-forms.ts";
import {
  assignmentSessionChoices,
  countSubmissions,
  deleteAssignment,
  updateAssignment,
} from "~/models/assignment.server.ts";
import { cohortPage } from "~/utils/cohort-page.ts";
import { amsterdamParts } from "~/utils/dates.ts";
import { confirmBox, formIntents, parseForm } from "~/utils/forms.ts";
import { domainErrorReply, invalid, readForm } from "~/utils/forms.server.ts";
import { forbidden } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const handle = cohortPage<typeof loader>({
  breadcrumb: ({ assignment }, cohortPath) => [
    { label: "Opdrachten", to: `${cohortPath}/opdrachten` },
    { label: assignment.title, to: `${cohortPath}/opdrachten/${assignment.id}` },
  ],
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.assignment.title} bewerken — Leernetwerk` : "Leernetwerk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cohortId, relation, assignment } = await requireAssignment(request, params.cohortId, params.assignmentId);
  const sessions = await assignmentSessionChoices(cohortId);
  const due = amsterdamParts(assignment.dueAt);
  const submissions = await countSubmissions(assignment.id);
  return {
    sessions,
    assignment,
    submissions,
    canDelete: relation === "coordinator",
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

const schema = formIntents({
  save: assignmentFields,
  delete: z.object({ confirm: confirmBox("Vink aan dat je de opdracht met alle inzendingen wilt verwijderen.") }),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, relation, cohortId, assignment } = await requireAssignment(
    request,
    params.cohortId,
    params.assignmentId,
  );
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  if (form.data.intent === "delete") {
    if (relation !== "coordinator") throw forbidden("Alleen de coördinator kan een opdracht verwijderen.");
    await deleteAssignment(user, cohortId, assignment.id);
    return redirectWithToast(`/leernetwerken/${cohortId}/opdrachten`, { title: "De opdracht is verwijderd" });
  }
  try {
    await updateAssignment(user, cohortId, assignment.id, assignmentInput(form.data));
  } catch (error) {
    return domainErrorReply(error, form.values);
  }
  return redirectWithToast(`/leernetwerken/${cohortId}/opdrachten/${assignment.id}`, {
    title: "De opdracht is opgeslagen",
  });
}

export default function EditAssignmentPage() {
  const { sessions, submissions, canDelete, opdrachten, values } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const deleteError =
    actionData?.values.intent === "delete" ? (actionData.fieldErrors.confirm?.join(" ") ?? actionData.formError) : null;
  return (
    <>
      <h1>Opdracht bewerken</h1>
      <AssignmentForm
        sessions={sessions}
        opdrachten={opdrachten}
        values={actionData && !deleteError ? { allowFiles: "", ...actionData.values } : values}
        errors={deleteError ? undefined : actionData?.fieldErrors}
        submitLabel="Opslaan"
        busy={busy}
      />
      {canDelete ? (
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
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
