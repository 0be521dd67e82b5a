// The duo's aanpak canvas: one per enrolment, edited by the duo's members (with a version check, so the one
// never silently overwrites the other), saved as numbered versions per session, and read and commented on
// per section by the cohort's facilitators.
//
// Who may do what (requirePlanAccess in app/auth/guards.server.ts): the duo's members edit; the cohort's facilitators read and comment;
// coordinators see only whether a canvas exists and how many versions it has (cohortPlanOverview), never
// its content (403); everyone else, including other duos of the same cohort, gets a 404.
import type { User } from "lucia";
import { Prisma } from "~/generated/prisma/client.ts";
import { actionPlanCommentEmail } from "~/notifications/templates.server.ts";
import { notify } from "~/notifications/notify.server.ts";
import { modesFor } from "~/notifications/preferences.server.ts";
import { formatShortDate } from "~/utils/dates.ts";
import { prisma } from "~/utils/db.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import {
  type CanvasContent,
  changedSectionIds,
  emptyContent,
  findSection,
  normalizeContent,
} from "./action-plan-sections.ts";
import { DomainError } from "~/utils/domain-error.ts";

export type PlanMode = "duo" | "facilitator";

const enrollmentSelect = {
  id: true,
  cohortId: true,
  vraagstuk: true,
  municipality: { select: { id: true, name: true } },
  members: { orderBy: { createdAt: "asc" }, select: { user: { select: { id: true, name: true, email: true } } } },
  cohort: {
    select: {
      id: true,
      name: true,
      sessions: {
        where: { cancelledAt: null },
        orderBy: { number: "asc" },
        select: { id: true, number: true, title: true, startsAt: true, endsAt: true },
      },
    },
  },
} satisfies Prisma.EnrollmentSelect;

export type PlanEnrollment = Prisma.EnrollmentGetPayload<{ select: typeof enrollmentSelect }>;

/**
 * The enrolment whose canvas the viewer may open, or null (→ 404): for the duo ("duo") only their own, for a
 * facilitator of the cohort ("facilitator") any active one of it. The guard is requirePlanAccess
 * (app/auth/guards.server.ts), which decides the mode from the viewer's relation to the cohort.
 */
export function findPlanEnrollment(viewer: Pick<User, "id">, mode: PlanMode, cohortId: string, enrollmentId: string) {
  return prisma.enrollment.findFirst({
    where: {
      id: enrollmentId,
      cohortId,
      status: "ACTIVE",
      ...(mode === "duo" ? { members: { some: { userId: viewer.id } } } : {}),
    },
    select: enrollmentSelect,
  });
}

/** The participant's active enrolment in a cohort (for /leernetwerken/:id/aanpak), or null. */
export async function ownEnrollmentId(userId: string, cohortId: string): Promise<string | null> {
  const membership = await prisma.duoMember.findFirst({
    where: { userId, enrollment: { cohortId, status: "ACTIVE" } },
    select: { enrollmentId: true },
  });
  return membership?.enrollmentId ?? null;
}

/** The participant's most recent active enrolment (for the "Aanpak" menu item), or null. */
export async function latestEnrollment(userId: string) {
  const membership = await prisma.duoMember.findFirst({
    where: { userId, enrollment: { status: "ACTIVE" } },
    orderBy: { enrollment: { cohort: { startsOn: "desc" } } },
    select: { enrollment: { select: { id: true, cohortId: true } } },
  });
  return membership?.enrollment ?? null;
}

// ---------------------------------------------------------------------------------------------------------
// Reading

/** The canvas of an enrolment; before the first save, an empty one with the intake's vraagstuk. */
export async function getPlan(enrollment: Pick<PlanEnrollment, "id" | "vraagstuk">) {
  const plan = await prisma.actionPlan.findUnique({
    where: { enrollmentId: enrollment.id },
    select: {
      id: true,
      content: true,
      version: true,
      updatedAt: true,
      updatedBy: { select: { name: true } },
      versions: {
        orderBy: { number: "desc" },
        select: {
          id: true,
          number: true,
          content: true,
          createdAt: true,
          savedBy: { select: { name: true } },
          session: { select: { id: true, number: true, title: true, startsAt: true } },
        },
      },
      comments: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          sectionId: true,
          body: true,
          createdAt: true,
          author: { select: { id: true, name: true, role: true, title: true } },
        },
      },
    },
  });
  if (!plan) {
    return {
      id: null,
      content: emptyContent(enrollment.vraagstuk),
      version: 0,
      updatedAt: null,
      updatedBy: null,
      versions: [],
      comments: [],
    };
  }
  return {
    ...plan,
    content: normalizeContent(plan.content),
    versions: plan.versions.map((version) => ({ ...version, content: normalizeContent(version.content) })),
  };
}

export type PlanVersionSummary = {
  number: number;
  createdAt: Date | string;
  session: { number: number; startsAt: Date | string } | null;
};

/** "Versie 2 · bijeenkomst 2 (25 mei 2027)" */
export function versionLabel(version: PlanVersionSummary): string {
  return version.session
    ? `Versie ${version.number} · bijeenkomst ${version.session.number} (${formatShortDate(version.session.startsAt)})`
    : `Versie ${version.number} (${formatShortDate(version.createdAt)})`;
}

/** The session a new version most likely belongs to: the last one that has started, else the first. */
export function defaultSessionId(sessions: { id: string; startsAt: Date }[], now = new Date()): string {
  const started = sessions.filter((session) => session.startsAt.getTime() <= now.getTime());
  return (started[started.length - 1] ?? sessions[0])?.id ?? "";
}

// ---------------------------------------------------------------------------------------------------------
// Writing

export type PlanSaveResult =
  | { status: "saved"; version: number }
  | { status: "conflict"; current: { content: CanvasContent; version: number; updatedBy: string | null } };

async function currentPlan(enrollmentId: string) {
  const plan = await prisma.actionPlan.findUnique({
    where: { enrollmentId },
    select: { content: true, version: true, updatedBy: { select: { name: true } } },
  });
  if (!plan) return null;
  return { content: normalizeContent(plan.content), version: plan.version, updatedBy: plan.updatedBy?.name ?? null };
}

/** Only the duo itself edits its canvas; facilitators read and comment. */
async function requireDuoMember(viewer: Pick<User, "id">, enrollmentId: string) {
  const member = await prisma.duoMember.count({
    where: { userId: viewer.id, enrollmentId, enrollment: { status: "ACTIVE" } },
  });
  if (!member) throw new DomainError("Alleen het duo zelf past de aanpak aan.");
}

/**
 * Saves the canvas for a duo member. `baseVersion` is the version the text was based on (0: no canvas yet).
 * When someone else saved in between, nothing is written and the current canvas comes back.
 */
export async function savePlan(
  viewer: Pick<User, "id">,
  enrollmentId: string,
  content: CanvasContent,
  baseVersion: number,
): Promise<PlanSaveResult> {
  await requireDuoMember(viewer, enrollmentId);
  const data = { content: content as Prisma.InputJsonObject, updatedById: viewer.id };
  if (baseVersion === 0) {
    try {
      const created = await prisma.actionPlan.create({ data: { ...data, enrollmentId }, select: { version: true } });
      return { status: "saved", version: created.version };
    } catch (error) {
      // The duo partner created the canvas a moment earlier.
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    }
  } else {
    // An autosave without changes (e.g. only a comment field was typed in) keeps the version, so the duo
    // partner's next save is not refused for nothing.
    const stored = await currentPlan(enrollmentId);
    if (stored && stored.version === baseVersion && changedSectionIds(stored.content, content).length === 0) {
      return { status: "saved", version: baseVersion };
    }
    const updated = await prisma.actionPlan.updateMany({
      where: { enrollmentId, version: baseVersion },
      data: { ...data, version: { increment: 1 } },
    });
    if (updated.count === 1) return { status: "saved", version: baseVersion + 1 };
  }
  const current = await currentPlan(enrollmentId);
  return { status: "conflict", current: current ?? { content: emptyContent(), version: 0, updatedBy: null } };
}

/** Stores the saved canvas as the next numbered version, linked to a session of the cohort. */
export async function saveVersion(viewer: Pick<User, "id">, enrollment: PlanEnrollment, sessionId: string | null) {
  await requireDuoMember(viewer, enrollment.id);
  if (sessionId && !enrollment.cohort.sessions.some((session) => session.id === sessionId)) {
    throw new DomainError("Kies een bijeenkomst van jullie leernetwerk.", "sessionId");
  }
  return prisma.$transaction(async (tx) => {
    // Lock the canvas row so two "Versie opslaan" clicks at once get numbers one after the other.
    const locked = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM "ActionPlan" WHERE "enrollmentId" = ${enrollment.id}::uuid FOR UPDATE`;
    const planId = locked[0]?.id;
    if (!planId) throw new DomainError("Vul eerst iets in voordat je een versie opslaat.");
    const plan = await tx.actionPlan.findUniqueOrThrow({
      where: { id: planId },
      select: {
        content: true,
        versions: { orderBy: { number: "desc" }, take: 1, select: { number: true, content: true } },
      },
    });
    const last = plan.versions[0];
    const content = normalizeContent(plan.content);
    if (last && changedSectionIds(normalizeContent(last.content), content).length === 0) {
      throw new DomainError(`Er is niets veranderd sinds versie ${last.number}.`);
    }
    return tx.actionPlanVersion.create({
      data: {
        planId,
        number: (last?.number ?? 0) + 1,
        sessionId,
        content: content as Prisma.InputJsonObject,
        savedById: viewer.id,
      },
      select: { id: true, number: true },
    });
  });
}

/** One saved version with the one before it (for "what changed"), or null. */
export async function getVersion(enrollmentId: string, number: number) {
  const versions = await prisma.actionPlanVersion.findMany({
    where: { plan: { enrollmentId }, number: { in: [number, number - 1] } },
    orderBy: { number: "desc" },
    select: {
      number: true,
      content: true,
      createdAt: true,
      savedBy: { select: { name: true } },
      session: { select: { number: true, title: true, startsAt: true } },
    },
  });
  const version = versions.find((row) => row.number === number);
  if (!version) return null;
  const previous = versions.find((row) => row.number === number - 1);
  return {
    ...version,
    content: normalizeContent(version.content),
    previous: previous ? { ...previous, content: normalizeContent(previous.content) } : null,
  };
}

/**
 * A message under one section: a facilitator's comment or the duo's reply. The duo's members (except the
 * writer) are notified as their preferences say; the notification names who wrote and which section, and
 * the e-mail carries no text from the canvas.
 */
export async function addComment(
  viewer: Pick<User, "id" | "name">,
  enrollment: PlanEnrollment,
  sectionId: string,
  body: string,
) {
  const section = findSection(sectionId);
  if (!section) throw new DomainError("Dit onderdeel bestaat niet.", "sectionId");
  const planId = await ensurePlanId(viewer, enrollment);
  const comment = await prisma.actionPlanComment.create({
    data: { planId, sectionId, authorId: viewer.id, body },
    select: { id: true },
  });
  const recipients = enrollment.members.map((member) => member.user).filter((user) => user.id !== viewer.id);
  if (recipients.length) {
    const modes = await modesFor(
      recipients.map((user) => user.id),
      "action-plan-comment",
    );
    const appUrl = getEnv().APP_URL;
    const url = `${appUrl}/leernetwerken/${enrollment.cohortId}/aanpak/${enrollment.id}#reacties-${section.id}`;
    for (const user of recipients) {
      await notify({
        key: `action-plan-comment:${comment.id}:${user.id}`,
        kind: "action-plan-comment",
        user,
        mode: modes.get(user.id)!,
        title: `${viewer.name} reageerde op “${section.title}” in jullie aanpak`,
        url,
        email: () => actionPlanCommentEmail({ appUrl, user, writtenBy: viewer.name, sectionTitle: section.title, url }),
      });
    }
  }
  return comment;
}

/** Comments need a canvas to hang under: a facilitator may comment before the duo saved anything. */
async function ensurePlanId(viewer: Pick<User, "id">, enrollment: PlanEnrollment): Promise<string> {
  const existing = await prisma.actionPlan.findUnique({ where: { enrollmentId: enrollment.id }, select: { id: true } });
  if (existing) return existing.id;
  const created = await prisma.actionPlan.upsert({
    where: { enrollmentId: enrollment.id },
    update: {},
    create: {
      enrollmentId: enrollment.id,
      content: emptyContent(enrollment.vraagstuk) as Prisma.InputJsonObject,
      updatedById: viewer.id,
    },
    select: { id: true },
  });
  return created.id;
}

// ---------------------------------------------------------------------------------------------------------
// The cohort overview (staff)

/**
 * Per active enrolment of the cohort: whether the duo has a canvas, when it last changed, how many versions
 * and the date of the last one, and whether a summary is published. No content: coordinators see this too.
 */
export async function cohortPlanOverview(cohortId: string) {
  const enrollments = await prisma.enrollment.findMany({
    where: { cohortId, status: "ACTIVE" },
    orderBy: { municipality: { name: "asc" } },
    select: {
      id: true,
      municipality: { select: { name: true } },
      members: { orderBy: { createdAt: "asc" }, select: { user: { select: { name: true } } } },
      actionPlan: {
        select: {
          updatedAt: true,
          _count: { select: { versions: true, comments: true } },
          versions: { orderBy: { number: "desc" }, take: 1, select: { createdAt: true } },
        },
      },
      knowledgeArticle: { select: { reviewStatus: true } },
    },
  });
  return enrollments.map((enrollment) => ({
    id: enrollment.id,
    municipality: enrollment.municipality.name,
    members: enrollment.members.map((member) => member.user.name),
    started: Boolean(enrollment.actionPlan),
    updatedAt: enrollment.actionPlan?.updatedAt ?? null,
    versionCount: enrollment.actionPlan?._count.versions ?? 0,
    commentCount: enrollment.actionPlan?._count.comments ?? 0,
    lastVersionAt: enrollment.actionPlan?.versions[0]?.createdAt ?? null,
    // The duo's summary in the knowledge base: null (none), waiting for the coordinator's review, public, or
    // sent back (app/models/knowledge-review.server.ts). Only APPROVED is public.
    knowledgeStatus: enrollment.knowledgeArticle?.reviewStatus ?? null,
    published: enrollment.knowledgeArticle?.reviewStatus === "APPROVED",
  }));
}

/** "Stand van 12 mei 2027 (na versie 2 · bijeenkomst 2 …)" for the printed and Word versions. */
export function planStatusLine(
  plan: { updatedAt: Date | null; versions: PlanVersionSummary[] },
  now = new Date(),
): string {
  const date = formatShortDate(plan.updatedAt ?? now);
  const last = plan.versions[0];
  return last
    ? `Stand van ${date}; laatst opgeslagen versie: ${versionLabel(last).toLowerCase()}.`
    : `Stand van ${date}.`;
}
