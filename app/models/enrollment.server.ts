// Enrolment of municipalities and their duos in a cohort: directly by a coordinator, or on admission after
// the intake (application.server.ts). People who already have an account join the duo at once; everyone
// else gets an invitation by e-mail (the existing invitation flow, /uitnodiging/<token>).
import type { DuoFunction, Prisma } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";
import { recordAudit } from "./audit.server.ts";
import { forgetReadersWhoLeft } from "./reader-access.server.ts";
import {
  alreadyInCohortProblem,
  capacityProblem,
  cleanMunicipalityName,
  type CohortPerson,
  type DuoMemberInput,
  type DuoSlot,
} from "./enrollment-rules.ts";
import { createInvitation, revokeInvitation } from "./invitation.server.ts";
import { DomainError } from "~/utils/domain-error.ts";

type Tx = Prisma.TransactionClient;
type Actor = { id: string; name: string };

/** Locks the cohort row until the transaction ends, so two admissions cannot both take the last place. */
async function lockCohort(tx: Tx, cohortId: string) {
  const rows = await tx.$queryRaw<
    { capacity: number }[]
  >`SELECT "capacity" FROM "Cohort" WHERE "id" = ${cohortId}::uuid FOR UPDATE`;
  if (!rows[0]) throw new DomainError("Dit leernetwerk bestaat niet.");
  return rows[0];
}

/** Everyone in (or invited into) a duo of the cohort, for the "already enrolled" rule. */
export async function cohortPeople(cohortId: string, client: Tx | typeof prisma = prisma): Promise<CohortPerson[]> {
  const enrollments = await client.enrollment.findMany({
    where: { cohortId, status: "ACTIVE" },
    select: {
      municipality: { select: { name: true } },
      members: { select: { user: { select: { email: true } } } },
      invitations: {
        where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
        select: { email: true },
      },
    },
  });
  return enrollments.flatMap((enrollment) => [
    ...enrollment.members.map((member) => ({
      email: member.user.email,
      municipality: enrollment.municipality.name,
      kind: "member" as const,
    })),
    ...enrollment.invitations.map((invitation) => ({
      email: invitation.email,
      municipality: enrollment.municipality.name,
      kind: "invited" as const,
    })),
  ]);
}

type PlannedMember = DuoMemberInput & { userId: string | null };

/** Checks every member against the cohort and finds existing accounts. Throws DomainError. */
async function planMembers(tx: Tx, cohortId: string, members: DuoMemberInput[]): Promise<PlannedMember[]> {
  const people = await cohortPeople(cohortId, tx);
  const users = await tx.user.findMany({
    where: { email: { in: members.map((member) => member.email.toLowerCase()) } },
    select: { id: true, email: true, role: true },
  });
  return members.map((member) => {
    const problem = alreadyInCohortProblem(member.email, people);
    if (problem) throw new DomainError(problem, `${member.slot}Email`);
    const user = users.find((candidate) => candidate.email === member.email.toLowerCase());
    if (user && user.role !== "PARTICIPANT") {
      throw new DomainError(
        `${member.email} heeft al een account als ${
          user.role === "COORDINATOR" ? "coördinator" : "begeleider"
        } en kan niet in een duo.`,
        `${member.slot}Email`,
      );
    }
    return { ...member, userId: user?.id ?? null };
  });
}

/** Finds the municipality by name (ignoring case and the word "gemeente"), or creates it. */
async function findOrCreateMunicipality(tx: Tx, name: string) {
  const shown = cleanMunicipalityName(name);
  const existing = await tx.municipality.findFirst({
    where: { name: { equals: shown, mode: "insensitive" } },
    select: { id: true, name: true },
  });
  if (existing) return { ...existing, created: false };
  const created = await tx.municipality.create({ data: { name: shown }, select: { id: true, name: true } });
  return { ...created, created: true };
}

export type EnrollInput = {
  cohortId: string;
  municipality: string;
  vraagstuk: string;
  members: DuoMemberInput[];
  /** Set when the enrolment follows the admission of an application after its intake. */
  admission?: { applicationId: string; notes: string; reason: string };
};

/**
 * Enrols a municipality with its duo: checks capacity and the rules inside one transaction (the cohort row
 * is locked), creates the municipality if new, the enrolment and the duo memberships of people who already
 * have an account; then sends invitations to the others. Throws DomainError when a rule is broken.
 */
export async function enrollMunicipality(input: EnrollInput, actor: Actor) {
  const result = await prisma.$transaction(async (tx) => {
    const cohort = await lockCohort(tx, input.cohortId);
    const activeEnrollments = await tx.enrollment.count({ where: { cohortId: input.cohortId, status: "ACTIVE" } });
    const full = capacityProblem({ capacity: cohort.capacity, activeEnrollments });
    if (full) throw new DomainError(full);

    const municipality = await findOrCreateMunicipality(tx, input.municipality);
    const existing = await tx.enrollment.findUnique({
      where: { cohortId_municipalityId: { cohortId: input.cohortId, municipalityId: municipality.id } },
      select: { id: true, status: true },
    });
    if (existing?.status === "ACTIVE") {
      throw new DomainError(`De gemeente ${municipality.name} doet al mee aan dit leernetwerk.`, "municipality");
    }
    const planned = await planMembers(tx, input.cohortId, input.members);

    // A municipality that was withdrawn earlier comes back on its old enrolment (one per cohort).
    const enrollment = existing
      ? await tx.enrollment.update({
          where: { id: existing.id },
          data: { status: "ACTIVE", vraagstuk: input.vraagstuk },
          select: { id: true },
        })
      : await tx.enrollment.create({
          data: { cohortId: input.cohortId, municipalityId: municipality.id, vraagstuk: input.vraagstuk },
          select: { id: true },
        });
    if (input.admission) {
      // In the same transaction, so an application is never admitted twice or without its enrolment.
      const admitted = await tx.application.updateMany({
        where: { id: input.admission.applicationId, cohortId: input.cohortId, status: { not: "ADMITTED" } },
        data: {
          status: "ADMITTED",
          intakeNotes: input.admission.notes,
          decisionReason: input.admission.reason,
          decidedAt: new Date(),
          decidedById: actor.id,
          enrollmentId: enrollment.id,
          municipalityId: municipality.id,
        },
      });
      if (admitted.count === 0) throw new DomainError("Deze aanmelding is al toegelaten.");
    }
    for (const member of planned) {
      if (!member.userId) continue;
      await tx.duoMember.upsert({
        where: { enrollmentId_userId: { enrollmentId: enrollment.id, userId: member.userId } },
        update: { function: member.function },
        create: { enrollmentId: enrollment.id, userId: member.userId, function: member.function },
      });
    }
    await recordAudit(
      {
        actorId: actor.id,
        action: input.admission ? "enrollment.admit" : "enrollment.create",
        entityType: "Enrollment",
        entityId: enrollment.id,
        details: {
          cohortId: input.cohortId,
          municipality: municipality.name,
          municipalityCreated: municipality.created,
          applicationId: input.admission?.applicationId ?? null,
          added: planned.filter((member) => member.userId).map((member) => member.email),
          invited: planned.filter((member) => !member.userId).map((member) => member.email),
        },
      },
      tx,
    );
    return { enrollmentId: enrollment.id, municipalityId: municipality.id, municipality: municipality.name, planned };
  });

  // Invitations are sent after the enrolment is committed: each records itself (and its e-mail) on its own.
  for (const member of result.planned) {
    if (member.userId) continue;
    await createInvitation(
      {
        email: member.email,
        name: member.name,
        role: "PARTICIPANT",
        enrollmentId: result.enrollmentId,
        duoFunction: member.function,
      },
      actor,
    );
  }
  return {
    enrollmentId: result.enrollmentId,
    municipalityId: result.municipalityId,
    municipality: result.municipality,
    added: result.planned.filter((member) => member.userId).length,
    invited: result.planned.filter((member) => !member.userId).length,
  };
}

async function requireActiveEnrollment(client: Tx | typeof prisma, cohortId: string, enrollmentId: string) {
  const enrollment = await client.enrollment.findFirst({
    where: { id: enrollmentId, cohortId },
    select: { id: true, status: true, municipality: { select: { name: true } } },
  });
  if (!enrollment) return null;
  return enrollment;
}

/**
 * Adds a person to a municipality's duo: at once when they have a participant account, otherwise by
 * invitation. With `replacesMemberId`, that member leaves the duo in the same step.
 */
export async function addDuoMember(
  input: {
    cohortId: string;
    enrollmentId: string;
    name: string;
    email: string;
    function: DuoFunction;
    replacesMemberId?: string | null;
  },
  actor: Actor,
): Promise<{ kind: "added" | "invited" }> {
  const slot: DuoSlot = "member1";
  const outcome = await prisma.$transaction(async (tx) => {
    try {
      await lockCohort(tx, input.cohortId);
      const enrollment = await requireActiveEnrollment(tx, input.cohortId, input.enrollmentId);
      if (!enrollment) throw new DomainError("Deze gemeente is niet ingeschreven in dit leernetwerk.");
      if (enrollment.status !== "ACTIVE") {
        throw new DomainError(
          `De gemeente ${enrollment.municipality.name} is uitgeschreven; schrijf haar eerst opnieuw in.`,
        );
      }
      let replaced: { id: string; userId: string; user: { email: string } } | null = null;
      if (input.replacesMemberId) {
        replaced = await tx.duoMember.findFirst({
          where: { id: input.replacesMemberId, enrollmentId: input.enrollmentId },
          select: { id: true, userId: true, user: { select: { email: true } } },
        });
        if (!replaced) throw new DomainError("Kies iemand uit het duo, of niemand.", "replacesMemberId");
      }
      const [member] = await planMembers(tx, input.cohortId, [
        { slot, name: input.name, email: input.email, function: input.function },
      ]);
      if (member!.userId) {
        await tx.duoMember.create({
          data: { enrollmentId: input.enrollmentId, userId: member!.userId, function: input.function },
        });
      }
      if (replaced) {
        await tx.duoMember.delete({ where: { id: replaced.id } });
        await forgetReadersWhoLeft(tx, [replaced.userId]);
      }
      await recordAudit(
        {
          actorId: actor.id,
          action: replaced ? "duo_member.replace" : "duo_member.add",
          entityType: "Enrollment",
          entityId: input.enrollmentId,
          details: {
            cohortId: input.cohortId,
            email: member!.email,
            function: input.function,
            how: member!.userId ? "account" : "invitation",
            replaced: replaced?.user.email ?? null,
          },
        },
        tx,
      );
      return { userId: member!.userId };
    } catch (error) {
      // The form on the enrolment page has one person: its e-mail field is called "email".
      if (error instanceof DomainError && error.field === `${slot}Email`) throw new DomainError(error.message, "email");
      throw error;
    }
  });
  if (outcome.userId) return { kind: "added" };
  await createInvitation(
    {
      email: input.email,
      name: input.name,
      role: "PARTICIPANT",
      enrollmentId: input.enrollmentId,
      duoFunction: input.function,
    },
    actor,
  );
  return { kind: "invited" };
}

/** Takes a person out of a duo (their account stays). Returns false when there was no such member. */
export async function removeDuoMember(
  input: { cohortId: string; enrollmentId: string; memberId: string },
  actor: Actor,
) {
  const member = await prisma.duoMember.findFirst({
    where: { id: input.memberId, enrollmentId: input.enrollmentId, enrollment: { cohortId: input.cohortId } },
    select: { id: true, userId: true, user: { select: { email: true } } },
  });
  if (!member) return false;
  await prisma.$transaction(async (tx) => {
    await tx.duoMember.delete({ where: { id: member.id } });
    await forgetReadersWhoLeft(tx, [member.userId]);
    await recordAudit(
      {
        actorId: actor.id,
        action: "duo_member.remove",
        entityType: "Enrollment",
        entityId: input.enrollmentId,
        details: { cohortId: input.cohortId, email: member.user.email },
      },
      tx,
    );
  });
  return true;
}

/** Withdraws a municipality from the cohort (its place becomes free); its duo loses access to the cohort. */
export async function withdrawEnrollment(input: { cohortId: string; enrollmentId: string }, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const changed = await tx.enrollment.updateMany({
      where: { id: input.enrollmentId, cohortId: input.cohortId, status: "ACTIVE" },
      data: { status: "WITHDRAWN" },
    });
    if (changed.count === 0) return false;
    const members = await tx.duoMember.findMany({
      where: { enrollmentId: input.enrollmentId },
      select: { userId: true },
    });
    await forgetReadersWhoLeft(
      tx,
      members.map((member) => member.userId),
    );
    // Open invitations into a withdrawn enrolment must no longer work.
    await tx.invitation.updateMany({
      where: { enrollmentId: input.enrollmentId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "enrollment.withdraw",
        entityType: "Enrollment",
        entityId: input.enrollmentId,
        details: { cohortId: input.cohortId },
      },
      tx,
    );
    return true;
  });
}

/** Puts a withdrawn municipality back, when there is a place. Throws DomainError when full. */
export async function reinstateEnrollment(input: { cohortId: string; enrollmentId: string }, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const cohort = await lockCohort(tx, input.cohortId);
    const activeEnrollments = await tx.enrollment.count({ where: { cohortId: input.cohortId, status: "ACTIVE" } });
    const full = capacityProblem({ capacity: cohort.capacity, activeEnrollments });
    if (full) throw new DomainError(full);
    const changed = await tx.enrollment.updateMany({
      where: { id: input.enrollmentId, cohortId: input.cohortId, status: "WITHDRAWN" },
      data: { status: "ACTIVE" },
    });
    if (changed.count === 0) return false;
    await recordAudit(
      {
        actorId: actor.id,
        action: "enrollment.reinstate",
        entityType: "Enrollment",
        entityId: input.enrollmentId,
        details: { cohortId: input.cohortId },
      },
      tx,
    );
    return true;
  });
}

/** The cohort's municipalities with their duos, open invitations and how they came in (intake or direct). */
export function listCohortEnrollments(cohortId: string) {
  return prisma.enrollment.findMany({
    where: { cohortId },
    orderBy: [{ status: "asc" }, { municipality: { name: "asc" } }],
    select: {
      id: true,
      status: true,
      vraagstuk: true,
      createdAt: true,
      municipality: { select: { name: true } },
      application: { select: { id: true, status: true, intakeAt: true, decidedAt: true } },
      members: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          function: true,
          user: { select: { id: true, name: true, email: true, passwordHash: true } },
        },
      },
      invitations: {
        where: { acceptedAt: null, revokedAt: null },
        orderBy: { createdAt: "asc" },
        select: { id: true, email: true, name: true, duoFunction: true, expiresAt: true },
      },
    },
  });
}

export function getCohortEnrollment(cohortId: string, enrollmentId: string) {
  return prisma.enrollment.findFirst({
    where: { id: enrollmentId, cohortId },
    select: {
      id: true,
      status: true,
      vraagstuk: true,
      createdAt: true,
      municipality: { select: { id: true, name: true } },
      application: {
        select: {
          id: true,
          status: true,
          intakeAt: true,
          decidedAt: true,
          contactName: true,
          contactEmail: true,
          contactPhone: true,
        },
      },
      members: {
        orderBy: { createdAt: "asc" },
        select: { id: true, function: true, user: { select: { id: true, name: true, email: true } } },
      },
      invitations: {
        where: { acceptedAt: null, revokedAt: null },
        orderBy: { createdAt: "asc" },
        select: { id: true, email: true, name: true, duoFunction: true, expiresAt: true },
      },
    },
  });
}

// --- Facilitators --------------------------------------------------------------------------------------

export function listFacilitatorChoices(cohortId: string) {
  return prisma.user.findMany({
    where: { role: "FACILITATOR", facilitatedCohorts: { none: { cohortId } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, title: true },
  });
}

export function listCohortFacilitators(cohortId: string) {
  return prisma.cohortFacilitator.findMany({
    where: { cohortId },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true, user: { select: { id: true, name: true, title: true, email: true } } },
  });
}

export async function assignFacilitator(input: { cohortId: string; userId: string }, actor: Actor) {
  const user = await prisma.user.findUnique({ where: { id: input.userId }, select: { role: true, name: true } });
  if (user?.role !== "FACILITATOR") throw new DomainError("Kies een begeleider uit de lijst.", "userId");
  const already = await prisma.cohortFacilitator.count({ where: { cohortId: input.cohortId, userId: input.userId } });
  if (already) throw new DomainError(`${user.name} begeleidt dit leernetwerk al.`, "userId");
  await prisma.$transaction(async (tx) => {
    await tx.cohortFacilitator.create({ data: { cohortId: input.cohortId, userId: input.userId } });
    await recordAudit(
      {
        actorId: actor.id,
        action: "facilitator.assign",
        entityType: "Cohort",
        entityId: input.cohortId,
        details: { userId: input.userId, name: user.name },
      },
      tx,
    );
  });
  return user.name;
}

export async function removeFacilitator(input: { cohortId: string; userId: string }, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const removed = await tx.cohortFacilitator.deleteMany({
      where: { cohortId: input.cohortId, userId: input.userId },
    });
    if (removed.count === 0) return false;
    await forgetReadersWhoLeft(tx, [input.userId]);
    await recordAudit(
      {
        actorId: actor.id,
        action: "facilitator.remove",
        entityType: "Cohort",
        entityId: input.cohortId,
        details: { userId: input.userId },
      },
      tx,
    );
    return true;
  });
}

/** Withdraws an open invitation into this enrolment (and only this one). */
export async function revokeEnrollmentInvitation(
  input: { cohortId: string; enrollmentId: string; invitationId: string },
  actor: Actor,
) {
  const belongs = await prisma.invitation.count({
    where: { id: input.invitationId, enrollmentId: input.enrollmentId, enrollment: { cohortId: input.cohortId } },
  });
  return belongs > 0 && (await revokeInvitation(input.invitationId, actor.id));
}
