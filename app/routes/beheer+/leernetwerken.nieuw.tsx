// A coordinator creates a cohort, with the default four sessions (seed 002), a copy of an earlier
// cohort's sessions moved to the new period, or no sessions yet. ?kopie=<id> starts from an earlier cohort.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { isUuid, requireRole } from "~/auth/guards.server.ts";
import { CohortFields } from "~/components/cohort-form.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary, SelectField } from "~/components/forms.tsx";
import { CohortError, createCohortWithSchedule, listCohortsToCopy } from "~/models/cohort-admin.server.ts";
import { cohortSchema, scheduleChoiceSchema } from "~/models/schedule-forms.ts";
import { parseForm, type FieldErrors } from "~/utils/forms.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Nieuw leernetwerk — Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "COORDINATOR");
  const cohorts = await listCohortsToCopy();
  const copyFrom = new URL(request.url).searchParams.get("kopie");
  const source = copyFrom ? cohorts.find((cohort) => cohort.id === copyFrom) : undefined;
  const initial: Record<string, string> = source
    ? {
        name: `${source.name} (kopie)`,
        theme: source.theme,
        description: source.description,
        capacity: String(source.capacity),
        schedule: "copy",
        copyFromId: source.id,
      }
    : { schedule: "default" };
  return { cohorts: cohorts.map(({ id, name, _count }) => ({ id, name, sessions: _count.sessions })), initial };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "COORDINATOR");
  const formData = await request.formData();
  const form = parseForm(cohortSchema, formData);
  const choice = parseForm(scheduleChoiceSchema, formData);
  const errors: FieldErrors = { ...(form.ok ? {} : form.errors), ...(choice.ok ? {} : choice.errors) };
  if (choice.ok && choice.data.schedule === "copy" && !isUuid(choice.data.copyFromId)) {
    errors.copyFromId = ["Kies het leernetwerk waarvan je de bijeenkomsten wilt kopiëren."];
  }
  if (!form.ok || !choice.ok || Object.keys(errors).length) {
    return data({ errors, values: form.values }, { status: 400 });
  }
  const schedule =
    choice.data.schedule === "copy"
      ? { kind: "copy" as const, fromCohortId: choice.data.copyFromId! }
      : { kind: choice.data.schedule };
  try {
    const cohort = await createCohortWithSchedule(form.data, schedule, user);
    return redirectWithToast(`/leernetwerken/${cohort.id}`, {
      title: "Het leernetwerk is aangemaakt",
      description: "Controleer de bijeenkomsten en vul waar nodig de locatie of link in.",
    });
  } catch (error) {
    if (error instanceof CohortError) return data({ errors: { [error.field]: [error.message] }, values: form.values }, { status: 400 });
    throw error;
  }
}

export default function NewCohortPage() {
  const { cohorts, initial } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? initial;
  const errors = actionData?.errors ?? {};
  return (
    <>
      <p>
        <Link to="/leernetwerken">← Alle leernetwerken</Link>
      </p>
      <h1>Nieuw leernetwerk</h1>
      <ErrorSummary errors={actionData?.errors} />
      <Form method="post" className="stack" noValidate>
        <CohortFields values={values} errors={errors} />
        <fieldset className="fieldset">
          <legend>Bijeenkomsten</legend>
          <div className="radio">
            <input type="radio" id="schedule-default" name="schedule" value="default" defaultChecked={values.schedule === "default"} />
            <label htmlFor="schedule-default">
              Standaard: vier bijeenkomsten op dinsdag, twee in Utrecht (12:30–16:00) en twee online (14:00–16:30)
            </label>
          </div>
          <div className="radio">
            <input type="radio" id="schedule-copy" name="schedule" value="copy" defaultChecked={values.schedule === "copy"} />
            <label htmlFor="schedule-copy">De bijeenkomsten van een eerder leernetwerk kopiëren, verschoven naar de nieuwe periode</label>
          </div>
          <div className="radio">
            <input type="radio" id="schedule-none" name="schedule" value="none" defaultChecked={values.schedule === "none"} />
            <label htmlFor="schedule-none">Nog geen bijeenkomsten: ik plan ze zelf</label>
          </div>
          {errors.schedule ? <p className="field-error">{errors.schedule.join(" ")}</p> : null}
          <SelectField
            label="Leernetwerk om te kopiëren"
            name="copyFromId"
            hint="Alleen nodig als je kopiëren kiest. De bijeenkomsten schuiven evenveel weken op als de startdatum; de weekdag en de tijden blijven gelijk."
            defaultValue={values.copyFromId ?? ""}
            errors={errors.copyFromId}
          >
            <option value="">— Kies een leernetwerk —</option>
            {cohorts.map((cohort) => (
              <option key={cohort.id} value={cohort.id}>
                {cohort.name} ({cohort.sessions} bijeenkomsten)
              </option>
            ))}
          </SelectField>
        </fieldset>
        <div>
          <button type="submit">Leernetwerk aanmaken</button>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
