// Coordinator: one application. Plan the intake conversation, record it (notes) and decide: toegelaten,
// wachtlijst or afgewezen (with a reason). Admission enrols the municipality and invites its duo.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { isUuid, requireCohortCoordinator } from "~/auth/guards.server.ts";
import { CohortAdminNav } from "~/components/cohort-admin-nav.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary, Field, FormAlert, TextareaField } from "~/components/forms.tsx";
import { ApplicationConflict, ApplicationError, getApplication, planIntake, previewAdmission, recordIntake } from "~/models/application.server.ts";
import { intakeDecisions } from "~/models/enrollment-rules.ts";
import { getCohortAdminHeader } from "~/models/enrollment.server.ts";
import { amsterdamTime, formatDateTime, TIME_ZONE } from "~/utils/dates.ts";
import { parseForm, type FieldErrors, type FormValues } from "~/utils/forms.ts";
import { invariantResponse, notFound } from "~/utils/http.server.ts";
import { applicationStatusLabels, duoFunctionLabels } from "~/utils/labels.ts";
import { applicationBadge } from "~/utils/status-badges.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Aanmelding ${data.application.municipalityName} — Leernetwerk` : "Aanmelding — Leernetwerk" },
];

const planSchema = z.object({
  intakeDate: z
    .string({ required_error: "Kies een datum." })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Kies een datum.")
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "Dit is geen bestaande datum."),
  intakeTime: z
    .string({ required_error: "Kies een tijd." })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Kies een tijd, bijvoorbeeld 10:00."),
});

const decideSchema = z.object({
  notes: z.string().trim().max(5000, "De aantekeningen mogen maximaal 5000 tekens hebben.").default(""),
  decision: z
    .enum(["NONE", ...intakeDecisions], { errorMap: () => ({ message: "Kies een besluit." }) })
    .transform((value) => (value === "NONE" ? null : value)),
  reason: z.string().trim().max(2000, "De reden mag maximaal 2000 tekens hebben.").default(""),
});

/** "2027-01-12" and "10:00" in Amsterdam, for the date and time fields. */
function amsterdamParts(value: Date | string) {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(value));
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? "";
  return { date: `${get("year")}-${get("month")}-${get("day")}`, time: `${get("hour")}:${get("minute")}` };
}

async function load(request: Request, params: LoaderFunctionArgs["params"]) {
  const { user, cohortId } = await requireCohortCoordinator(request, params.cohortId);
  if (!isUuid(params.applicationId)) throw notFound("Deze aanmelding bestaat niet.");
  return { user, cohortId, applicationId: params.applicationId };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cohortId, applicationId } = await load(request, params);
  const [cohort, application] = await Promise.all([getCohortAdminHeader(cohortId), getApplication(cohortId, applicationId)]);
  invariantResponse(cohort, "Dit leernetwerk bestaat niet.");
  invariantResponse(application, "Deze aanmelding bestaat niet.");
  const preview = application.status === "ADMITTED" ? null : await previewAdmission(cohortId, application.members);
  return { cohort, application, preview, intake: application.intakeAt ? amsterdamParts(application.intakeAt) : null };
}

type ActionResult = {
  intent: "plan" | "decide";
  errors: FieldErrors;
  formError: string | null;
  values: FormValues;
  /** After a conflict: the version to save against now, and the notes someone else saved. */
  conflict?: { version: string; notes: string };
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, cohortId, applicationId } = await load(request, params);
  const formData = await request.formData();
  const intent = formData.get("intent") === "plan" ? "plan" : "decide";
  const fail = (result: Omit<ActionResult, "intent">) => data<ActionResult>({ intent, ...result }, { status: 400 });
  const back = `/leernetwerken/${cohortId}/aanmeldingen/${applicationId}`;
  try {
    if (intent === "plan") {
      const form = parseForm(planSchema, formData);
      if (!form.ok) return fail({ errors: form.errors, formError: null, values: form.values });
      const intakeAt = amsterdamTime(form.data.intakeDate, form.data.intakeTime);
      const application = await planIntake({ cohortId, applicationId, intakeAt }, user);
      invariantResponse(application, "Deze aanmelding bestaat niet.");
      return redirectWithToast(back, {
        title: "Het intakegesprek is gepland",
        description: `${formatDateTime(intakeAt)}. ${application.contactName} krijgt een e-mail.`,
      });
    }
    const form = parseForm(decideSchema, formData);
    if (!form.ok) return fail({ errors: form.errors, formError: null, values: form.values });
    const version = formData.get("version");
    const result = await recordIntake({ cohortId, applicationId, ...form.data, version: typeof version === "string" ? version : undefined }, user);
    invariantResponse(result, "Deze aanmelding bestaat niet.");
    if (result.decision === "ADMITTED") {
      return redirectWithToast(`/leernetwerken/${cohortId}/deelnemers`, {
        title: `De gemeente ${result.municipalityName} is toegelaten`,
        description: "De gemeente is ingeschreven en het duo heeft een uitnodiging per e-mail gekregen.",
      });
    }
    return redirectWithToast(back, {
      title: result.decision
        ? `Besluit vastgelegd: ${applicationStatusLabels[result.decision].toLowerCase()}`
        : "De intake is vastgelegd",
      description: result.decision ? `${result.contactName} krijgt een e-mail met het besluit.` : undefined,
    });
  } catch (error) {
    if (error instanceof ApplicationConflict) {
      const values = Object.fromEntries(
        [...formData.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string")
      );
      return data<ActionResult>(
        {
          intent,
          errors: {},
          formError:
            "Niet opgeslagen: iemand anders heeft deze aanmelding intussen gewijzigd. Jouw tekst staat hieronder nog. Neem zo nodig over wat de ander schreef (zie hieronder) en kies opnieuw Opslaan.",
          values,
          conflict: { version: error.currentVersion, notes: error.currentNotes },
        },
        { status: 409 }
      );
    }
    if (error instanceof ApplicationError) {
      const values = Object.fromEntries(
        [...formData.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string")
      );
      if (error.field === "form") return fail({ errors: {}, formError: error.message, values });
      return fail({ errors: { [error.field]: [error.message] }, formError: null, values });
    }
    throw error;
  }
}

const decisionLabels = {
  NONE: "Nog geen besluit",
  ADMITTED: "Toegelaten",
  WAITLISTED: "Wachtlijst",
  REJECTED: "Afgewezen",
} as const;

export default function ApplicationPage() {
  const { cohort, application, intake, preview } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const plan = actionData?.intent === "plan" ? actionData : null;
  const decide = actionData?.intent === "decide" ? actionData : null;
  const decided = application.status === "ADMITTED" || application.status === "REJECTED";
  const currentDecision =
    decide?.values.decision ??
    (application.status === "WAITLISTED" || application.status === "REJECTED" || application.status === "ADMITTED"
      ? application.status
      : "NONE");
  return (
    <>
      <CohortAdminNav cohort={cohort} />
      <p className="breadcrumb">
        <Link to={`/leernetwerken/${cohort.id}/aanmeldingen`}>Terug naar alle aanmeldingen</Link>
      </p>
      <h1>Aanmelding gemeente {application.municipalityName}</h1>
      <p>
        <span className={applicationBadge(application.status)}>{applicationStatusLabels[application.status]}</span>{" "}
        <span className="muted">Aangemeld op {formatDateTime(application.createdAt)}</span>
      </p>
      {application.decidedAt ? (
        <p>
          Besluit genomen op {formatDateTime(application.decidedAt)}
          {application.decidedBy ? ` door ${application.decidedBy.name}` : ""}.
          {application.status === "ADMITTED" && application.enrollmentId ? (
            <>
              {" "}
              <Link to={`/leernetwerken/${cohort.id}/deelnemers/${application.enrollmentId}`}>
                Naar het duo van {application.municipalityName}
              </Link>
            </>
          ) : null}
        </p>
      ) : null}

      <section aria-labelledby="aanvraag">
        <h2 id="aanvraag">De aanmelding</h2>
        <dl className="definition-list">
          <dt>Contactpersoon</dt>
          <dd>{application.contactName}</dd>
          <dt>E-mailadres</dt>
          <dd>
            <a href={`mailto:${application.contactEmail}`}>{application.contactEmail}</a>
          </dd>
          <dt>Telefoonnummer</dt>
          <dd>{application.contactPhone}</dd>
        </dl>
        <h3>Vraagstuk</h3>
        <p className="quote-block">{application.vraagstuk}</p>
        <h3>Het beoogde duo</h3>
        <ul className="person-list">
          {application.members.map((member) => (
            <li key={member.id}>
              {member.name} — {duoFunctionLabels[member.function].toLowerCase()} ({member.email})
              {preview?.[member.email] ? (
                <>
                  {" "}
                  <span className={preview[member.email]!.kind === "problem" ? "field-error inline-note" : "muted"}>
                    {preview[member.email]!.text}
                  </span>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="plannen">
        <h2 id="plannen">Intakegesprek plannen</h2>
        {application.intakeAt ? <p>Gepland op {formatDateTime(application.intakeAt)} uur.</p> : <p>Nog niet gepland.</p>}
        {decided ? null : (
          <>
            <ErrorSummary errors={plan?.errors} />
            <FormAlert message={plan?.formError} />
            <Form method="post" className="stack" noValidate>
              <input type="hidden" name="intent" value="plan" />
              <Field
                label="Datum"
                name="intakeDate"
                type="date"
                required
                defaultValue={plan?.values.intakeDate ?? intake?.date ?? ""}
                errors={plan?.errors.intakeDate}
              />
              <Field
                label="Tijd"
                name="intakeTime"
                type="time"
                required
                hint="Nederlandse tijd."
                defaultValue={plan?.values.intakeTime ?? intake?.time ?? ""}
                errors={plan?.errors.intakeTime}
              />
              <div>
                <button type="submit">{application.intakeAt ? "Intake verplaatsen" : "Intake plannen"}</button>
              </div>
            </Form>
          </>
        )}
      </section>

      <section aria-labelledby="besluit">
        <h2 id="besluit">Intake vastleggen en besluiten</h2>
        {application.status === "ADMITTED" ? (
          <>
            {application.intakeNotes ? <p className="quote-block">{application.intakeNotes}</p> : null}
            <p>Deze gemeente is toegelaten en ingeschreven. Wijzigingen in het duo doe je bij Gemeenten en duo&apos;s.</p>
          </>
        ) : (
          <>
            <p>
              Bij <strong>toegelaten</strong> wordt de gemeente ingeschreven en krijgt het duo een uitnodiging per e-mail. Iemand
              die al een account heeft, komt direct in het duo. De contactpersoon krijgt bij elk besluit een e-mail.
            </p>
            <ErrorSummary errors={decide?.errors} />
            <FormAlert message={decide?.formError} />
            {decide?.conflict ? (
              <div className="card">
                <p>
                  <strong>Aantekeningen zoals ze nu zijn opgeslagen:</strong>
                </p>
                <p className="pre-line">{decide.conflict.notes || "(leeg)"}</p>
              </div>
            ) : null}
            <Form method="post" className="stack" noValidate>
              <input type="hidden" name="intent" value="decide" />
              <input type="hidden" name="version" value={decide?.conflict?.version ?? new Date(application.updatedAt).toISOString()} />
              <TextareaField
                label="Aantekeningen van het intakegesprek"
                name="notes"
                hint="Alleen zichtbaar voor coördinatoren."
                defaultValue={decide?.values.notes ?? application.intakeNotes}
                errors={decide?.errors.notes}
              />
              <fieldset className="fieldset" aria-describedby={decide?.errors.decision ? "decision-error" : undefined}>
                <legend>Besluit</legend>
                {(Object.keys(decisionLabels) as (keyof typeof decisionLabels)[]).map((value) => (
                  <div key={value}>
                    <input
                      type="radio"
                      id={`decision-${value}`}
                      name="decision"
                      value={value}
                      defaultChecked={currentDecision === value}
                    />{" "}
                    <label htmlFor={`decision-${value}`}>{decisionLabels[value]}</label>
                  </div>
                ))}
                {decide?.errors.decision ? (
                  <p className="field-error" id="decision-error">
                    {decide.errors.decision.join(" ")}
                  </p>
                ) : null}
              </fieldset>
              <TextareaField
                label="Reden"
                name="reason"
                hint="Verplicht bij wachtlijst of afwijzing. De contactpersoon krijgt deze reden in de e-mail."
                defaultValue={decide?.values.reason ?? application.decisionReason}
                errors={decide?.errors.reason}
              />
              <div>
                <button type="submit">Opslaan</button>
              </div>
            </Form>
          </>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
