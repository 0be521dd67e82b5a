// Coordinator: the municipalities in this cohort with their duos, open invitations and intake status, and a
// form to enrol a municipality directly (without the public application form).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { z } from "zod";
import { requireCohortCoordinator } from "~/auth/guards.server.ts";
import { DuoFields } from "~/components/duo-fields.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary, Field, FormAlert, TextareaField } from "~/components/forms.tsx";
import { TableScroll } from "~/components/table-scroll.tsx";
import { duoFields, duoMembersFrom, municipalityField, placesLeft } from "~/models/enrollment-rules.ts";
import { enrollMunicipality, listCohortEnrollments } from "~/models/enrollment.server.ts";
import { cohortPage, cohortTitle, useCohortAdminHeader } from "~/utils/cohort-page.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { parseForm } from "~/utils/forms.ts";
import { domainErrorReply, invalid, readForm } from "~/utils/forms.server.ts";
import { applicationStatusLabels, duoFunctionLabels, enrollmentStatusLabels } from "~/utils/labels.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { aantal } from "~/utils/plural.ts";

export const handle = cohortPage<typeof loader>({ adminNav: true });

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? cohortTitle(matches, "Gemeenten en duo's") : "Gemeenten en duo's — Leernetwerk" },
];

const enrolSchema = z
  .object({
    municipality: municipalityField,
    vraagstuk: z.string().trim().max(2000, "Het vraagstuk mag maximaal 2000 tekens hebben.").default(""),
    ...duoFields,
  })
  .transform((form, ctx) => ({ ...form, members: duoMembersFrom(form, ctx) }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cohortId } = await requireCohortCoordinator(request, params.cohortId);
  const enrollments = await listCohortEnrollments(cohortId);
  return {
    enrollments: enrollments.map((enrollment) => ({
      ...enrollment,
      // Only whether someone has finished their account, never the hash itself.
      members: enrollment.members.map(({ user: { passwordHash, ...user }, ...member }) => ({
        ...member,
        user: { ...user, active: passwordHash !== null },
      })),
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, cohortId } = await requireCohortCoordinator(request, params.cohortId);
  const form = parseForm(enrolSchema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  try {
    const result = await enrollMunicipality(
      { cohortId, municipality: form.data.municipality, vraagstuk: form.data.vraagstuk, members: form.data.members },
      user,
    );
    const parts = [
      result.invited ? `${aantal(result.invited, "uitnodiging", "uitnodigingen")} verstuurd` : null,
      result.added ? `${aantal(result.added, "persoon", "personen")} met een account direct toegevoegd` : null,
    ].filter(Boolean);
    return redirectWithToast(`/leernetwerken/${cohortId}/deelnemers/${result.enrollmentId}`, {
      title: `De gemeente ${result.municipality} is ingeschreven`,
      description: parts.length ? `${parts.join(", ")}.` : undefined,
    });
  } catch (error) {
    return domainErrorReply(error, form.values);
  }
}

export default function ParticipantsPage() {
  const { enrollments } = useLoaderData<typeof loader>();
  const cohort = useCohortAdminHeader();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? {};
  const errors = actionData?.fieldErrors ?? {};
  const left = placesLeft(cohort.admin);
  return (
    <>
      <h1>Gemeenten en duo&apos;s</h1>
      {enrollments.length === 0 ? (
        <p>Er zijn nog geen gemeenten ingeschreven.</p>
      ) : (
        <TableScroll label="Tabel met gemeenten en duo's">
          <table>
            <caption className="muted">
              {cohort.admin.activeEnrollments} van {cohort.admin.capacity} plaatsen bezet
            </caption>
            <thead>
              <tr>
                <th scope="col">Gemeente</th>
                <th scope="col">Duo</th>
                <th scope="col">Intake</th>
                <th scope="col">Inschrijving</th>
              </tr>
            </thead>
            <tbody>
              {enrollments.map((enrollment) => (
                <tr key={enrollment.id}>
                  <td>
                    <Link to={`/leernetwerken/${cohort.id}/deelnemers/${enrollment.id}`}>
                      {enrollment.municipality.name}
                    </Link>
                  </td>
                  <td>
                    <ul className="person-list">
                      {enrollment.members.map((member) => (
                        <li key={member.id}>
                          {member.user.name} — {duoFunctionLabels[member.function].toLowerCase()}
                          {member.user.active ? "" : " (account nog niet af)"}
                        </li>
                      ))}
                      {enrollment.invitations.map((invitation) => (
                        <li key={invitation.id}>
                          {invitation.name ?? invitation.email}
                          {invitation.duoFunction
                            ? ` — ${duoFunctionLabels[invitation.duoFunction].toLowerCase()}`
                            : ""}{" "}
                          <span className="badge badge-warning">Uitgenodigd</span>
                        </li>
                      ))}
                      {enrollment.members.length + enrollment.invitations.length === 0 ? <li>Nog niemand</li> : null}
                    </ul>
                  </td>
                  <td>
                    {enrollment.application ? (
                      <Link to={`/leernetwerken/${cohort.id}/aanmeldingen/${enrollment.application.id}`}>
                        {applicationStatusLabels[enrollment.application.status]}
                        {enrollment.application.intakeAt
                          ? ` na intake op ${formatDateTime(enrollment.application.intakeAt)}`
                          : ""}
                      </Link>
                    ) : (
                      "Direct ingeschreven (zonder aanmelding)"
                    )}
                  </td>
                  <td>
                    <span className={enrollment.status === "ACTIVE" ? "badge badge-success" : "badge"}>
                      {enrollmentStatusLabels[enrollment.status]}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      <section aria-labelledby="inschrijven">
        <h2 id="inschrijven">Een gemeente direct inschrijven</h2>
        <p>
          Zonder aanmelding en intake via de openbare pagina, bijvoorbeeld als de intake al buiten het platform is
          gedaan.
          {left > 0
            ? ` Er ${left === 1 ? "is nog 1 plaats" : `zijn nog ${left} plaatsen`}.`
            : " Het leernetwerk zit vol: schrijf eerst een gemeente uit of verhoog het aantal plaatsen."}
        </p>
        <ErrorSummary errors={errors} />
        <FormAlert message={actionData?.formError} />
        <Form method="post" className="stack form-narrow" noValidate>
          <Field
            label="Gemeente"
            name="municipality"
            required
            defaultValue={values.municipality ?? ""}
            errors={errors.municipality}
          />
          <TextareaField
            label="Vraagstuk (mag leeg blijven)"
            name="vraagstuk"
            defaultValue={values.vraagstuk ?? ""}
            errors={errors.vraagstuk}
          />
          <DuoFields values={values} errors={errors} />
          <div>
            <button type="submit">Gemeente inschrijven</button>
          </div>
        </Form>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
