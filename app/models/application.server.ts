// Applications of municipalities for a cohort (public form at /aanmelden/<slug>), the intake conversation
// and the coordinator's decision. Admission enrols the municipality and its duo (enrollment.server.ts).
import type { ApplicationStatus, Prisma } from "~/generated/prisma/client.ts";
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

/**
 * Records a municipality's application and sends the contact a confirmation. Throws DomainError. When the
 * cohort is full, only a sign-up for the waiting list (`waitingList: true`, the public form offers it) is
 * accepted: it is stored as an application with status WAITLISTED, in order of sign-up.
 */
export async function submitApplication(slug: string, input: ApplicationInput & { waitingList?: boolean }) {
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
  if (full && !input.waitingList) {
    throw new DomainError(`${full} Je kunt de gemeente wel op de wachtlijst zetten.`);
  }
  // A place is free (again): a sign-up sent from a form that still showed the waiting list is an application.
  const waitlisted = Boolean(full);
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
          ...(waitlisted ? { status: "WAITLISTED" as const, waitlistedAt: new Date() } : {}),
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
          details: { cohortId: cohort.id, municipality, contactEmail: input.contactEmail, waitingList: waitlisted },
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
      waitingList: waitlisted,
    }),
  });
  // Issue 19: the coordinators hear of it (in their inbox, and by e-mail as they chose).
  await notifyCoordinators({
    kind: "application-new",
    key: `application-new:${applicationId}`,
    title: waitlisted
      ? `${municipality} staat op de wachtlijst van ${cohort.name}`
      : `Nieuwe aanmelding van ${municipality} voor ${cohort.name}`,
    path: `/leernetwerken/${cohort.id}/aanmeldingen/${applicationId}`,
    lines: [
      `${municipality} heeft zich aangemeld voor ${cohort.name}.`,
      "Bekijk de aanmelding en plan het intakegesprek.",
    ],
    actionLabel: "Bekijk de aanmelding",
  });
  return { id: applicationId, municipality, waitingList: waitlisted };
}

// --- Coordinator ----------------------------------------------------------------------------------------

/** The waiting list comes first in order of sign-up (waitlistedAt), then the rest in order of application. */
export function listApplications(cohortId: string) {
  return prisma.application.findMany({
    where: { cohortId },
    orderBy: [{ waitlistedAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    select: {
      waitlistedAt: true,
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
      waitlistedAt: true,
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
    await saveDecision(application.id, input, actor, application);
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
  current: { waitlistedAt: Date | null },
) {
  await prisma.$transaction(async (tx) => {
    await tx.application.update({
      where: { id: applicationId },
      data: {
        intakeNotes: input.notes,
        ...(input.decision
          ? {
              status: input.decision,
              decisionReason: input.reason,
              decidedAt: new Date(),
              decidedById: actor.id,
              // Issue 19: the waiting list is in order of coming onto it; staying on it keeps the place.
              ...(input.decision === "WAITLISTED" ? { waitlistedAt: current.waitlistedAt ?? new Date() } : {}),
            }
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

// --- Issue 19: the coordinator edits the intended duo ----------------------------------------------------

/** Whether the intended duo can still be changed: until the application is admitted or rejected. */
export function duoEditable(status: ApplicationStatus): boolean {
  return status !== "ADMITTED" && status !== "REJECTED";
}

/**
 * Replaces the people named in an application (the duo and the optional own ervaringsdeskundige), e.g. when
 * the municipality sends someone else after the intake. Only before admission (the enrolment is made from
 * these people) and not after a rejection. `version` is the application's updatedAt when the form was
 * loaded: a save over someone else's change in between is refused, never silently overwritten. Audited
 * with the people before and after. Returns null for an unknown application; throws DomainError.
 */
export async function updateApplicationDuo(
  input: { cohortId: string; applicationId: string; members: DuoMemberInput[]; version: string },
  actor: Actor,
) {
  const application = await prisma.application.findFirst({
    where: { id: input.applicationId, cohortId: input.cohortId },
    select: {
      id: true,
      status: true,
      municipalityName: true,
      members: { orderBy: { position: "asc" }, select: { name: true, email: true, function: true } },
    },
  });
  if (!application) return null;
  if (!duoEditable(application.status)) {
    throw new DomainError(
      application.status === "ADMITTED"
        ? "Deze gemeente is al toegelaten: wijzig het duo bij Deelnemers."
        : "Deze aanmelding is afgewezen; het duo valt niet meer te wijzigen.",
    );
  }
  await prisma.$transaction(async (tx) => {
    // The version check and the new version in one statement: of two saves from the same version, one wins.
    const claimed = await tx.application.updateMany({
      where: { id: application.id, updatedAt: new Date(input.version), status: application.status },
      data: { updatedAt: new Date() },
    });
    if (claimed.count !== 1) {
      throw new DomainError(
        "Niet opgeslagen: iemand anders heeft deze aanmelding intussen gewijzigd. Laad de pagina opnieuw en bekijk het duo zoals het nu is.",
      );
    }
    await tx.applicationMember.deleteMany({ where: { applicationId: application.id } });
    await tx.applicationMember.createMany({
      data: input.members.map((member, position) => ({
        applicationId: application.id,
        position,
        name: member.name,
        email: member.email,
        function: member.function,
      })),
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "application.duo_edit",
        entityType: "Application",
        entityId: application.id,
        details: {
          cohortId: input.cohortId,
          municipality: application.municipalityName,
          before: application.members,
          after: input.members.map(({ name, email, function: fn }) => ({ name, email, function: fn })),
        },
      },
      tx,
    );
  });
  return application;
}

/**
 * Issue 19: takes an application off the waiting list and makes it a normal one again (new, or intake
 * planned when an intake is planned), e.g. when a place frees up and the coordinator wants an intake
 * first. Audited. Returns null for an unknown application; throws DomainError when it is not waitlisted.
 */
export async function leaveWaitingList(input: { cohortId: string; applicationId: string }, actor: Actor) {
  const application = await prisma.application.findFirst({
    where: { id: input.applicationId, cohortId: input.cohortId },
    select: { id: true, status: true, intakeAt: true, municipalityName: true },
  });
  if (!application) return null;
  if (application.status !== "WAITLISTED") throw new DomainError("Deze aanmelding staat niet op de wachtlijst.");
  await prisma.$transaction(async (tx) => {
    await tx.application.update({
      where: { id: application.id },
      data: {
        status: application.intakeAt ? "INTAKE_PLANNED" : "SUBMITTED",
        waitlistedAt: null,
        decidedAt: null,
        decidedById: null,
        decisionReason: "",
      },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "application.waitlist_leave",
        entityType: "Application",
        entityId: application.id,
        details: { cohortId: input.cohortId, municipality: application.municipalityName },
      },
      tx,
    );
  });
  return application;
}
