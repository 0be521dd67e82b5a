// Coordinators invite people by e-mail: participants into a municipality's duo, facilitators into a
// cohort, or another coordinator.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { isUuid, requireRole } from "~/auth/guards.server.ts";
import { TableScroll } from "~/components/table-scroll.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary, Field, FormAlert, SelectField } from "~/components/forms.tsx";
import { listCohortChoices, listEnrollmentChoices } from "~/models/cohort.server.ts";
import { createInvitation, listInvitations, revokeInvitation } from "~/models/invitation.server.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { emailField, formIntents, parseForm } from "~/utils/forms.ts";
import { domainErrorReply, invalid, readForm } from "~/utils/forms.server.ts";
import { duoFunctionLabels, roleLabels } from "~/utils/labels.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction = () => [{ title: "Uitnodigingen — Leernetwerk" }];

const optionalId = z
  .string()
  .optional()
  .transform((value) => (value ? value : undefined))
  .refine((value) => value === undefined || isUuid(value), "Maak een keuze uit de lijst.");

const inviteFields = z.object({
  email: emailField,
  name: z.string().trim().max(120, "Maximaal 120 tekens.").optional(),
  role: z.enum(["PARTICIPANT", "FACILITATOR", "COORDINATOR"], {
    errorMap: () => ({ message: "Kies een rol." }),
  }),
  enrollmentId: optionalId,
  cohortId: optionalId,
  duoFunction: z
    .enum(["BELEIDSMEDEWERKER", "LEIDINGGEVENDE", "STRATEGISCH_BELEIDSADVISEUR", "ERVARINGSDESKUNDIGE"])
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "COORDINATOR");
  const [invitations, enrollments, cohorts] = await Promise.all([
    listInvitations(),
    listEnrollmentChoices(),
    listCohortChoices(),
  ]);
  return { invitations, enrollments, cohorts, now: new Date() };
}

const schema = formIntents({
  invite: inviteFields,
  revoke: z.object({ invitationId: z.string().default("") }),
});

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "COORDINATOR");
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  const { data: input, values } = form;
  if (input.intent === "revoke") {
    if (!isUuid(input.invitationId) || !(await revokeInvitation(input.invitationId, user.id))) {
      return redirectWithToast("/beheer/uitnodigingen", {
        type: "error",
        title: "Deze uitnodiging kon niet worden ingetrokken.",
      });
    }
    return redirectWithToast("/beheer/uitnodigingen", { title: "De uitnodiging is ingetrokken" });
  }
  try {
    await createInvitation(input, user);
  } catch (error) {
    return domainErrorReply(error, values);
  }
  return redirectWithToast("/beheer/uitnodigingen", {
    title: "De uitnodiging is verstuurd",
    description: `${input.email} krijgt een e-mail met een link die 14 dagen geldig is.`,
  });
}

function invitationStatus(invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date) {
  if (invitation.acceptedAt) return { label: "Aangenomen", className: "badge badge-success" };
  if (invitation.revokedAt) return { label: "Ingetrokken", className: "badge" };
  if (invitation.expiresAt <= now) return { label: "Verlopen", className: "badge badge-error" };
  return { label: "Open", className: "badge badge-warning" };
}

export default function InvitationsPage() {
  const { invitations, enrollments, cohorts, now } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? {};
  const errors = actionData?.fieldErrors ?? {};
  return (
    <>
      <h1>Uitnodigingen</h1>
      <section aria-labelledby="nieuw">
        <h2 id="nieuw">Iemand uitnodigen</h2>
        <p>
          De persoon krijgt een e-mail met een link. Via die link kiest hij of zij een naam en wachtwoord en komt direct
          in het leernetwerk. De link is 14 dagen geldig.
        </p>
        <ErrorSummary errors={actionData?.fieldErrors} />
        <FormAlert message={actionData?.formError} />
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="invite" />
          <Field
            label="E-mailadres"
            name="email"
            type="email"
            required
            defaultValue={values.email ?? ""}
            errors={errors.email}
          />
          <Field label="Naam (mag leeg blijven)" name="name" defaultValue={values.name ?? ""} errors={errors.name} />
          <SelectField label="Rol" name="role" required defaultValue={values.role ?? ""} errors={errors.role}>
            <option value="">— Kies een rol —</option>
            <option value="PARTICIPANT">{roleLabels.PARTICIPANT}</option>
            <option value="FACILITATOR">{roleLabels.FACILITATOR}</option>
            <option value="COORDINATOR">{roleLabels.COORDINATOR}</option>
          </SelectField>
          <SelectField
            label="Gemeente in het leernetwerk"
            name="enrollmentId"
            hint="Alleen voor deelnemers."
            defaultValue={values.enrollmentId ?? ""}
            errors={errors.enrollmentId}
          >
            <option value="">— Kies een gemeente —</option>
            {enrollments.map((enrollment) => (
              <option key={enrollment.id} value={enrollment.id}>
                {enrollment.municipality.name} — {enrollment.cohort.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Functie in het duo"
            name="duoFunction"
            hint="Alleen voor deelnemers."
            defaultValue={values.duoFunction ?? ""}
            errors={errors.duoFunction}
          >
            <option value="">— Kies een functie —</option>
            {Object.entries(duoFunctionLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Leernetwerk"
            name="cohortId"
            hint="Alleen voor begeleiders: het leernetwerk dat hij of zij begeleidt."
            defaultValue={values.cohortId ?? ""}
            errors={errors.cohortId}
          >
            <option value="">— Kies een leernetwerk —</option>
            {cohorts.map((cohort) => (
              <option key={cohort.id} value={cohort.id}>
                {cohort.name}
              </option>
            ))}
          </SelectField>
          <div>
            <button type="submit">Uitnodiging versturen</button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="verstuurd">
        <h2 id="verstuurd">Verstuurde uitnodigingen</h2>
        {invitations.length === 0 ? (
          <p>Er zijn nog geen uitnodigingen verstuurd.</p>
        ) : (
          <TableScroll label="Tabel met verstuurde uitnodigingen">
            <table>
              <thead>
                <tr>
                  <th scope="col">E-mailadres</th>
                  <th scope="col">Rol</th>
                  <th scope="col">Leernetwerk</th>
                  <th scope="col">Geldig tot</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="muted">Actie</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {invitations.map((invitation) => {
                  const status = invitationStatus(invitation, now);
                  return (
                    <tr key={invitation.id}>
                      <td>{invitation.email}</td>
                      <td>
                        {roleLabels[invitation.role]}
                        {invitation.duoFunction ? ` (${duoFunctionLabels[invitation.duoFunction].toLowerCase()})` : ""}
                      </td>
                      <td>
                        {invitation.cohort?.name ?? "—"}
                        {invitation.enrollment ? `, ${invitation.enrollment.municipality.name}` : ""}
                      </td>
                      <td>{formatDateTime(invitation.expiresAt)}</td>
                      <td>
                        <span className={status.className}>{status.label}</span>
                      </td>
                      <td>
                        {status.label === "Open" ? (
                          <Form method="post" className="inline-form">
                            <input type="hidden" name="intent" value="revoke" />
                            <input type="hidden" name="invitationId" value={invitation.id} />
                            <button type="submit" className="button-link">
                              Intrekken<span className="visually-hidden"> (uitnodiging {invitation.email})</span>
                            </button>
                          </Form>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
