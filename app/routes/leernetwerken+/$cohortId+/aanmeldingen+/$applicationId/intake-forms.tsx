import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Field, FormAlert, TextareaField } from "~/components/forms.tsx";
import { formatDateTime } from "~/utils/dates.ts";
import { textValue } from "~/utils/forms.ts";
import type { action, loader } from "./route.tsx";

/** Planning (or moving) the intake conversation, until a decision is final. */
export function IntakePlanning() {
  const { application, intake } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const plan = textValue(actionData?.values, "intent") === "plan" ? actionData : null;
  const decided = application.status === "ADMITTED" || application.status === "REJECTED";
  return (
    <section aria-labelledby="plannen">
      <h2 id="plannen">Intakegesprek plannen</h2>
      {application.intakeAt ? (
        <p>
          Gepland op {formatDateTime(application.intakeAt)} uur
          {application.intakeLocation ? `, ${application.intakeLocation}` : ""}.
        </p>
      ) : (
        <p>Nog niet gepland.</p>
      )}
      {decided ? null : (
        <>
          <ErrorSummary errors={plan?.fieldErrors} />
          <FormAlert message={plan?.formError} />
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="plan" />
            <Field
              label="Datum"
              name="intakeDate"
              type="date"
              required
              defaultValue={textValue(plan?.values, "intakeDate") ?? intake?.date ?? ""}
              errors={plan?.fieldErrors.intakeDate}
            />
            <Field
              label="Tijd"
              name="intakeTime"
              type="time"
              required
              hint="Nederlandse tijd."
              defaultValue={textValue(plan?.values, "intakeTime") ?? intake?.time ?? ""}
              errors={plan?.fieldErrors.intakeTime}
            />
            <Field
              label="Plaats of link (niet verplicht)"
              name="intakeLocation"
              hint="Het adres, of de link van het videogesprek. Komt in de agenda van wie meedoet."
              maxLength={500}
              defaultValue={textValue(plan?.values, "intakeLocation") ?? application.intakeLocation}
              errors={plan?.fieldErrors.intakeLocation}
            />
            <div>
              <button type="submit">{application.intakeAt ? "Intake verplaatsen" : "Intake plannen"}</button>
            </div>
          </Form>
        </>
      )}
    </section>
  );
}

const decisionLabels = {
  NONE: "Nog geen besluit",
  ADMITTED: "Toegelaten",
  WAITLISTED: "Wachtlijst",
  REJECTED: "Afgewezen",
} as const;

/** The intake notes and the decision: admitted (enrols and invites the duo), waiting list or rejected. */
export function IntakeDecision() {
  const { application } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // The decision form also shows an answer to a form the page does not know (anything but "plan").
  const decide =
    actionData && !["plan", "duo", "leave-waitlist"].includes(textValue(actionData.values, "intent") ?? "")
      ? actionData
      : null;
  const currentDecision =
    textValue(decide?.values, "decision") ??
    (application.status === "WAITLISTED" || application.status === "REJECTED" || application.status === "ADMITTED"
      ? application.status
      : "NONE");
  return (
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
            Bij <strong>toegelaten</strong> wordt de gemeente ingeschreven en krijgt het duo een uitnodiging per e-mail.
            Iemand die al een account heeft, komt direct in het duo. De contactpersoon krijgt bij elk besluit een
            e-mail.
          </p>
          <ErrorSummary errors={decide?.fieldErrors} />
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
            <input
              type="hidden"
              name="version"
              value={decide?.conflict?.version ?? new Date(application.updatedAt).toISOString()}
            />
            <TextareaField
              label="Aantekeningen van het intakegesprek"
              name="notes"
              hint="Alleen zichtbaar voor coördinatoren."
              defaultValue={textValue(decide?.values, "notes") ?? application.intakeNotes}
              errors={decide?.fieldErrors.notes}
            />
            <fieldset
              className="fieldset"
              aria-describedby={decide?.fieldErrors.decision ? "decision-error" : undefined}
            >
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
              {decide?.fieldErrors.decision ? (
                <p className="field-error" id="decision-error">
                  {decide.fieldErrors.decision.join(" ")}
                </p>
              ) : null}
            </fieldset>
            <TextareaField
              label="Reden"
              name="reason"
              hint="Verplicht bij wachtlijst of afwijzing. De contactpersoon krijgt deze reden in de e-mail."
              defaultValue={textValue(decide?.values, "reason") ?? application.decisionReason}
              errors={decide?.fieldErrors.reason}
            />
            <div>
              <button type="submit">Opslaan</button>
            </div>
          </Form>
        </>
      )}
    </section>
  );
}
