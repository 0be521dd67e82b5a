// Public: a cohort's page with the application form for municipalities (no login). Only while the cohort's
// status is "aanmelding open"; a running or closed cohort shows that applying is no longer possible, and a
// concept cohort does not exist for the public (404).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { z } from "zod";
import { DuoFields } from "~/components/duo-fields.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary, Field, FormAlert, TextareaField } from "~/components/forms.tsx";
import { SessionSummary } from "~/components/session-summary.tsx";
import { getPublicCohort, submitApplication } from "~/models/application.server.ts";
import {
  duoFields,
  duoMembersFrom,
  municipalityField,
  phoneField,
  placesLeft,
  vraagstukField,
} from "~/models/enrollment-rules.ts";
import { formatCalendarDate } from "~/utils/dates.ts";
import { emailField, nameField, parseForm } from "~/utils/forms.ts";
import { domainErrorReply, invalid, readForm } from "~/utils/forms.server.ts";
import { invariantResponse } from "~/utils/http.server.ts";
import { cohortStatusLabels } from "~/utils/labels.ts";
import type { DescribedHandle } from "~/utils/page-description.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Aanmelden: ${data.cohort.name} — Leernetwerk` : "Aanmelden — Leernetwerk" },
];

export const handle: DescribedHandle = {
  description: (data: { cohort: { name: string } }) =>
    `Meld je gemeente aan voor ${data.cohort.name}: met een duo en het vraagstuk waaraan jullie willen werken.`,
};

const applicationSchema = z
  .object({
    municipality: municipalityField,
    contactName: nameField,
    contactEmail: emailField,
    contactPhone: phoneField,
    vraagstuk: vraagstukField,
    ...duoFields,
    // Issue 19: sent by the form of a full cohort (a sign-up for the waiting list).
    waitingList: z.enum(["ja"]).optional(),
  })
  .transform((form, ctx) => ({ ...form, waitingList: form.waitingList === "ja", members: duoMembersFrom(form, ctx) }));

export async function loader({ params }: LoaderFunctionArgs) {
  const cohort = await getPublicCohort(params.slug ?? "");
  invariantResponse(cohort, "Dit leernetwerk bestaat niet.");
  const left = placesLeft({ capacity: cohort.capacity, activeEnrollments: cohort._count.enrollments });
  // A full cohort that still takes applications offers its waiting list instead.
  return { cohort, placesLeft: left, open: cohort.status === "APPLICATIONS_OPEN" };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = parseForm(applicationSchema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  try {
    const result = await submitApplication(params.slug ?? "", form.data);
    return {
      status: "done" as const,
      municipality: result.municipality,
      contactEmail: form.data.contactEmail,
      waitingList: result.waitingList,
    };
  } catch (error) {
    return domainErrorReply(error, form.values);
  }
}

export default function ApplyPage() {
  const { cohort, placesLeft: left, open } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const refused = actionData?.status === "error" ? actionData : null;
  const values = refused?.values ?? {};
  const errors = refused?.fieldErrors ?? {};
  const full = left === 0;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/aanmelden">Alle leernetwerken waarvoor je je kunt aanmelden</Link>
      </p>
      <h1>{cohort.name}</h1>
      <p>
        <span className="badge">{cohortStatusLabels[cohort.status]}</span> {formatCalendarDate(cohort.startsOn)} tot en
        met {formatCalendarDate(cohort.endsOn)}
      </p>
      {cohort.theme ? (
        <p>
          <strong>Thema:</strong> {cohort.theme}
        </p>
      ) : null}
      {cohort.description ? <p>{cohort.description}</p> : null}

      {cohort.sessions.length ? (
        <section aria-labelledby="bijeenkomsten">
          <h2 id="bijeenkomsten">Bijeenkomsten</h2>
          <ol className="session-list">
            {cohort.sessions.map((session) => (
              <li key={session.id} className="card">
                <SessionSummary session={{ ...session, meetingUrl: null }} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <section aria-labelledby="aanmelden">
        <h2 id="aanmelden">{open && full ? "Op de wachtlijst" : "Je gemeente aanmelden"}</h2>
        {actionData?.status === "done" && actionData.waitingList ? (
          <div className="alert alert-success" role="status">
            <p>
              <strong>Bedankt! De gemeente {actionData.municipality} staat op de wachtlijst.</strong>
            </p>
            <p>
              We hebben een bevestiging gestuurd naar {actionData.contactEmail}. Komt er een plaats vrij, dan neemt de
              coördinator contact met je op. Wie zich eerder op de wachtlijst zet, komt eerder aan de beurt.
            </p>
          </div>
        ) : actionData?.status === "done" ? (
          <div className="alert alert-success" role="status">
            <p>
              <strong>Bedankt! De aanmelding van de gemeente {actionData.municipality} is ontvangen.</strong>
            </p>
            <p>
              We hebben een bevestiging gestuurd naar {actionData.contactEmail}. De coördinator neemt contact met je op
              om een intakegesprek te plannen.
            </p>
          </div>
        ) : !open ? (
          <p className="alert alert-info">Aanmelden voor dit leernetwerk kan niet meer.</p>
        ) : (
          <>
            {full ? (
              <>
                <p className="alert alert-info">
                  Dit leernetwerk zit vol: alle {cohort.capacity} plaatsen voor gemeenten zijn bezet.
                </p>
                <p>
                  Je kunt je gemeente wel op de wachtlijst zetten. Komt er een plaats vrij, dan neemt de coördinator
                  contact met je op. Wie zich eerder op de wachtlijst zet, komt eerder aan de beurt. Alle velden zijn
                  verplicht, behalve de eigen ervaringsdeskundige.
                </p>
              </>
            ) : (
              <p>
                Er {left === 1 ? "is nog 1 plaats" : `zijn nog ${left} plaatsen`} voor gemeenten. Na je aanmelding
                plannen we een intakegesprek. Daarin bespreken we je vraagstuk en of het leernetwerk erbij past. Alle
                velden zijn verplicht, behalve de eigen ervaringsdeskundige.
              </p>
            )}
            <ErrorSummary errors={errors} />
            <FormAlert message={refused?.formError} />
            <Form method="post" className="stack form-narrow" noValidate>
              {full ? <input type="hidden" name="waitingList" value="ja" /> : null}
              <Field
                label="Gemeente"
                name="municipality"
                required
                hint="Bijvoorbeeld: Zwolle"
                defaultValue={values.municipality ?? ""}
                errors={errors.municipality}
              />
              <fieldset className="fieldset stack">
                <legend>Contactpersoon</legend>
                <Field
                  label="Naam"
                  name="contactName"
                  autoComplete="name"
                  required
                  defaultValue={values.contactName ?? ""}
                  errors={errors.contactName}
                />
                <Field
                  label="E-mailadres"
                  name="contactEmail"
                  type="email"
                  autoComplete="email"
                  required
                  hint="Hierheen sturen we de bevestiging en de uitnodiging voor het intakegesprek."
                  defaultValue={values.contactEmail ?? ""}
                  errors={errors.contactEmail}
                />
                <Field
                  label="Telefoonnummer"
                  name="contactPhone"
                  type="tel"
                  autoComplete="tel"
                  required
                  defaultValue={values.contactPhone ?? ""}
                  errors={errors.contactPhone}
                />
              </fieldset>
              <TextareaField
                label="Jullie vraagstuk"
                name="vraagstuk"
                required
                hint="Welke vraag brengt de gemeente mee? Waar lopen jullie tegenaan bij het gebruiken van ervaringskennis?"
                defaultValue={values.vraagstuk ?? ""}
                errors={errors.vraagstuk}
              />
              <DuoFields values={values} errors={errors} />
              <p className="field-hint">
                We gebruiken deze gegevens alleen voor de aanmelding en het leernetwerk. Vraag de mensen in het duo of
                ze het goed vinden dat je hun naam en e-mailadres doorgeeft.
              </p>
              <div>
                <button type="submit" disabled={navigation.state === "submitting"}>
                  {navigation.state === "submitting"
                    ? "Bezig met versturen…"
                    : full
                      ? "Op de wachtlijst zetten"
                      : "Aanmelding versturen"}
                </button>
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
