// The coordinator's closing routine of a cohort, run after its last session: a checklist of steps, each
// done and undone until the last one, archiving, makes the cohort read-only. Steps: the end self-scans
// checked, the programme's evaluation looked at (how many answered, counts only), the duos invited to publish
// their summary, certificates of participation issued (for who attended the number of sessions the coordinator
// requires), the retention clock started, archived. Every change is in the audit log.
import type { User } from "lucia";
import { getLibrary } from "~/content/library.server.ts";
import { sendEmail } from "~/email/send-email.server.ts";
import { summaryInvitationEmail } from "~/email/templates.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { DomainError } from "~/utils/domain-error.ts";
import { getEnv } from "~/utils/env.server.ts";
import { recordAudit } from "./audit.server.ts";
import { END_TARGET, evaluationCounts } from "./evaluation.server.ts";

export const ARCHIVED_MESSAGE =
  "Dit leernetwerk is gearchiveerd. Je kunt alles nog lezen, maar er kan niets meer worden veranderd.";

/** The moment the personal work of a cohort is deleted: `months` calendar months after `start`. */
export function retentionEnd(start: Date, months = getEnv().RETENTION_MONTHS): Date {
  const end = new Date(start);
  end.setUTCMonth(end.getUTCMonth() + months);
  return end;
}

/** When the participants are told (RETENTION_NOTICE_WEEKS before the end). */
export function retentionNoticeAt(end: Date, weeks = getEnv().RETENTION_NOTICE_WEEKS): Date {
  return new Date(end.getTime() - weeks * 7 * 24 * 60 * 60_000);
}

export type CertificateStatus = {
  userId: string;
  name: string;
  municipality: string;
  attended: number;
  qualifies: boolean;
  reason: string;
};

/** Who qualifies for a certificate: attended (PRESENT) at least `required` of the sessions held. Pure. */
export function certificateStatus(attended: number, required: number | null): { qualifies: boolean; reason: string } {
  if (required === null) return { qualifies: false, reason: "Het aantal vereiste bijeenkomsten is nog niet gekozen." };
  if (attended >= required) return { qualifies: true, reason: `Aanwezig bij ${attended}, vereist ${required}.` };
  const missing = required - attended;
  return {
    qualifies: false,
    reason: `Aanwezig bij ${attended}, vereist ${required}: ${missing === 1 ? "1 bijeenkomst" : `${missing} bijeenkomsten`} te weinig.`,
  };
}

async function loadCohort(cohortId: string) {
  const cohort = await prisma.cohort.findUnique({
    where: { id: cohortId },
    select: {
      id: true,
      name: true,
      status: true,
      archivedAt: true,
      closing: true,
      sessions: {
        where: { cancelledAt: null },
        select: { id: true, number: true, startsAt: true, endsAt: true },
        orderBy: { startsAt: "asc" },
      },
      enrollments: {
        where: { status: "ACTIVE" },
        orderBy: { municipality: { name: "asc" } },
        select: {
          id: true,
          municipality: { select: { name: true } },
          knowledgeArticle: { select: { id: true, reviewStatus: true } },
          selfScanResponses: {
            where: { moment: "END", completedAt: { not: null } },
            select: { scanId: true, respondentKey: true },
          },
          members: {
            orderBy: { user: { name: "asc" } },
            select: { user: { select: { id: true, name: true, email: true } } },
          },
        },
      },
    },
  });
  if (!cohort) throw new DomainError("Dit leernetwerk bestaat niet.");
  return cohort;
}

/** Everything the closing page shows, in a few queries whatever the cohort's size. */
export async function getClosingOverview(cohortId: string, now = new Date()) {
  const cohort = await loadCohort(cohortId);
  const held = cohort.sessions.filter((session) => session.endsAt <= now);
  const lastSession = cohort.sessions.at(-1) ?? null;
  const afterLastSession = lastSession !== null && lastSession.endsAt <= now;
  const scans = getLibrary().selfScans;
  const userIds = cohort.enrollments.flatMap((e) => e.members.map((m) => m.user.id));
  const [attendance, answered] = await Promise.all([
    prisma.attendance.groupBy({
      by: ["userId"],
      where: { userId: { in: userIds }, status: "PRESENT", sessionId: { in: held.map((s) => s.id) } },
      _count: { _all: true },
    }),
    evaluationCounts(cohortId),
  ]);
  const attendedBy = new Map(attendance.map((row) => [row.userId, row._count._all]));
  const closing = cohort.closing;
  // The saved choice, or (before one is made) every session held as the proposal.
  const required = closing?.requiredSessions ?? held.length;

  const duos = cohort.enrollments.map((enrollment) => {
    const memberIds = enrollment.members.map((m) => m.user.id);
    const missing = scans
      .filter((scan) => {
        const keys = new Set(
          enrollment.selfScanResponses.filter((r) => r.scanId === scan.id).map((r) => r.respondentKey),
        );
        return !(keys.has("duo") || (memberIds.length > 0 && memberIds.every((id) => keys.has(id))));
      })
      .map((scan) => scan.title);
    return {
      enrollmentId: enrollment.id,
      municipality: enrollment.municipality.name,
      members: enrollment.members.map((m) => m.user.name),
      missingScans: missing,
      // Public only once a coordinator approved it; a text waiting for review (or sent back) is not yet shared.
      published: enrollment.knowledgeArticle?.reviewStatus === "APPROVED",
      summaryInReview: enrollment.knowledgeArticle !== null && enrollment.knowledgeArticle.reviewStatus !== "APPROVED",
    };
  });
  const participants: CertificateStatus[] = cohort.enrollments.flatMap((enrollment) =>
    enrollment.members.map(({ user }) => {
      const attended = attendedBy.get(user.id) ?? 0;
      return {
        userId: user.id,
        name: user.name,
        municipality: enrollment.municipality.name,
        attended,
        ...certificateStatus(attended, required),
      };
    }),
  );
  const plannedEnd = closing?.retentionEndsAt ?? retentionEnd(closing?.retentionStartedAt ?? now);
  return {
    cohort: { id: cohort.id, name: cohort.name, status: cohort.status, archivedAt: cohort.archivedAt },
    closing,
    heldSessions: held.length,
    lastSessionEndsAt: lastSession?.endsAt ?? null,
    afterLastSession,
    scanCount: scans.length,
    // How many participants answered each evaluation (never who): per session held, and the end evaluation.
    evaluation: {
      participants: userIds.length,
      end: answered[END_TARGET] ?? 0,
      sessions: held.map((session) => ({ number: session.number, answered: answered[session.id] ?? 0 })),
    },
    duos,
    participants,
    retention: { months: getEnv().RETENTION_MONTHS, endsAt: plannedEnd, noticeAt: retentionNoticeAt(plannedEnd) },
  };
}

export type ClosingOverview = Awaited<ReturnType<typeof getClosingOverview>>;

export type ClosingStep = "selfScans" | "evaluation" | "summaries" | "certificates" | "retention";

async function requireOpen(cohortId: string, now: Date) {
  const cohort = await prisma.cohort.findUnique({
    where: { id: cohortId },
    select: { archivedAt: true, sessions: { where: { cancelledAt: null }, select: { endsAt: true } } },
  });
  if (!cohort) throw new DomainError("Dit leernetwerk bestaat niet.");
  if (cohort.archivedAt) throw new DomainError(ARCHIVED_MESSAGE);
  const ends = cohort.sessions.map((s) => s.endsAt.getTime());
  if (ends.length === 0 || Math.max(...ends) > now.getTime()) {
    throw new DomainError("Afsluiten kan pas na de laatste bijeenkomst van het leernetwerk.");
  }
}

function saveClosing(cohortId: string, data: Parameters<typeof prisma.cohortClosing.upsert>[0]["update"]) {
  return prisma.cohortClosing.upsert({
    where: { cohortId },
    create: { cohortId, ...(data as object) },
    update: data,
  });
}

/** Do (or undo) one step of the checklist. Refused once the cohort is archived, and before the last session. */
export async function setClosingStep(
  input: { cohortId: string; step: ClosingStep; done: boolean; requiredSessions?: number },
  actor: Pick<User, "id">,
  now = new Date(),
) {
  const { cohortId, step, done } = input;
  await requireOpen(cohortId, now);
  let details: Record<string, string | number | boolean> = { step, done };
  if (step === "selfScans") {
    await saveClosing(cohortId, { selfScansCheckedAt: done ? now : null });
  } else if (step === "evaluation") {
    await saveClosing(cohortId, { evaluationCheckedAt: done ? now : null });
  } else if (step === "summaries") {
    if (done) details = { ...details, invited: await inviteSummaries(cohortId, now) };
    await saveClosing(cohortId, { summaryInvitedAt: done ? now : null });
  } else if (step === "certificates") {
    if (done) {
      const required = input.requiredSessions;
      const held = await prisma.cohortSession.count({ where: { cohortId, cancelledAt: null, endsAt: { lte: now } } });
      if (required === undefined || !Number.isInteger(required) || required < 1 || required > held) {
        throw new DomainError(`Kies een aantal bijeenkomsten van 1 tot en met ${held}.`, "requiredSessions");
      }
      details = { ...details, requiredSessions: required };
      await saveClosing(cohortId, { requiredSessions: required, certificatesIssuedAt: now });
    } else {
      await saveClosing(cohortId, { certificatesIssuedAt: null });
    }
  } else {
    await saveClosing(
      cohortId,
      done
        ? { retentionStartedAt: now, retentionEndsAt: retentionEnd(now), retentionNoticeSentAt: null }
        : { retentionStartedAt: null, retentionEndsAt: null, retentionNoticeSentAt: null },
    );
  }
  await recordAudit({
    actorId: actor.id,
    action: "cohort.closing.step",
    entityType: "Cohort",
    entityId: cohortId,
    details,
  });
}

/** Archive: the cohort becomes read-only (closed), and the retention clock starts if it had not yet. Final. */
export async function archiveCohort(cohortId: string, actor: Pick<User, "id">, now = new Date()) {
  await requireOpen(cohortId, now);
  await prisma.$transaction(async (tx) => {
    const closing = await tx.cohortClosing.findUnique({ where: { cohortId }, select: { retentionStartedAt: true } });
    const clock = closing?.retentionStartedAt ? {} : { retentionStartedAt: now, retentionEndsAt: retentionEnd(now) };
    await tx.cohortClosing.upsert({ where: { cohortId }, create: { cohortId, ...clock }, update: clock });
    await tx.cohort.update({ where: { id: cohortId }, data: { status: "CLOSED", archivedAt: now } });
    await recordAudit({ actorId: actor.id, action: "cohort.archived", entityType: "Cohort", entityId: cohortId }, tx);
  });
}

/** E-mail every member of a duo that has not published, inviting them to publish the summary. */
async function inviteSummaries(cohortId: string, now: Date): Promise<number> {
  const cohort = await loadCohort(cohortId);
  const url = `${getEnv().APP_URL}/aanpak/delen`;
  let sent = 0;
  for (const enrollment of cohort.enrollments) {
    if (enrollment.knowledgeArticle) continue;
    for (const { user } of enrollment.members) {
      await sendEmail({
        ...summaryInvitationEmail({ name: user.name, cohortName: cohort.name, url }),
        to: user.email,
        kind: "summary-invitation",
        idempotencyKey: `summary-invitation:${cohortId}:${user.id}:${now.getTime()}`,
      });
      sent += 1;
    }
  }
  return sent;
}

/** The certificate of one participant, or null when none was issued to them (not issued, or not qualified). */
export async function findCertificate(user: Pick<User, "id">, cohortId: string, now = new Date()) {
  const cohort = await prisma.cohort.findFirst({
    where: { id: cohortId, enrollments: { some: { status: "ACTIVE", members: { some: { userId: user.id } } } } },
    select: {
      name: true,
      startsOn: true,
      endsOn: true,
      closing: { select: { requiredSessions: true, certificatesIssuedAt: true } },
      sessions: { where: { cancelledAt: null, endsAt: { lte: now } }, select: { id: true } },
      enrollments: {
        where: { status: "ACTIVE", members: { some: { userId: user.id } } },
        select: {
          municipality: { select: { name: true } },
          members: { where: { userId: user.id }, select: { user: { select: { name: true } } } },
        },
      },
    },
  });
  const issuedAt = cohort?.closing?.certificatesIssuedAt;
  const required = cohort?.closing?.requiredSessions ?? null;
  if (!cohort || !issuedAt || required === null) return null;
  const attended = await prisma.attendance.count({
    where: { userId: user.id, status: "PRESENT", sessionId: { in: cohort.sessions.map((s) => s.id) } },
  });
  const status = certificateStatus(attended, required);
  const enrollment = cohort.enrollments[0];
  return {
    qualifies: status.qualifies,
    reason: status.reason,
    name: enrollment?.members[0]?.user.name ?? "",
    municipality: enrollment?.municipality.name ?? "",
    cohortName: cohort.name,
    startsOn: cohort.startsOn,
    endsOn: cohort.endsOn,
    attended,
    held: cohort.sessions.length,
    issuedAt,
  };
}
