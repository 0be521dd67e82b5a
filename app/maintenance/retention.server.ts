// Retention (AVG): what the daily retention job (jobs/retention.ts) deletes, and the dry run coordinators
// see on /beheer/bewaartermijnen.
//
// 1. Cohorts: when a cohort closes (the closing routine's retention step, or archiving) a clock starts;
//    RETENTION_MONTHS later the cohort's personal work is deleted — journal entries, intervisie cases with
//    their notes and takeaways, self-scan remarks (the scores stay), assignment texts with their feedback
//    threads and uploaded files. RETENTION_NOTICE_WEEKS before, every participant gets one e-mail with the
//    link to download their data. There is no follow-up place yet where a duo can move work to keep it.
// 2. Records that serve no purpose after a while, each with its term below (`recordTerms`, the one place).
//
// Both are idempotent: a cohort is done once (retentionAppliedAt), the notice is sent once
// (retentionNoticeSentAt and the e-mail's idempotency key), and a purge finds nothing left the second time.
import { Prisma } from "~/generated/prisma/client.ts";
import { sendEmail } from "~/email/send-email.server.ts";
import { retentionNoticeEmail } from "~/email/templates.server.ts";
import { recordAudit } from "~/models/audit.server.ts";
import { retentionNoticeAt } from "~/models/cohort-closing.server.ts";
import { fileStorage } from "~/storage/files.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import type { RetentionCounts } from "./retention-kinds.ts";

export type { RetentionCounts };

const DAY = 24 * 60 * 60_000;

/** How long records that served their purpose are kept, in days (the one place for these terms). */
export const recordTerms = {
  /** Bodies of e-mail after delivery (subject, addressee and status stay, for the outbox's history). */
  emailBodyDays: 30,
  /** Rejected applications, with their contact details and the intended duo, after the decision. */
  rejectedApplicationDays: 180,
  /** Notifications already e-mailed, put in a digest or cancelled. */
  sentNotificationDays: 90,
  /** Entries of the audit log. */
  auditDays: 2 * 365,
};

export const REMOVED_BODY = "[De inhoud van dit bericht is verwijderd na de bewaartermijn.]";

const journalOfCohort = (cohortId: string): Prisma.JournalEntryWhereInput => ({
  OR: [{ enrollment: { cohortId } }, { session: { cohortId } }, { intervisionMeeting: { group: { cohortId } } }],
});
const casesOfCohort = (cohortId: string): Prisma.IntervisionCaseWhereInput => ({ meeting: { group: { cohortId } } });
const submissionsOfCohort = (cohortId: string): Prisma.AssignmentSubmissionWhereInput => ({ enrollment: { cohortId } });

/** Self-scan responses of the cohort with a free text in any answer (remark, reasons, text). */
function remarksWhere(cohortId: string) {
  return Prisma.sql`FROM "SelfScanResponse" r JOIN "Enrollment" e ON e.id = r."enrollmentId"
    WHERE e."cohortId" = ${cohortId}::uuid AND EXISTS (
      SELECT 1 FROM jsonb_each(r.answers) AS a(k, v)
      WHERE jsonb_typeof(v) = 'object'
        AND (coalesce(v->>'remark', '') <> '' OR coalesce(v->>'reasons', '') <> '' OR coalesce(v->>'text', '') <> ''))`;
}

/** What retention would delete of one cohort now: counts per kind. */
export async function countRetention(cohortId: string): Promise<RetentionCounts> {
  const [journalEntries, intervisionCases, intervisionNotes, assignmentTexts, assignmentMessages, uploads, remarks] =
    await Promise.all([
      prisma.journalEntry.count({ where: journalOfCohort(cohortId) }),
      prisma.intervisionCase.count({ where: casesOfCohort(cohortId) }),
      prisma.intervisionNote.count({ where: { case: casesOfCohort(cohortId) } }),
      prisma.assignmentSubmission.count({ where: { ...submissionsOfCohort(cohortId), body: { not: "" } } }),
      prisma.submissionMessage.count({ where: { submission: submissionsOfCohort(cohortId) } }),
      prisma.submissionAttachment.count({ where: { submission: submissionsOfCohort(cohortId) } }),
      prisma.$queryRaw<{ count: bigint }[]>`SELECT count(*)::bigint AS count ${remarksWhere(cohortId)}`,
    ]);
  return {
    journalEntries,
    intervisionCases,
    intervisionNotes,
    selfScanRemarks: Number(remarks[0]?.count ?? 0),
    assignmentTexts,
    assignmentMessages,
    uploads,
  };
}

/**
 * What retention would delete now, for many cohorts in one statement (the dry-run page's counts, so the
 * page sends the same number of statements however many cohorts it lists). The same rules as the deletion.
 */
async function countRetentionFor(cohortIds: string[]): Promise<Map<string, RetentionCounts>> {
  if (cohortIds.length === 0) return new Map();
  const rows = await prisma.$queryRaw<({ cohortId: string } & Record<keyof RetentionCounts, bigint>)[]>`
    SELECT c.id::text AS "cohortId",
      (SELECT count(*) FROM "JournalEntry" j
         LEFT JOIN "Enrollment" e ON e.id = j."enrollmentId"
         LEFT JOIN "CohortSession" s ON s.id = j."sessionId"
         LEFT JOIN "IntervisionMeeting" m ON m.id = j."intervisionMeetingId"
         LEFT JOIN "IntervisionGroup" g ON g.id = m."groupId"
       WHERE e."cohortId" = c.id OR s."cohortId" = c.id OR g."cohortId" = c.id) AS "journalEntries",
      (SELECT count(*) FROM "IntervisionCase" ic JOIN "IntervisionMeeting" m ON m.id = ic."meetingId"
         JOIN "IntervisionGroup" g ON g.id = m."groupId" WHERE g."cohortId" = c.id) AS "intervisionCases",
      (SELECT count(*) FROM "IntervisionNote" n JOIN "IntervisionCase" ic ON ic.id = n."caseId"
         JOIN "IntervisionMeeting" m ON m.id = ic."meetingId" JOIN "IntervisionGroup" g ON g.id = m."groupId"
       WHERE g."cohortId" = c.id) AS "intervisionNotes",
      (SELECT count(*) FROM "SelfScanResponse" r JOIN "Enrollment" e ON e.id = r."enrollmentId"
       WHERE e."cohortId" = c.id AND EXISTS (
         SELECT 1 FROM jsonb_each(r.answers) AS a(k, v) WHERE jsonb_typeof(v) = 'object'
           AND (coalesce(v->>'remark', '') <> '' OR coalesce(v->>'reasons', '') <> '' OR coalesce(v->>'text', '') <> ''))
      ) AS "selfScanRemarks",
      (SELECT count(*) FROM "AssignmentSubmission" sub JOIN "Enrollment" e ON e.id = sub."enrollmentId"
       WHERE e."cohortId" = c.id AND sub.body <> '') AS "assignmentTexts",
      (SELECT count(*) FROM "SubmissionMessage" sm JOIN "AssignmentSubmission" sub ON sub.id = sm."submissionId"
         JOIN "Enrollment" e ON e.id = sub."enrollmentId" WHERE e."cohortId" = c.id) AS "assignmentMessages",
      (SELECT count(*) FROM "SubmissionAttachment" sa JOIN "AssignmentSubmission" sub ON sub.id = sa."submissionId"
         JOIN "Enrollment" e ON e.id = sub."enrollmentId" WHERE e."cohortId" = c.id) AS "uploads"
    FROM "Cohort" c WHERE c.id = ANY(${cohortIds}::uuid[])`;
  return new Map(
    rows.map(({ cohortId, ...counts }) => [
      cohortId,
      Object.fromEntries(Object.entries(counts).map(([key, value]) => [key, Number(value)])) as RetentionCounts,
    ]),
  );
}

/** The dry run: every cohort whose retention clock runs, with the dates and what would be deleted (2 statements). */
export async function listRetentionPlan() {
  const cohorts = await prisma.cohortClosing.findMany({
    where: { retentionEndsAt: { not: null } },
    orderBy: { retentionEndsAt: "asc" },
    select: {
      retentionStartedAt: true,
      retentionEndsAt: true,
      retentionNoticeSentAt: true,
      retentionAppliedAt: true,
      cohort: { select: { id: true, name: true, archivedAt: true } },
    },
  });
  const counts = await countRetentionFor(cohorts.filter((row) => !row.retentionAppliedAt).map((row) => row.cohort.id));
  return cohorts.map((row) => ({
    cohort: row.cohort,
    startedAt: row.retentionStartedAt,
    endsAt: row.retentionEndsAt!,
    noticeAt: retentionNoticeAt(row.retentionEndsAt!),
    noticeSentAt: row.retentionNoticeSentAt,
    appliedAt: row.retentionAppliedAt,
    counts: row.retentionAppliedAt ? null : (counts.get(row.cohort.id) ?? null),
  }));
}

/** Participants (members of the cohort's active duos) are told once, RETENTION_NOTICE_WEEKS before the end. */
async function sendNotices(now: Date) {
  const noticeBy = new Date(now.getTime() + getEnv().RETENTION_NOTICE_WEEKS * 7 * DAY);
  const due = await prisma.cohortClosing.findMany({
    where: { retentionEndsAt: { lte: noticeBy, gt: now }, retentionNoticeSentAt: null, retentionAppliedAt: null },
    select: {
      cohortId: true,
      retentionEndsAt: true,
      cohort: {
        select: {
          name: true,
          enrollments: {
            where: { status: "ACTIVE" },
            select: { members: { select: { user: { select: { id: true, name: true, email: true } } } } },
          },
        },
      },
    },
  });
  const url = `${getEnv().APP_URL}/account/mijn-gegevens`;
  let sent = 0;
  for (const row of due) {
    const users = row.cohort.enrollments.flatMap((e) => e.members.map((m) => m.user));
    for (const user of users) {
      await sendEmail({
        ...retentionNoticeEmail({ name: user.name, cohortName: row.cohort.name, deleteOn: row.retentionEndsAt!, url }),
        to: user.email,
        kind: "retention-notice",
        idempotencyKey: `retention-notice:${row.cohortId}:${user.id}`,
      });
      sent += 1;
    }
    await prisma.cohortClosing.update({ where: { cohortId: row.cohortId }, data: { retentionNoticeSentAt: now } });
    await recordAudit({
      actorId: null,
      action: "retention.notice",
      entityType: "Cohort",
      entityId: row.cohortId,
      details: { recipients: users.length },
    });
  }
  return sent;
}

/** Deletes the personal work of one cohort, in one transaction; the files after it committed. */
async function deleteCohortWork(cohortId: string, now: Date): Promise<RetentionCounts> {
  const files = await prisma.submissionAttachment.findMany({
    where: { submission: submissionsOfCohort(cohortId) },
    select: { storageKey: true },
  });
  const counts = await prisma.$transaction(async (tx) => {
    const notes = await tx.intervisionNote.deleteMany({ where: { case: casesOfCohort(cohortId) } });
    const cases = await tx.intervisionCase.deleteMany({ where: casesOfCohort(cohortId) });
    const journal = await tx.journalEntry.deleteMany({ where: journalOfCohort(cohortId) });
    const remarks = await tx.$executeRaw`UPDATE "SelfScanResponse" SET answers = coalesce((
        SELECT jsonb_object_agg(k, CASE WHEN jsonb_typeof(v) = 'object' THEN v - 'remark' - 'reasons' - 'text' ELSE v END)
        FROM jsonb_each(answers) AS a(k, v)), '{}'::jsonb)
      WHERE id IN (SELECT r.id ${remarksWhere(cohortId)})`;
    const messages = await tx.submissionMessage.deleteMany({ where: { submission: submissionsOfCohort(cohortId) } });
    const uploads = await tx.submissionAttachment.deleteMany({ where: { submission: submissionsOfCohort(cohortId) } });
    const texts = await tx.assignmentSubmission.updateMany({
      where: { ...submissionsOfCohort(cohortId), body: { not: "" } },
      data: { body: "" },
    });
    const result: RetentionCounts = {
      journalEntries: journal.count,
      intervisionCases: cases.count,
      intervisionNotes: notes.count,
      selfScanRemarks: remarks,
      assignmentTexts: texts.count,
      assignmentMessages: messages.count,
      uploads: uploads.count,
    };
    await tx.cohortClosing.update({ where: { cohortId }, data: { retentionAppliedAt: now } });
    await recordAudit(
      { actorId: null, action: "retention.applied", entityType: "Cohort", entityId: cohortId, details: result },
      tx,
    );
    return result;
  });
  const storage = fileStorage();
  for (const file of files) await storage.delete(file.storageKey);
  return counts;
}

/** Cohorts whose clock ran out: their work is deleted (once). Notices go out first. */
export async function applyCohortRetention(now = new Date()) {
  const notices = await sendNotices(now);
  const due = await prisma.cohortClosing.findMany({
    where: { retentionEndsAt: { lte: now }, retentionAppliedAt: null },
    select: { cohortId: true },
  });
  const cohorts: Record<string, RetentionCounts> = {};
  for (const { cohortId } of due) cohorts[cohortId] = await deleteCohortWork(cohortId, now);
  return { notices, cohorts };
}

/** Records past their term (recordTerms): e-mail bodies, rejected applications, sent notifications, audit entries. */
export async function purgeStaleRecords(now = new Date()) {
  const before = (days: number) => new Date(now.getTime() - days * DAY);
  const [emailBodies, rejectedApplications, notifications, auditEntries] = await prisma.$transaction([
    prisma.emailMessage.updateMany({
      where: { status: "SENT", sentAt: { lt: before(recordTerms.emailBodyDays) }, NOT: { text: REMOVED_BODY } },
      data: { html: `<p>${REMOVED_BODY}</p>`, text: REMOVED_BODY },
    }),
    prisma.application.deleteMany({
      where: { status: "REJECTED", decidedAt: { lt: before(recordTerms.rejectedApplicationDays) } },
    }),
    prisma.notification.deleteMany({
      where: {
        status: { in: ["EMAILED", "DIGESTED", "CANCELLED", "INBOX"] },
        processedAt: { lt: before(recordTerms.sentNotificationDays) },
      },
    }),
    prisma.auditLog.deleteMany({ where: { createdAt: { lt: before(recordTerms.auditDays) } } }),
  ]);
  const result = {
    emailBodies: emailBodies.count,
    rejectedApplications: rejectedApplications.count,
    notifications: notifications.count,
    auditEntries: auditEntries.count,
  };
  if (Object.values(result).some((count) => count > 0)) {
    await recordAudit({ actorId: null, action: "retention.purged", entityType: "System", details: result });
  }
  return result;
}

/** The daily retention job. */
export async function runRetention(now = new Date()) {
  const cohorts = await applyCohortRetention(now);
  const records = await purgeStaleRecords(now);
  return { ...cohorts, records };
}
