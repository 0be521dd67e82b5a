// Coordinator: one municipality in the cohort. Add a person to the duo (at once when they have an
// account, otherwise by invitation), replace or remove someone, withdraw an invitation, and withdraw or
// reinstate the municipality.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { z } from "zod";
import { isUuid, requireCohortCoordinator } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { allDuoFunctions } from "~/models/enrollment-rules.ts";
import {
  addDuoMember,
  getCohortEnrollment,
  reinstateEnrollment,
  removeDuoMember,
  revokeEnrollmentInvitation,
  withdrawEnrollment,
} from "~/models/enrollment.server.ts";
import { cohortPage, cohortTitle, useCohortHeader } from "~/utils/cohort-page.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { emailField, formIntents, nameField, parseForm } from "~/utils/forms.ts";
import { domainErrorReply, domainErrorToast, invalid, readForm } from "~/utils/forms.server.ts";
import { invariantResponse, notFound } from "~/utils/http.server.ts";
import { applicationStatusLabels, enrollmentStatusLabels } from "~/utils/labels.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { AddMemberForm, DuoMembers } from "./duo-members.tsx";

export const handle = cohortPage<typeof loader>({
  adminNav: true,
  breadcrumb: (_data, cohortPath) => [{ label: "Gemeenten", to: `${cohortPath}/deelnemers` }],
});

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? cohortTitle(matches, `Gemeente ${data.enrollment.municipality.name}`) : "Gemeente — Leernetwerk" },
];

const schema = formIntents({
  "add-member": z.object({
    name: nameField,
    email: emailField,
    function: z.enum(allDuoFunctions, { errorMap: () => ({ message: "Kies de functie." }) }),
    replacesMemberId: z
      .string()
      .optional()
      .transform((value) => value || null)
      .refine((value) => value === null || isUuid(value), "Kies iemand uit het duo, of niemand."),
  }),
  "remove-member": z.object({ memberId: z.string().default("") }),
  "revoke-invitation": z.object({ invitationId: z.string().default("") }),
  withdraw: z.object({}),
  reinstate: z.object({}),
});

async function load(request: Request, params: LoaderFunctionArgs["params"]) {
  const { user, cohortId } = await requireCohortCoordinator(request, params.cohortId);
  if (!isUuid(params.enrollmentId)) throw notFound("Deze gemeente is niet ingeschreven in dit leernetwerk.");
  return { user, cohortId, enrollmentId: params.enrollmentId };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cohortId, enrollmentId } = await load(request, params);
  const enrollment = await getCohortEnrollment(cohortId, enrollmentId);
  invariantResponse(enrollment, "Deze gemeente is niet ingeschreven in dit leernetwerk.");
  return { enrollment, now: new Date() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, cohortId, enrollmentId } = await load(request, params);
  const here = `/leernetwerken/${cohortId}/deelnemers/${enrollmentId}`;
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  const { data: input, values } = form;
  if (input.intent === "add-member") {
    const { intent: _intent, ...member } = input;
    try {
      const result = await addDuoMember({ cohortId, enrollmentId, ...member }, user);
      return redirectWithToast(here, {
        title: result.kind === "added" ? `${member.name} is toegevoegd aan het duo` : `${member.name} is uitgenodigd`,
        description:
          result.kind === "added"
            ? "Deze persoon had al een account en ziet het leernetwerk meteen."
            : `${member.email} krijgt een e-mail met een link die 14 dagen geldig is.`,
      });
    } catch (error) {
      return domainErrorReply(error, values);
    }
  }
  // The buttons in the lists: a refusal comes back as a message at the top of the page.
  try {
    return await changeEnrollment(input, { cohortId, enrollmentId, here }, user);
  } catch (error) {
    return domainErrorToast(error, here);
  }
}

async function changeEnrollment(
  input: Exclude<ActionInput, { intent: "add-member" }>,
  { cohortId, enrollmentId, here }: { cohortId: string; enrollmentId: string; here: string },
  user: { id: string; name: string },
) {
  switch (input.intent) {
    case "remove-member": {
      const { memberId } = input;
      const removed = isUuid(memberId) && (await removeDuoMember({ cohortId, enrollmentId, memberId }, user));
      if (!removed)
        return redirectWithToast(here, { type: "error", title: "Deze persoon zit niet (meer) in het duo." });
      return redirectWithToast(here, {
        title: "De persoon is uit het duo gehaald",
        description: "Het account blijft bestaan.",
      });
    }
    case "revoke-invitation": {
      const { invitationId } = input;
      const revoked =
        isUuid(invitationId) && (await revokeEnrollmentInvitation({ cohortId, enrollmentId, invitationId }, user));
      if (!revoked)
        return redirectWithToast(here, { type: "error", title: "Deze uitnodiging kon niet worden ingetrokken." });
      return redirectWithToast(here, { title: "De uitnodiging is ingetrokken" });
    }
    case "withdraw":
      if (!(await withdrawEnrollment({ cohortId, enrollmentId }, user))) {
        return redirectWithToast(here, { type: "error", title: "Deze gemeente was al uitgeschreven." });
      }
      return redirectWithToast(here, {
        title: "De gemeente is uitgeschreven",
        description: "Het duo heeft geen toegang meer tot het leernetwerk; open uitnodigingen zijn ingetrokken.",
      });
    case "reinstate":
      if (!(await reinstateEnrollment({ cohortId, enrollmentId }, user))) {
        return redirectWithToast(here, { type: "error", title: "Deze gemeente was al ingeschreven." });
      }
      return redirectWithToast(here, { title: "De gemeente is weer ingeschreven" });
  }
}

type ActionInput = z.output<typeof schema>;

export default function EnrollmentPage() {
  const { enrollment } = useLoaderData<typeof loader>();
  const { cohort } = useCohortHeader();
  const active = enrollment.status === "ACTIVE";
  return (
    <>
      <h1>Gemeente {enrollment.municipality.name}</h1>
      <p>
        <Link to={`/impactspoor/${enrollment.municipality.id}`}>Impactspoor van {enrollment.municipality.name}</Link>{" "}
        (wie er toegang heeft; collega's van de gemeente toegang geven)
      </p>
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

      <DuoMembers />

      {active ? <AddMemberForm /> : null}

      <section aria-labelledby="inschrijving">
        <h2 id="inschrijving">Inschrijving</h2>
        {active ? (
          <>
            <p>
              Schrijf je de gemeente uit, dan heeft het duo geen toegang meer tot het leernetwerk en komt er een plaats
              vrij. Open uitnodigingen worden ingetrokken.
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
