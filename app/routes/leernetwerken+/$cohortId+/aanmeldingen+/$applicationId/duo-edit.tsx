// Issue 19: the coordinator changes the intended duo of an application (until admission or rejection), and
// takes an application off the waiting list.
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { DuoFields } from "~/components/duo-fields.tsx";
import { ErrorSummary, FormAlert } from "~/components/forms.tsx";
import { formatDate } from "~/utils/dates.ts";
import { type FormValues, textValue } from "~/utils/forms.ts";
import type { action, loader } from "./route.tsx";

const slots = ["member1", "member2"] as const;

/** The form's first values: the people as they are in the application now. */
function currentValues(members: { name: string; email: string; function: string }[]): FormValues {
  const values: FormValues = {};
  const duo = members.filter((member) => member.function !== "ERVARINGSDESKUNDIGE");
  const expert = members.find((member) => member.function === "ERVARINGSDESKUNDIGE");
  duo.slice(0, 2).forEach((member, index) => {
    values[`${slots[index]}Name`] = member.name;
    values[`${slots[index]}Email`] = member.email;
    values[`${slots[index]}Function`] = member.function;
  });
  if (expert) {
    values.expertName = expert.name;
    values.expertEmail = expert.email;
  }
  return values;
}

export function DuoEdit() {
  const { application, duoEditable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const answer = textValue(actionData?.values, "intent") === "duo" ? actionData : null;
  return (
    <section aria-labelledby="duo-wijzigen">
      <h2 id="duo-wijzigen">Het beoogde duo wijzigen</h2>
      {!duoEditable ? (
        <p>
          {application.status === "ADMITTED"
            ? "Deze gemeente is toegelaten: het duo wijzig je nu bij Gemeenten en duo's."
            : "Deze aanmelding is afgewezen: het duo valt niet meer te wijzigen."}
        </p>
      ) : (
        <>
          <p>
            Stuurt de gemeente iemand anders? Pas het duo hier aan. Dat kan tot de gemeente is toegelaten of afgewezen.
            Bij toelating krijgen de mensen die hier staan een uitnodiging.
          </p>
          <ErrorSummary errors={answer?.fieldErrors} />
          <FormAlert message={answer?.formError} />
          <Form method="post" className="stack form-narrow" noValidate>
            <input type="hidden" name="intent" value="duo" />
            <input type="hidden" name="version" value={new Date(application.updatedAt).toISOString()} />
            <DuoFields
              values={answer?.values ?? currentValues(application.members)}
              errors={answer?.fieldErrors ?? {}}
            />
            <div>
              <button type="submit" disabled={navigation.state === "submitting"}>
                Duo wijzigen
              </button>
            </div>
          </Form>
        </>
      )}
    </section>
  );
}

/** On the waiting list: admit (with the decision below) or make it a normal application again. */
export function WaitingListNote() {
  const { application } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const answer = textValue(actionData?.values, "intent") === "leave-waitlist" ? actionData : null;
  if (application.status !== "WAITLISTED") return null;
  return (
    <section aria-labelledby="wachtlijst" className="card">
      <h2 id="wachtlijst">Op de wachtlijst</h2>
      <p>
        Deze gemeente staat op de wachtlijst
        {application.waitlistedAt ? ` sinds ${formatDate(application.waitlistedAt)}` : ""}. Is er een plaats vrij, kies
        dan hieronder bij het besluit <strong>Toegelaten</strong>. Wil je eerst een intakegesprek, maak er dan weer een
        gewone aanmelding van.
      </p>
      <FormAlert message={answer?.formError} />
      <Form method="post">
        <input type="hidden" name="intent" value="leave-waitlist" />
        <button type="submit" className="button-secondary">
          Van de wachtlijst halen: gewone aanmelding
        </button>
      </Form>
    </section>
  );
}
