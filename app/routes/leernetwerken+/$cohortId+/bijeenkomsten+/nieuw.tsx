// A coordinator adds a session to a cohort's schedule.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCohortCoordinator } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { SessionFormFields } from "~/components/session-form.tsx";
import { readSessionForm } from "~/models/session-form.server.ts";
import { createSession, nextSessionNumber, SessionError } from "~/models/session.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { invariantResponse } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Bijeenkomst toevoegen — Leernetwerk" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cohortId } = await requireCohortCoordinator(request, params.cohortId);
  const cohort = await prisma.cohort.findUnique({ where: { id: cohortId }, select: { id: true, name: true } });
  invariantResponse(cohort, "Dit leernetwerk bestaat niet.");
  return { cohort, number: await nextSessionNumber(cohortId) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, cohortId } = await requireCohortCoordinator(request, params.cohortId);
  const outcome = await readSessionForm(await request.formData(), cohortId);
  if (!outcome.ok) return data(outcome, { status: 400 });
  try {
    const session = await createSession(cohortId, outcome.fields, user);
    return redirectWithToast(`/leernetwerken/${cohortId}/bijeenkomsten/${session.id}`, { title: "De bijeenkomst is toegevoegd" });
  } catch (error) {
    if (error instanceof SessionError) {
      return data({ ok: false as const, errors: { [error.field]: [error.message] }, warnings: [], values: outcome.values }, { status: 400 });
    }
    throw error;
  }
}

export default function NewSessionPage() {
  const { cohort, number } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? { number: String(number), format: "IN_PERSON" };
  return (
    <>
      <p>
        <Link to={`/leernetwerken/${cohort.id}`}>← {cohort.name}</Link>
      </p>
      <h1>Bijeenkomst toevoegen</h1>
      <Form method="post" className="stack" noValidate>
        <SessionFormFields values={values} errors={actionData?.errors ?? {}} warnings={actionData?.warnings ?? []} submitLabel="Bijeenkomst toevoegen" />
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
