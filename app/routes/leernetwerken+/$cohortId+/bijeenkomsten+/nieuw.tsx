// A coordinator adds a session to a cohort's schedule.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireCohortCoordinator } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { SessionFormFields } from "~/components/session-form.tsx";
import { sessionSchema } from "~/models/schedule-forms.ts";
import { checkSessionForm, sessionFormError } from "~/models/session-form.server.ts";
import { createSession, nextSessionNumber } from "~/models/session.server.ts";
import { parseForm } from "~/utils/forms.ts";
import { domainFormError, invalid, readForm } from "~/utils/forms.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Bijeenkomst toevoegen — Leernetwerk" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cohortId } = await requireCohortCoordinator(request, params.cohortId);
  return { number: await nextSessionNumber(cohortId) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, cohortId } = await requireCohortCoordinator(request, params.cohortId);
  const form = parseForm(sessionSchema, await readForm(request));
  if (!form.ok) return invalid(sessionFormError(form.error));
  const outcome = await checkSessionForm(form.data, form.values, cohortId);
  if (!outcome.ok) return invalid(outcome.error);
  try {
    const session = await createSession(cohortId, outcome.fields, user);
    return redirectWithToast(`/leernetwerken/${cohortId}/bijeenkomsten/${session.id}`, {
      title: "De bijeenkomst is toegevoegd",
    });
  } catch (error) {
    return invalid(sessionFormError(domainFormError(error, form.values)));
  }
}

export default function NewSessionPage() {
  const { number } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? { number: String(number), format: "IN_PERSON" };
  return (
    <>
      <h1>Bijeenkomst toevoegen</h1>
      <Form method="post" className="stack" noValidate>
        <SessionFormFields
          values={values}
          errors={actionData?.fieldErrors ?? {}}
          formError={actionData?.formError}
          warnings={actionData?.warnings ?? []}
          submitLabel="Bijeenkomst toevoegen"
        />
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
