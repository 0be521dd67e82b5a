// A new assignment for one of the cohort's sessions (the cohort's facilitators and coordinators, issue 19;
// ?bijeenkomst=<id> preselects the session).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireCohortStaff } from "~/auth/guards.server.ts";
import { AssignmentForm } from "~/components/assignment-form.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { listOpdrachten } from "~/content/assignment-text.server.ts";
import { assignmentFields, assignmentInput } from "~/models/assignment-forms.ts";
import { assignmentSessionChoices, createAssignment } from "~/models/assignment.server.ts";
import { cohortPage } from "~/utils/cohort-page.ts";
import { formIntents, parseForm } from "~/utils/forms.ts";
import { domainErrorReply, invalid, readForm } from "~/utils/forms.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const handle = cohortPage<typeof loader>({
  breadcrumb: (_data, cohortPath) => [{ label: "Opdrachten", to: `${cohortPath}/opdrachten` }],
});

export const meta: MetaFunction = () => [{ title: "Nieuwe opdracht — Leernetwerk" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cohortId } = await requireCohortStaff(request, params.cohortId);
  const sessions = await assignmentSessionChoices(cohortId);
  const preselected = new URL(request.url).searchParams.get("bijeenkomst") ?? "";
  return {
    sessions,
    opdrachten: listOpdrachten(),
    sessionId: sessions.some((session) => session.id === preselected) ? preselected : "",
  };
}

const schema = formIntents({ save: assignmentFields });

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, cohortId } = await requireCohortStaff(request, params.cohortId);
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  try {
    const created = await createAssignment(user, cohortId, assignmentInput(form.data));
    return redirectWithToast(`/leernetwerken/${cohortId}/opdrachten/${created.id}`, {
      title: "De opdracht is aangemaakt",
    });
  } catch (error) {
    return domainErrorReply(error, form.values);
  }
}

export default function NewAssignmentPage() {
  const { sessions, opdrachten, sessionId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <>
      <h1>Nieuwe opdracht</h1>
      {sessions.length === 0 ? (
        <p>Dit leernetwerk heeft nog geen bijeenkomsten. Plan eerst een bijeenkomst.</p>
      ) : (
        <AssignmentForm
          sessions={sessions}
          opdrachten={opdrachten}
          values={actionData ? { allowFiles: "", ...actionData.values } : { sessionId }}
          errors={actionData?.fieldErrors}
          submitLabel="Opdracht aanmaken"
          busy={navigation.state !== "idle"}
        />
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
