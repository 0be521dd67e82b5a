// Applications of municipalities for a cohort (public form at /aanmelden/<slug>), the intake conversation
// and the coordinator's decision. Admission enrols the municipality and its duo (enrollment.server.ts).
import type { Prisma } from "~/generated/prisma/client.ts";
import { sendEmail } from "~/email/send-email.server.ts";
import { applicationDecisionEmail, applicationReceivedEmail, intakePlannedEmail } from "~/email/templates.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { recordAudit } from "./audit.server.ts";
import { notifyCoordinators } from "./coordinator-notices.server.ts";
import {
  alreadyInCohortProblem,
  capacityProblem,
  cleanMunicipalityName,
  decisionProblem,
  duplicateMunicipalityProblem,
  municipalityKey,
  type DuoMemberInput,
  type IntakeDecision,
} from "./enrollment-rules.ts";
import { cohortPeople, enrollMunicipality } from "./enrollment.server.ts";
import { DomainError } from "~/utils/domain-error.ts";

type Actor = { id: string; name: string };

// --- Public ---------------------------------------------------------------------------------------------

const publicCohortSelect = {
  id: true,
  slug: true,
  name: true,
  theme: true,
  description: true,
  startsOn: true,
  endsOn: true,
  capacity: true,
  status: true,
  _count: { select: { enrollments: { where: { status: "ACTIVE" } } } },
} as const satisfies Prisma.CohortSelect;

/** Cohorts a municipality can apply for now, for the public list. */
export function listOpenCohorts() {
  return prisma.cohort.findMany({
    where: { status: "APPLICATIONS_OPEN" },
    orderBy: { startsOn: "asc" },
    select: publicCohortSelect,
  });
}

/**
 * A cohort's public page. Concept cohorts do not exist for the public; a running or closed cohort is shown
 * without the form (links in e-mails keep working).
 */
export function getPublicCohort(slug: string) {
  return prisma.cohort.findFirst({
    where: { slug, status: { not: "CONCEPT" } },
    select: {
      ...publicCohortSelect,
      // Not the meeting link: that is for the people in the cohort only.
      sessions: {
        orderBy: { number: "asc" },
        select: { id: true, number: true, title: true, startsAt: true, endsAt: true, format: true, location: true },
      },
    },
  });
}

export type ApplicationInput = {
  municipality: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  vraagstuk: string;
  members: DuoMemberInput[];
};

/** The intake was saved by someone else after this form was loaded; carries what is there now. */
export class ApplicationConflict extends Error {
  constructor(
    public currentVersion: string,
    public currentNotes: string,
  ) {
    super("Deze aanmelding is intussen door iemand anders gewijzigd.");
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

/** Records a municipality's application and sends the contact a confirmation. Throws DomainError. */
export async function submitApplication(slug: string, input: ApplicationInput) {
  const cohort = await prisma.cohort.findFirst({
    where: { slug, status: "APPLICATIONS_OPEN" },
    select: {
      id: true,
      name: true,
      slug: true,
      capacity: true,
      _count: { select: { enrollments: { where: { status: "ACTIVE" } } } },
      applications: { select: { municipalityKey: true } },
      enrollments: { where: { status: "ACTIVE" }, select: { municipality: { select: { name: true } } } },
    },
  });
  if (!cohort) throw new DomainError("Aanmelden voor dit leernetwerk kan niet meer.");
  const full = capacityProblem({ capacity: cohort.capacity, activeEnrollments: cohort._count.enrollments });
  if (full) throw new DomainError(`${full} Aanmelden kan niet meer.`);
  const duplicate = duplicateMunicipalityProblem({
    name: input.municipality,
    appliedKeys: cohort.applications.map((application) => application.municipalityKey),
    enrolledKeys: cohort.enrollments.map((enrollment) => municipalityKey(enrollment.municipality.name)),
  });
  if (duplicate) throw new DomainError(duplicate, "municipality");
  // Whether a person already takes part (and in which municipality's duo) is not the public's business: the
  // form accepts the application either way, and the coordinator sees it at the intake (previewAdmission),
  // where admission refuses to enrol someone twice.

  const municipality = cleanMunicipalityName(input.municipality);
  let applicationId: string;
  try {
    applicationId = await prisma.$transaction(async (tx) => {
      const application = await tx.application.create({
        data: {
          cohortId: cohort.id,
          municipalityName: municipality,
          municipalityKey: municipalityKey(municipality),
          contactName: input.contactName,
          contactEmail: input.contactEmail,
          contactPhone: input.contactPhone,
          vraagstuk: input.vraagstuk,
          members: {
            create: input.members.map((member, position) => ({
              position,
              name: member.name,
              email: member.email,
              function: member.function,
            })),
          },
        },
        select: { id: true },
      });
      await recordAudit(
        {
          actorId: null,
          action: "application.submit",
          entityType: "Application",
          entityId: application.id,
          details: { cohortId: cohort.id, municipality, contactEmail: input.contactEmail },
        },
        tx,
      );
      return application.id;
    });
  } catch (error) {
    // Two submissions at the same moment: the unique key (cohort, municipality) lets only one through.
    if (isUniqueViolation(error)) {
      throw new DomainError(
        duplicateMunicipalityProblem({
          name: municipality,
          appliedKeys: [municipalityKey(municipality)],
          enrolledKeys: [],
        })!,
        "municipality",
      );
    }
    throw error;
  }

  await sendEmail({
    to: input.contactEmail,
    kind: "application-received",
    idempotencyKey: `application-received:${applicationId}`,
    ...applicationReceivedEmail({
      contactName: input.contactName,
      municipality,
      cohortName: cohort.name,
      url: `${getEnv().APP_URL}/aanmelden/${cohort.slug}`,
    }),
  });
  // Issue 19: the coordinators hear of it (in their inbox, and by e-mail as they chose).
  await notifyCoordinators({
    kind: "application-new",
    key: `application-new:${applicationId}`,
    title: `Nieuwe aanmelding van ${municipality} voor ${cohort.name}`,
    path: `/leernetwerken/${cohort.id}/aanmeldingen/${applicationId}`,
    lines: [
      `${municipality} heeft zich aangemeld voor ${cohort.name}.`,
      "Bekijk de aanmelding en plan het intakegesprek.",
    ],
    actionLabel: "Bekijk de aanmelding",
  });
  return { id: applicationId, municipality };
}

// --- Coordinator ----------------------------------------------------------------------------------------

export function listApplications(cohortId: string) {
  return prisma.application.findMany({
    where: { cohortId },
    orderBy: [{ createdAt: "asc" }],
    select: {
      id: true,
      municipalityName: true,
      contactName: true,
      status: true,
      intakeAt: true,
      decidedAt: true,
      createdAt: true,
      members: { orderBy: { position: "asc" }, select: { name: true, function: true } },
    },
  });
}

export function getApplication(cohortId: string, applicationId: string) {
  return prisma.application.findFirst({
    where: { id: applicationId, cohortId },
    select: {
      id: true,
      municipalityName: true,
      contactName: true,
      contactEmail: true,
      contactPhone: true,
      vraagstuk: true,
      status: true,
      intakeAt: true,
      intakeLocation: true,
      intakeNotes: true,
      decisionReason: true,
      decidedAt: true,
      createdAt: true,
      // The version an intake form is loaded with (see recordIntake).
      updatedAt: true,
      enrollmentId: true,
      decidedBy: { select: { name: true } },
      members: { orderBy: { position: "asc" }, select: { id: true, name: true, email: true, function: true } },
      cohort: {
        select: {
          id: true,
          name: true,
          slug: true,
          capacity: true,
          _count: { select: { enrollments: { where: { status: "ACTIVE" } } } },
        },
      },
    },
  });
}

/** Plans (or moves) the intake conversation and lets the contact know. */
export async function planIntake(
  input: { cohortId: string; applicationId: string; intakeAt: Date; intakeLocation?: string },
  actor: Actor,
) {
  const application = await getApplication(input.cohortId, input.applicationId);
  if (!application) return null;
  if (application.status === "ADMITTED" || application.status === "REJECTED") {
    throw new DomainError("Over deze aanmelding is al besloten; er valt geen intake meer te plannen.");
  }
  const status = application.status === "WAITLISTED" ? "WAITLISTED" : "INTAKE_PLANNED";
  await prisma.$transaction(async (tx) => {
    await tx.application.update({
      where: { id: application.id },
      data: { intakeAt: input.intakeAt, intakeLocation: input.intakeLocation ?? "", status },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "application.intake_plan",
        entityType: "Application",
        entityId: application.id,
        details: {
          cohortId: input.cohortId,
          municipality: application.municipalityName,
          intakeAt: input.intakeAt.toISOString(),
        },
      },
      tx,
    );
  });
  await sendEmail({
    to: application.contactEmail,
    kind: "intake-planned",
    // A moved intake gets a new message; the same moment twice does not.
    idempotencyKey: `intake-planned:${application.id}:${input.intakeAt.toISOString()}`,
    ...intakePlannedEmail({
      contactName: application.contactName,
      municipality: application.municipalityName,
      cohortName: application.cohort.name,
      intakeAt: input.intakeAt,
      url: `${getEnv().APP_URL}/aanmelden/${application.cohort.slug}`,
    }),
  });
  return application;
}

/**
 * Records the intake (notes) and, when given, the decision. Admission enrols the municipality and its duo
 * and sends the invitations; every decision is e-mailed to the contact. Throws DomainError (also for the
 * capacity and people already in the cohort), ApplicationConflict when someone else saved in between.
 */
export async function recordIntake(
  input: {
    cohortId: string;
    applicationId: string;
    notes: string;
    decision: IntakeDecision | null;
    reason: string;
    version?: string;
  },
  actor: Actor,
) {
  const application = await getApplication(input.cohortId, input.applicationId);
  if (!application) return null;
  // Two coordinators writing intake notes at once must not overwrite each other without noticing.
  if (input.version && application.updatedAt.toISOString() !== input.version) {
    throw new ApplicationConflict(application.updatedAt.toISOString(), application.intakeNotes);
  }
  const problem = decisionProblem({ current: application.status, decision: input.decision, reason: input.reason });
  if (problem) throw new DomainError(problem.message, problem.field);

  if (input.decision === "ADMITTED") {
    const slots = ["member1", "member2", "expert"] as const;
    const enrolled = await enrollMunicipality(
      {
        cohortId: input.cohortId,
        municipality: application.municipalityName,
        vraagstuk: application.vraagstuk,
        members: application.members.map((member, index) => ({
          slot: slots[index] ?? "expert",
          name: member.name,
          email: member.email,
          function: member.function,
        })),
        admission: { applicationId: application.id, notes: input.notes, reason: input.reason },
      },
      actor,
    ).catch((error: unknown) => {
      // The duo comes from the application, not from a form field: show the rule at the decision.
      if (error instanceof DomainError) throw new DomainError(error.message, "decision");
      throw error;
    });
    await recordAudit({
      actorId: actor.id,
      action: "application.decide",
      entityType: "Application",
      entityId: application.id,
      details: {
        cohortId: input.cohortId,
        decision: "ADMITTED",
        enrollmentId: enrolled.enrollmentId,
        reason: input.reason || null,
      },
    });
  } else {
    await saveDecision(application.id, input, actor);
  }

  if (input.decision) {
    await sendEmail({
      to: application.contactEmail,
      kind: "application-decision",
      idempotencyKey: `application-decision:${application.id}:${input.decision}`,
      ...applicationDecisionEmail({
        contactName: application.contactName,
        municipality: application.municipalityName,
        cohortName: application.cohort.name,
        decision: input.decision,
        reason: input.reason,
        url: `${getEnv().APP_URL}/aanmelden/${application.cohort.slug}`,
      }),
    });
  }
  return { ...application, decision: input.decision };
}

async function saveDecision(
  applicationId: string,
  input: { cohortId: string; notes: string; decision: IntakeDecision | null; reason: string },
  actor: Actor,
) {
  await prisma.$transaction(async (tx) => {
    await tx.application.update({
      where: { id: applicationId },
      data: {
        intakeNotes: input.notes,
        ...(input.decision
          ? { status: input.decision, decisionReason: input.reason, decidedAt: new Date(), decidedById: actor.id }
          : {}),
      },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: input.decision ? "application.decide" : "application.intake_notes",
        entityType: "Application",
        entityId: applicationId,
        details: { cohortId: input.cohortId, decision: input.decision, reason: input.reason || null },
      },
      tx,
    );
  });
}

/**
 * For the intake page: what admission would do with each intended member — join at once (has an account),
 * get an invitation, or be refused (already in the cohort, or an account in another role).
 */
export async function previewAdmission(cohortId: string, members: { email: string }[]) {
  const [people, users] = await Promise.all([
    cohortPeople(cohortId),
    prisma.user.findMany({
      where: { email: { in: members.map((member) => member.email) } },
      select: { email: true, role: true },
    }),
  ]);
  return Object.fromEntries(
    members.map((member) => {
      const problem = alreadyInCohortProblem(member.email, people);
      const user = users.find((candidate) => candidate.email === member.email);
      if (problem) return [member.email, { kind: "problem" as const, text: problem }];
      if (user && user.role !== "PARTICIPANT") {
        return [
          member.email,
          { kind: "problem" as const, text: "Heeft al een account in een andere rol en kan niet in een duo." },
        ];
      }
      return [
        member.email,
        user
          ? { kind: "account" as const, text: "Heeft al een account: komt direct in het duo." }
          : { kind: "invite" as const, text: "Krijgt een uitnodiging per e-mail." },
      ];
    }),
  );
}
