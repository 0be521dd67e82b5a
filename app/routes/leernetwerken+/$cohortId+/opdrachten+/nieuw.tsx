// A new assignment for one of the cohort's sessions (coordinators; ?bijeenkomst=<id> preselects the session).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireCohortCoordinator } from "~/auth/guards.server.ts";
import { AssignmentForm } from "~/components/assignment-form.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { listOpdrachten } from "~/content/assignment-text.server.ts";
import { readAssignmentForm } from "~/models/assignment-form.server.ts";
import { AssignmentError, createAssignment } from "~/models/assignment.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { invariantResponse } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Nieuwe opdracht — Leernetwerk" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cohortId } = await requireCohortCoordinator(request, params.cohortId);
  const cohort = await prisma.cohort.findUnique({
    where: { id: cohortId },
    select: { id: true, name: true, sessions: { orderBy: { number: "asc" }, select: { id: true, number: true, title: true, startsAt: true } } },
  });
  invariantResponse(cohort, "Dit leernetwerk bestaat niet.");
  const preselected = new URL(request.url).searchParams.get("bijeenkomst") ?? "";
  return {
    cohort,
    opdrachten: listOpdrachten(),
    sessionId: cohort.sessions.some((session) => session.id === preselected) ? preselected : "",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, cohortId } = await requireCohortCoordinator(request, params.cohortId);
  const form = await readAssignmentForm(await request.formData());
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  try {
    const created = await createAssignment(user, cohortId, form.data);
    return redirectWithToast(`/leernetwerken/${cohortId}/opdrachten/${created.id}`, { title: "De opdracht is aangemaakt" });
  } catch (error) {
    if (error instanceof AssignmentError) return data({ errors: { [error.field]: [error.message] }, values: form.values }, { status: 400 });
    throw error;
  }
}

export default function NewAssignmentPage() {
  const { cohort, opdrachten, sessionId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <>
      <nav aria-label="Kruimelpad" className="breadcrumbs">
        <Link to={`/leernetwerken/${cohort.id}`}>{cohort.name}</Link> <span aria-hidden="true">›</span>{" "}
        <Link to={`/leernetwerken/${cohort.id}/opdrachten`}>Opdrachten</Link>
      </nav>
      <h1>Nieuwe opdracht</h1>
      {cohort.sessions.length === 0 ? (
        <p>Dit leernetwerk heeft nog geen bijeenkomsten. Plan eerst een bijeenkomst.</p>
      ) : (
        <AssignmentForm
          sessions={cohort.sessions}
          opdrachten={opdrachten}
          values={actionData?.values ?? { sessionId }}
          errors={actionData?.errors}
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
