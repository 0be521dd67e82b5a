import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { ErrorSummary, Field, FormAlert, SelectField } from "~/components/forms.tsx";
import { allDuoFunctions } from "~/models/enrollment-rules.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { duoFunctionLabels } from "~/utils/labels.ts";
import type { action, loader } from "./route.tsx";

/** "Nina Nieuw — beleidsmedewerker (nina@hengelo.nl), geldig tot 6 dec 2026, 21:58" */
function invitationText(
  invitation: {
    name: string | null;
    email: string;
    duoFunction: keyof typeof duoFunctionLabels | null;
    expiresAt: Date | string;
  },
  now: Date | string,
) {
  const fn = invitation.duoFunction ? ` — ${duoFunctionLabels[invitation.duoFunction].toLowerCase()}` : "";
  const validity =
    new Date(invitation.expiresAt) > new Date(now) ? `geldig tot ${formatDateTime(invitation.expiresAt)}` : "verlopen";
  return `${invitation.name ?? invitation.email}${fn} (${invitation.email}), ${validity}`;
}

/** The members of the duo and its open invitations, each with a button to take them off. */
export function DuoMembers() {
  const { enrollment, now } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="duo">
      <h2 id="duo">Het duo</h2>
      {enrollment.members.length === 0 ? <p>Er zit nog niemand met een account in het duo.</p> : null}
      <ul className="person-list">
        {enrollment.members.map((member) => (
          <li key={member.id}>
            <Link to={`/beheer/gebruikers/${member.user.id}`}>{member.user.name}</Link> —{" "}
            {duoFunctionLabels[member.function].toLowerCase()} ({member.user.email}){" "}
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="remove-member" />
              <input type="hidden" name="memberId" value={member.id} />
              <button type="submit" className="button-link">
                Uit het duo halen<span className="visually-hidden"> ({member.user.name})</span>
              </button>
            </Form>
          </li>
        ))}
      </ul>
      {enrollment.invitations.length ? (
        <>
          <h3>Uitgenodigd, nog geen account</h3>
          <ul className="person-list">
            {enrollment.invitations.map((invitation) => (
              <li key={invitation.id}>
                {invitationText(invitation, now)}{" "}
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="revoke-invitation" />
                  <input type="hidden" name="invitationId" value={invitation.id} />
                  <button type="submit" className="button-link">
                    Uitnodiging intrekken<span className="visually-hidden"> ({invitation.email})</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** Add someone to the duo, or let them take a member's place: at once with an account, else by invitation. */
export function AddMemberForm() {
  const { enrollment } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? {};
  const errors = actionData?.fieldErrors ?? {};
  return (
    <section aria-labelledby="toevoegen">
      <h2 id="toevoegen">Iemand toevoegen of vervangen</h2>
      <p>
        Heeft deze persoon al een account als deelnemer? Dan komt hij of zij direct in het duo. Anders sturen we een
        uitnodiging per e-mail.
      </p>
      <ErrorSummary errors={errors} />
      <FormAlert message={actionData?.formError} />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="add-member" />
        <Field label="Naam" name="name" required defaultValue={values.name ?? ""} errors={errors.name} />
        <Field
          label="E-mailadres"
          name="email"
          type="email"
          required
          defaultValue={values.email ?? ""}
          errors={errors.email}
        />
        <SelectField
          label="Functie"
          name="function"
          required
          defaultValue={values.function ?? "BELEIDSMEDEWERKER"}
          errors={errors.function}
        >
          {allDuoFunctions.map((value) => (
            <option key={value} value={value}>
              {duoFunctionLabels[value]}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Vervangt (mag leeg blijven)"
          name="replacesMemberId"
          hint="Kies iemand als de nieuwe persoon diens plaats inneemt; die gaat dan uit het duo."
          defaultValue={values.replacesMemberId ?? ""}
          errors={errors.replacesMemberId}
        >
          <option value="">Niemand: de persoon komt erbij</option>
          {enrollment.members.map((member) => (
            <option key={member.id} value={member.id}>
              {member.user.name} ({duoFunctionLabels[member.function].toLowerCase()})
            </option>
          ))}
        </SelectField>
        <div>
          <button type="submit">Toevoegen</button>
        </div>
      </Form>
    </section>
  );
}
