// Coordinator: one municipality in the cohort. Add a person to the duo (at once when they have an
// account, otherwise by invitation), replace or remove someone, withdraw an invitation, and withdraw or
// reinstate the municipality.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { isUuid, requireCohortCoordinator } from "~/auth/guards.server.ts";
import { CohortAdminNav } from "~/components/cohort-admin-nav.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary, Field, FormAlert, SelectField } from "~/components/forms.tsx";
import { allDuoFunctions } from "~/models/enrollment-rules.ts";
import {
  addDuoMember,
  EnrollmentError,
  getCohortAdminHeader,
  getCohortEnrollment,
  reinstateEnrollment,
  removeDuoMember,
  revokeEnrollmentInvitation,
  withdrawEnrollment,
} from "~/models/enrollment.server.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { emailField, nameField, parseForm, type FieldErrors, type FormValues } from "~/utils/forms.ts";
import { invariantResponse, notFound } from "~/utils/http.server.ts";
import { applicationStatusLabels, duoFunctionLabels, enrollmentStatusLabels } from "~/utils/labels.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data ? `Gemeente ${data.enrollment.municipality.name} — ${data.cohort.name} — Leernetwerk` : "Gemeente — Leernetwerk",
  },
];

const addSchema = z.object({
  name: nameField,
  email: emailField,
  function: z.enum(allDuoFunctions, { errorMap: () => ({ message: "Kies de functie." }) }),
  replacesMemberId: z
    .string()
    .optional()
    .transform((value) => value || null)
    .refine((value) => value === null || isUuid(value), "Kies iemand uit het duo, of niemand."),
});

async function load(request: Request, params: LoaderFunctionArgs["params"]) {
  const { user, cohortId } = await requireCohortCoordinator(request, params.cohortId);
  if (!isUuid(params.enrollmentId)) throw notFound("Deze gemeente is niet ingeschreven in dit leernetwerk.");
  return { user, cohortId, enrollmentId: params.enrollmentId };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cohortId, enrollmentId } = await load(request, params);
  const [cohort, enrollment] = await Promise.all([getCohortAdminHeader(cohortId), getCohortEnrollment(cohortId, enrollmentId)]);
  invariantResponse(cohort, "Dit leernetwerk bestaat niet.");
  invariantResponse(enrollment, "Deze gemeente is niet ingeschreven in dit leernetwerk.");
  return { cohort, enrollment, now: new Date() };
}

type ActionResult = { errors: FieldErrors; formError: string | null; values: FormValues };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, cohortId, enrollmentId } = await load(request, params);
  const here = `/leernetwerken/${cohortId}/deelnemers/${enrollmentId}`;
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const fail = (result: ActionResult) => data(result, { status: 400 });
  try {
    if (intent === "remove-member") {
      const memberId = String(formData.get("memberId") ?? "");
      const removed = isUuid(memberId) && (await removeDuoMember({ cohortId, enrollmentId, memberId }, user));
      if (!removed) return redirectWithToast(here, { type: "error", title: "Deze persoon zit niet (meer) in het duo." });
      return redirectWithToast(here, { title: "De persoon is uit het duo gehaald", description: "Het account blijft bestaan." });
    }
    if (intent === "revoke-invitation") {
      const invitationId = String(formData.get("invitationId") ?? "");
      const revoked = isUuid(invitationId) && (await revokeEnrollmentInvitation({ cohortId, enrollmentId, invitationId }, user));
      if (!revoked) {
        return redirectWithToast(here, { type: "error", title: "Deze uitnodiging kon niet worden ingetrokken." });
      }
      return redirectWithToast(here, { title: "De uitnodiging is ingetrokken" });
    }
    if (intent === "withdraw") {
      if (!(await withdrawEnrollment({ cohortId, enrollmentId }, user))) {
        return redirectWithToast(here, { type: "error", title: "Deze gemeente was al uitgeschreven." });
      }
      return redirectWithToast(here, {
        title: "De gemeente is uitgeschreven",
        description: "Het duo heeft geen toegang meer tot het leernetwerk; open uitnodigingen zijn ingetrokken.",
      });
    }
    if (intent === "reinstate") {
      if (!(await reinstateEnrollment({ cohortId, enrollmentId }, user))) {
        return redirectWithToast(here, { type: "error", title: "Deze gemeente was al ingeschreven." });
      }
      return redirectWithToast(here, { title: "De gemeente is weer ingeschreven" });
    }

    const form = parseForm(addSchema, formData);
    if (!form.ok) return fail({ errors: form.errors, formError: null, values: form.values });
    try {
      const result = await addDuoMember({ cohortId, enrollmentId, ...form.data }, user);
      return redirectWithToast(here, {
        title: result.kind === "added" ? `${form.data.name} is toegevoegd aan het duo` : `${form.data.name} is uitgenodigd`,
        description:
          result.kind === "added"
            ? "Deze persoon had al een account en ziet het leernetwerk meteen."
            : `${form.data.email} krijgt een e-mail met een link die 14 dagen geldig is.`,
      });
    } catch (error) {
      if (error instanceof EnrollmentError) {
        if (error.field === "form") return fail({ errors: {}, formError: error.message, values: form.values });
        return fail({ errors: { [error.field]: [error.message] }, formError: null, values: form.values });
      }
      throw error;
    }
  } catch (error) {
    if (error instanceof EnrollmentError) return redirectWithToast(here, { type: "error", title: error.message });
    throw error;
  }
}

/** "Nina Nieuw — beleidsmedewerker (nina@hengelo.nl), geldig tot 6 dec 2026, 21:58" */
function invitationText(
  invitation: { name: string | null; email: string; duoFunction: keyof typeof duoFunctionLabels | null; expiresAt: Date | string },
  now: Date | string,
) {
  const fn = invitation.duoFunction ? ` — ${duoFunctionLabels[invitation.duoFunction].toLowerCase()}` : "";
  const validity =
    new Date(invitation.expiresAt) > new Date(now) ? `geldig tot ${formatDateTime(invitation.expiresAt)}` : "verlopen";
  return `${invitation.name ?? invitation.email}${fn} (${invitation.email}), ${validity}`;
}

export default function EnrollmentPage() {
  const { cohort, enrollment, now } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? {};
  const errors = actionData?.errors ?? {};
  const active = enrollment.status === "ACTIVE";
  return (
    <>
      <CohortAdminNav cohort={cohort} />
      <p className="breadcrumb">
        <Link to={`/leernetwerken/${cohort.id}/deelnemers`}>Terug naar alle gemeenten</Link>
      </p>
      <h1>Gemeente {enrollment.municipality.name}</h1>
      <p>
        <span className={active ? "badge badge-success" : "badge"}>{enrollmentStatusLabels[enrollment.status]}</span>{" "}
        {enrollment.application ? (
          <Link to={`/leernetwerken/${cohort.id}/aanmeldingen/${enrollment.application.id}`}>
            Aanmelding: {applicationStatusLabels[enrollment.application.status].toLowerCase()}
            {enrollment.application.intakeAt ? `, intake op ${formatDateTime(enrollment.application.intakeAt)}` : ""}
          </Link>
        ) : (
          <span className="muted">Direct ingeschreven op {formatDateTime(enrollment.createdAt)}</span>
        )}
      </p>
      {enrollment.vraagstuk ? (
        <>
          <h2>Vraagstuk</h2>
          <p className="quote-block">{enrollment.vraagstuk}</p>
        </>
      ) : null}

      <section aria-labelledby="duo">
        <h2 id="duo">Het duo</h2>
        {enrollment.members.length === 0 ? <p>Er zit nog niemand met een account in het duo.</p> : null}
        <ul className="person-list">
          {enrollment.members.map((member) => (
            <li key={member.id}>
              {member.user.name} — {duoFunctionLabels[member.function].toLowerCase()} ({member.user.email}){" "}
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

      {active ? (
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
      ) : null}

      <section aria-labelledby="inschrijving">
        <h2 id="inschrijving">Inschrijving</h2>
        {active ? (
          <>
            <p>
              Schrijf je de gemeente uit, dan heeft het duo geen toegang meer tot het leernetwerk en komt er een plaats vrij. Open
              uitnodigingen worden ingetrokken.
            </p>
            <Form method="post">
              <input type="hidden" name="intent" value="withdraw" />
              <button type="submit" className="button-danger">
                Gemeente {enrollment.municipality.name} uitschrijven
              </button>
            </Form>
          </>
        ) : (
          <>
            <p>Deze gemeente is uitgeschreven. Je kunt haar weer inschrijven als er een plaats vrij is.</p>
            <Form method="post">
              <input type="hidden" name="intent" value="reinstate" />
              <button type="submit">Gemeente {enrollment.municipality.name} weer inschrijven</button>
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
