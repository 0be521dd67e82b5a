// A coordinator edits a cohort's details: name, theme, description, period, capacity and status.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { z } from "zod";
import { requireCohortCoordinator } from "~/auth/guards.server.ts";
import { CohortFields } from "~/components/cohort-form.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary, FormAlert } from "~/components/forms.tsx";
import { CohortConflict, getCohortForEdit, updateCohort } from "~/models/cohort-admin.server.ts";
import { checkCohortDates, cohortFields } from "~/models/schedule-forms.ts";
import { calendarDateString } from "~/utils/dates.ts";
import { type FormError, formError, parseForm } from "~/utils/forms.ts";
import { domainFormError, invalid, readForm } from "~/utils/forms.server.ts";
import { invariantResponse } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.cohort.name} bewerken — Leernetwerk` : "Leernetwerk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cohortId } = await requireCohortCoordinator(request, params.cohortId);
  const cohort = await getCohortForEdit(cohortId);
  invariantResponse(cohort, "Dit leernetwerk bestaat niet.");
  return { cohort };
}

/** Invalid input, or a conflict: someone else saved the cohort after this form was loaded. */
type CohortEditError = FormError & { conflict?: { version: string } };

// `version`: when the form was loaded (the cohort's updatedAt), so a save over someone else's change is caught.
const schema = cohortFields.extend({ version: z.string().optional() }).superRefine(checkCohortDates);

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, cohortId } = await requireCohortCoordinator(request, params.cohortId);
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid<CohortEditError>(form.error);
  const { version, ...fields } = form.data;
  try {
    const result = await updateCohort(cohortId, fields, user, version || undefined);
    const outside = result.sessionsOutsidePeriod;
    return redirectWithToast(`/leernetwerken/${cohortId}`, {
      type: outside.length ? "info" : "success",
      title: result.changed ? "Het leernetwerk is opgeslagen" : "Er was niets veranderd",
      description: outside.length
        ? `Let op: bijeenkomst ${outside.join(", ")} valt buiten de nieuwe periode.`
        : undefined,
    });
  } catch (error) {
    if (error instanceof CohortConflict) {
      // Keep what was typed; a second "Opslaan" (now with the current version) saves it deliberately.
      return invalid<CohortEditError>({ ...formError(form.values), conflict: { version: error.currentVersion } }, 409);
    }
    return invalid<CohortEditError>(domainFormError(error, form.values));
  }
}

export default function EditCohortPage() {
  const { cohort } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? {
    name: cohort.name,
    theme: cohort.theme,
    description: cohort.description,
    startsOn: calendarDateString(cohort.startsOn),
    endsOn: calendarDateString(cohort.endsOn),
    capacity: String(cohort.capacity),
    status: cohort.status,
  };
  return (
    <>
      <h1>Leernetwerk bewerken</h1>
      <p className="muted">
        Er doen nu {cohort._count.enrollments} gemeenten mee. De bijeenkomsten pas je aan op de pagina van elke
        bijeenkomst.
      </p>
      <FormAlert message={actionData?.formError} />
      <ErrorSummary errors={actionData?.fieldErrors} />
      {actionData?.conflict ? (
        <div className="alert alert-error" role="alert">
          <p>
            <strong>Niet opgeslagen: iemand anders heeft dit leernetwerk intussen gewijzigd.</strong>
          </p>
          <p>
            Jouw wijzigingen staan hieronder nog. Bekijk de{" "}
            <Link to={`/leernetwerken/${cohort.id}`} target="_blank">
              huidige versie (opent in een nieuw tabblad)
            </Link>
            , pas zo nodig aan en kies opnieuw &quot;Opslaan&quot; om jouw versie te bewaren.
          </p>
        </div>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <input
          type="hidden"
          name="version"
          value={actionData?.conflict ? actionData.conflict.version : new Date(cohort.updatedAt).toISOString()}
        />
        <CohortFields values={values} errors={actionData?.fieldErrors ?? {}} />
        <div>
          <button type="submit">Opslaan</button>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
