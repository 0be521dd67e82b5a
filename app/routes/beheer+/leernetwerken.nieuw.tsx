// A coordinator creates a cohort, with the default four sessions (seed 002), a copy of an earlier
// cohort's sessions moved to the new period, or no sessions yet. ?kopie=<id> starts from an earlier cohort.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { z } from "zod";
import { isUuid, requireRole } from "~/auth/guards.server.ts";
import { CohortFields } from "~/components/cohort-form.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary, FormAlert, SelectField } from "~/components/forms.tsx";
import { createCohortWithSchedule, listCohortsToCopy } from "~/models/cohort-admin.server.ts";
import { checkCohortDates, cohortFields, scheduleChoiceSchema } from "~/models/schedule-forms.ts";
import { parseForm } from "~/utils/forms.ts";
import { domainErrorReply, invalid, readForm } from "~/utils/forms.server.ts";
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

const schema = cohortFields.merge(scheduleChoiceSchema).superRefine((data, ctx) => {
  checkCohortDates(data, ctx);
  if (data.schedule === "copy" && !isUuid(data.copyFromId)) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ["copyFromId"],
      message: "Kies het leernetwerk waarvan je de bijeenkomsten wilt kopiëren.",
    });
  }
});

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "COORDINATOR");
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  const { schedule: kind, copyFromId, ...fields } = form.data;
  const schedule = kind === "copy" ? { kind, fromCohortId: copyFromId! } : { kind };
  try {
    const cohort = await createCohortWithSchedule(fields, schedule, user);
    return redirectWithToast(`/leernetwerken/${cohort.id}`, {
      title: "Het leernetwerk is aangemaakt",
      description: "Controleer de bijeenkomsten en vul waar nodig de locatie of link in.",
    });
  } catch (error) {
    return domainErrorReply(error, form.values);
  }
}

export default function NewCohortPage() {
  const { cohorts, initial } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? initial;
  const errors = actionData?.fieldErrors ?? {};
  return (
    <>
      <p>
        <Link to="/leernetwerken">← Alle leernetwerken</Link>
      </p>
      <h1>Nieuw leernetwerk</h1>
      <ErrorSummary errors={actionData?.fieldErrors} />
      <FormAlert message={actionData?.formError} />
      <Form method="post" className="stack" noValidate>
        <CohortFields values={values} errors={errors} />
        <fieldset className="fieldset">
          <legend>Bijeenkomsten</legend>
          <div className="radio">
            <input
              type="radio"
              id="schedule-default"
              name="schedule"
              value="default"
              defaultChecked={values.schedule === "default"}
            />
            <label htmlFor="schedule-default">
              Standaard: vier bijeenkomsten op dinsdag, twee in Utrecht (12:30–16:00) en twee online (14:00–16:30)
            </label>
          </div>
          <div className="radio">
            <input
              type="radio"
              id="schedule-copy"
              name="schedule"
              value="copy"
              defaultChecked={values.schedule === "copy"}
            />
            <label htmlFor="schedule-copy">
              De bijeenkomsten van een eerder leernetwerk kopiëren, verschoven naar de nieuwe periode
            </label>
          </div>
          <div className="radio">
            <input
              type="radio"
              id="schedule-none"
              name="schedule"
              value="none"
              defaultChecked={values.schedule === "none"}
            />
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
