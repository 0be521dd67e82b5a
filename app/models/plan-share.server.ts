// A duo shares its aanpak (the whole plan or one section) with its cohort (issue 19). Sharing is the duo's
// choice: one member proposes, the other agrees; the cohort reads it only while EVERY current member of the
// duo agreed. Either member withdraws at any time (the share row is deleted; nobody else reads it any more).
//
// Who reads a shared plan: whoever belongs to the cohort at the moment of reading (its participants with an
// active enrolment, its facilitators and the coordinators: requireCohortMember, asked on every request, so
// someone who left the cohort loses access at once). Another cohort: 404. Readers other than the duo leave a
// reaction; the duo answers a reaction. Reactions stay with "verwijderde deelnemer" when the author erased
// their account (authorId SET NULL).
import type { User } from "lucia";
import type { Prisma } from "~/generated/prisma/client.ts";
import { DomainError } from "~/utils/domain-error.ts";
import { prisma } from "~/utils/db.server.ts";
import { canvasSections, findSection, normalizeContent } from "./action-plan-sections.ts";
import { isShared, shareScopeLabel, WHOLE_PLAN } from "./plan-share-rules.ts";

export { isShared, shareScopeLabel, WHOLE_PLAN };

const shareSelect = {
  sectionId: true,
  createdAt: true,
  updatedAt: true,
  proposedBy: { select: { id: true, name: true } },
  consents: { select: { userId: true, createdAt: true } },
} satisfies Prisma.PlanShareSelect;

/** The duo's share (a proposal or agreed by both), or null. */
export function getShare(enrollmentId: string) {
  return prisma.planShare.findUnique({ where: { enrollmentId }, select: shareSelect });
}

async function requireDuoMember(viewer: Pick<User, "id">, enrollmentId: string) {
  const member = await prisma.duoMember.count({
    where: { userId: viewer.id, enrollmentId, enrollment: { status: "ACTIVE" } },
  });
  if (!member) throw new DomainError("Alleen het duo zelf kiest wat het deelt.");
}

/**
 * A member proposes to share (or agrees to the current proposal). Choosing another part than the current
 * proposal starts anew: the partner's agreement is dropped, so they agree to exactly what is shared.
 */
export async function proposeShare(viewer: Pick<User, "id">, enrollmentId: string, sectionId: string) {
  await requireDuoMember(viewer, enrollmentId);
  if (sectionId !== WHOLE_PLAN && !findSection(sectionId)) {
    throw new DomainError("Kies het hele plan of een onderdeel ervan.", "sectionId");
  }
  await prisma.$transaction(async (tx) => {
    const current = await tx.planShare.findUnique({ where: { enrollmentId }, select: { sectionId: true } });
    if (current && current.sectionId !== sectionId) {
      await tx.planShare.delete({ where: { enrollmentId } });
    }
    await tx.planShare.upsert({
      where: { enrollmentId },
      update: {},
      create: { enrollmentId, sectionId, proposedById: viewer.id },
    });
    await tx.planShareConsent.upsert({
      where: { enrollmentId_userId: { enrollmentId, userId: viewer.id } },
      update: {},
      create: { enrollmentId, userId: viewer.id },
    });
  });
}

/** The partner agrees to the proposal as it is (the part must still be the one they saw). */
export async function agreeToShare(viewer: Pick<User, "id">, enrollmentId: string, sectionId: string) {
  await requireDuoMember(viewer, enrollmentId);
  const share = await prisma.planShare.findUnique({ where: { enrollmentId }, select: { sectionId: true } });
  if (!share) throw new DomainError("Er is niets voorgesteld om te delen.");
  if (share.sectionId !== sectionId) {
    throw new DomainError("Het voorstel is intussen veranderd. Bekijk het opnieuw.");
  }
  await prisma.planShareConsent.upsert({
    where: { enrollmentId_userId: { enrollmentId, userId: viewer.id } },
    update: {},
    create: { enrollmentId, userId: viewer.id },
  });
}

/** Either member stops sharing (or withdraws a proposal): nobody else reads it from now on. */
export async function withdrawShare(viewer: Pick<User, "id">, enrollmentId: string) {
  await requireDuoMember(viewer, enrollmentId);
  await prisma.planShare.deleteMany({ where: { enrollmentId } });
}

/** Where shares count: the enrolment is active and every active member agreed. */
const sharedWhere = {
  status: "ACTIVE",
  planShare: { isNot: null },
} satisfies Prisma.EnrollmentWhereInput;

/** The cohort's shared plans ("Gedeelde plannen"), one query. */
export async function listSharedPlans(cohortId: string) {
  const enrollments = await prisma.enrollment.findMany({
    where: { cohortId, ...sharedWhere },
    orderBy: { municipality: { name: "asc" } },
    select: {
      id: true,
      municipality: { select: { name: true } },
      members: { orderBy: { createdAt: "asc" }, select: { user: { select: { id: true, name: true } } } },
      planShare: { select: { sectionId: true, updatedAt: true, consents: { select: { userId: true } } } },
      _count: { select: { planReactions: true } },
    },
  });
  return enrollments
    .filter((enrollment) =>
      isShared(
        enrollment.planShare,
        enrollment.members.map((member) => member.user.id),
      ),
    )
    .map((enrollment) => ({
      enrollmentId: enrollment.id,
      municipality: enrollment.municipality.name,
      members: enrollment.members.map((member) => member.user.name),
      scope: shareScopeLabel(enrollment.planShare!.sectionId),
      sharedSince: enrollment.planShare!.updatedAt,
      reactionCount: enrollment._count.planReactions,
    }));
}

const reactionSelect = {
  id: true,
  body: true,
  createdAt: true,
  author: { select: { id: true, name: true, role: true, title: true } },
} satisfies Prisma.PlanReactionSelect;

/**
 * A duo's plan as the cohort sees it, for a viewer already known to belong to the cohort (the guard), or null
 * (not shared, not agreed by both, another cohort, withdrawn enrolment → 404). The duo itself always gets its
 * own (to see the reactions), with `shared` telling whether others can read it.
 */
export async function getSharedPlan(viewer: Pick<User, "id">, cohortId: string, enrollmentId: string) {
  const enrollment = await prisma.enrollment.findFirst({
    where: { id: enrollmentId, cohortId, status: "ACTIVE" },
    select: {
      id: true,
      vraagstuk: true,
      municipality: { select: { name: true } },
      members: { orderBy: { createdAt: "asc" }, select: { user: { select: { id: true, name: true } } } },
      planShare: { select: { sectionId: true, updatedAt: true, consents: { select: { userId: true } } } },
      actionPlan: { select: { content: true, updatedAt: true } },
      planReactions: {
        where: { parentId: null },
        orderBy: { createdAt: "asc" },
        select: { ...reactionSelect, answers: { orderBy: { createdAt: "asc" }, select: reactionSelect } },
      },
    },
  });
  if (!enrollment) return null;
  const memberIds = enrollment.members.map((member) => member.user.id);
  const isDuo = memberIds.includes(viewer.id);
  const shared = isShared(enrollment.planShare, memberIds);
  if (!shared && !isDuo) return null;
  const content = normalizeContent(enrollment.actionPlan?.content ?? {});
  const sectionId = enrollment.planShare?.sectionId ?? WHOLE_PLAN;
  const sections =
    shared || isDuo ? canvasSections.filter((section) => sectionId === WHOLE_PLAN || section.id === sectionId) : [];
  return {
    enrollmentId: enrollment.id,
    municipality: enrollment.municipality.name,
    members: enrollment.members.map((member) => member.user.name),
    isDuo,
    shared,
    scope: shareScopeLabel(sectionId),
    sectionIds: shared ? sections.map((section) => section.id) : [],
    // Only the shared sections leave the server.
    content: shared ? Object.fromEntries(sections.map((section) => [section.id, content[section.id] ?? {}])) : {},
    updatedAt: enrollment.actionPlan?.updatedAt ?? null,
    reactions: enrollment.planReactions,
  };
}

/** A reaction by someone of the cohort who is not in the duo (the plan must be shared right now). */
export async function addReaction(viewer: Pick<User, "id">, cohortId: string, enrollmentId: string, body: string) {
  const plan = await getSharedPlan(viewer, cohortId, enrollmentId);
  if (!plan?.shared) throw new DomainError("Dit plan wordt niet (meer) gedeeld.");
  if (plan.isDuo) throw new DomainError("Jullie reageren op een reactie van een ander, niet op je eigen plan.");
  return prisma.planReaction.create({ data: { enrollmentId, authorId: viewer.id, body }, select: { id: true } });
}

/** The duo answers a reaction to its plan. */
export async function answerReaction(viewer: Pick<User, "id">, enrollmentId: string, reactionId: string, body: string) {
  await requireDuoMember(viewer, enrollmentId);
  const reaction = await prisma.planReaction.findFirst({
    where: { id: reactionId, enrollmentId, parentId: null },
    select: { id: true },
  });
  if (!reaction) throw new DomainError("Deze reactie bestaat niet (meer).", "reactionId");
  return prisma.planReaction.create({
    data: { enrollmentId, parentId: reaction.id, authorId: viewer.id, body },
    select: { id: true },
  });
}
