// Coordinator: one application. Plan the intake conversation, record it (notes) and decide: toegelaten,
// wachtlijst or afgewezen (with a reason). Admission enrols the municipality and invites its duo.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { z } from "zod";
import { isUuid, requireCohortCoordinator } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import {
  ApplicationConflict,
  duoEditable,
  getApplication,
  leaveWaitingList,
  planIntake,
  previewAdmission,
  recordIntake,
  updateApplicationDuo,
} from "~/models/application.server.ts";
import { duoFields, duoMembersFrom, intakeDecisions } from "~/models/enrollment-rules.ts";
import { cohortPage, useCohortHeader } from "~/utils/cohort-page.ts";
import { amsterdamParts, amsterdamTime, formatDateTime } from "~/utils/dates.ts";
import { type FormError, formError, formIntents, parseForm } from "~/utils/forms.ts";
import { domainFormError, invalid, readForm } from "~/utils/forms.server.ts";
import { invariantResponse, notFound } from "~/utils/http.server.ts";
import { applicationStatusLabels } from "~/utils/labels.ts";
import { applicationBadge } from "~/utils/status-badges.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import { ApplicationDetails } from "./application-details.tsx";
import { DuoEdit, WaitingListNote } from "./duo-edit.tsx";
import { IntakeDecision, IntakePlanning } from "./intake-forms.tsx";

export const handle = cohortPage<typeof loader>({
  adminNav: true,
  breadcrumb: (_data, cohortPath) => [{ label: "Aanmeldingen", to: `${cohortPath}/aanmeldingen` }],
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Aanmelding ${data.application.municipalityName} — Leernetwerk` : "Aanmelding — Leernetwerk" },
];

const schema = formIntents({
  plan: z.object({
    intakeDate: z
      .string({ required_error: "Kies een datum." })
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Kies een datum.")
      .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "Dit is geen bestaande datum."),
    intakeTime: z
      .string({ required_error: "Kies een tijd." })
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Kies een tijd, bijvoorbeeld 10:00."),
    intakeLocation: z.string().trim().max(500, "De plaats of link mag maximaal 500 tekens hebben.").default(""),
  }),
  decide: z.object({
    notes: z.string().trim().max(5000, "De aantekeningen mogen maximaal 5000 tekens hebben.").default(""),
    decision: z
      .enum(["NONE", ...intakeDecisions], { errorMap: () => ({ message: "Kies een besluit." }) })
      .transform((value) => (value === "NONE" ? null : value)),
    reason: z.string().trim().max(2000, "De reden mag maximaal 2000 tekens hebben.").default(""),
    // When the form was loaded (the application's updatedAt): a save over someone else's change is caught.
    version: z.string().optional(),
  }),
  // Issue 19: the intended duo, checked as a whole by duoSchema below.
  duo: z.object({ ...duoFields, version: z.string().datetime({ message: "Laad de pagina opnieuw." }) }),
  "leave-waitlist": z.object({}),
});

const duoSchema = z
  .object({ ...duoFields, version: z.string() })
  .transform((form, ctx) => ({ version: form.version, members: duoMembersFrom(form, ctx) }));

async function load(request: Request, params: LoaderFunctionArgs["params"]) {
  const { user, cohortId } = await requireCohortCoordinator(request, params.cohortId);
  if (!isUuid(params.applicationId)) throw notFound("Deze aanmelding bestaat niet.");
  return { user, cohortId, applicationId: params.applicationId };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cohortId, applicationId } = await load(request, params);
  const application = await getApplication(cohortId, applicationId);
  invariantResponse(application, "Deze aanmelding bestaat niet.");
  const preview = application.status === "ADMITTED" ? null : await previewAdmission(cohortId, application.members);
  return {
    application,
    preview,
    intake: application.intakeAt ? amsterdamParts(application.intakeAt) : null,
    duoEditable: duoEditable(application.status),
  };
}

/** The one answer, with after a conflict the version to save against now and the notes someone else saved. */
type ApplicationFormError = FormError & { conflict?: { version: string; notes: string } };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, cohortId, applicationId } = await load(request, params);
  const formData = await readForm(request);
  const form = parseForm(schema, formData);
  if (!form.ok) return invalid<ApplicationFormError>(form.error);
  const { data: input, values } = form;
  const back = `/leernetwerken/${cohortId}/aanmeldingen/${applicationId}`;
  try {
    if (input.intent === "duo") {
      const duo = parseForm(duoSchema, formData);
      if (!duo.ok) return invalid<ApplicationFormError>(duo.error);
      const result = await updateApplicationDuo({ cohortId, applicationId, ...duo.data }, user);
      invariantResponse(result, "Deze aanmelding bestaat niet.");
      return redirectWithToast(back, { title: "Het beoogde duo is gewijzigd" });
    }
    if (input.intent === "leave-waitlist") {
      const result = await leaveWaitingList({ cohortId, applicationId }, user);
      invariantResponse(result, "Deze aanmelding bestaat niet.");
      return redirectWithToast(back, {
        title: "Van de wachtlijst gehaald",
        description: `De aanmelding van ${result.municipalityName} is weer een gewone aanmelding.`,
      });
    }
    if (input.intent === "plan") {
      const intakeAt = amsterdamTime(input.intakeDate, input.intakeTime);
      const application = await planIntake(
        { cohortId, applicationId, intakeAt, intakeLocation: input.intakeLocation },
        user,
      );
      invariantResponse(application, "Deze aanmelding bestaat niet.");
      return redirectWithToast(back, {
        title: "Het intakegesprek is gepland",
        description: `${formatDateTime(intakeAt)}. ${application.contactName} krijgt een e-mail.`,
      });
    }
    const { intent: _intent, ...intake } = input;
    const result = await recordIntake({ cohortId, applicationId, ...intake }, user);
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
      const message =
        "Niet opgeslagen: iemand anders heeft deze aanmelding intussen gewijzigd. Jouw tekst staat hieronder nog. Neem zo nodig over wat de ander schreef (zie hieronder) en kies opnieuw Opslaan.";
      return invalid<ApplicationFormError>(
        { ...formError(values, {}, message), conflict: { version: error.currentVersion, notes: error.currentNotes } },
        409,
      );
    }
    return invalid<ApplicationFormError>(domainFormError(error, values));
  }
}

export default function ApplicationPage() {
  const { application } = useLoaderData<typeof loader>();
  const { cohort } = useCohortHeader();
  return (
    <>
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

      <WaitingListNote />

      <ApplicationDetails />

      <DuoEdit />

      <IntakePlanning />

      <IntakeDecision />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
