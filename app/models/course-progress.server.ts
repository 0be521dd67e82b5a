// Reading progress per participant and per duo, zelfscan answers, and the readings a coordinator attaches
// to a session as preparation. Lessons live in content/ (see app/content/library.server.ts); the database
// only holds ids of lessons and tags.
import type { User } from "lucia";
import { describeContent, getLibrary } from "~/content/library.server.ts";
import { type RiderSql, readRider, type SessionRider } from "~/auth/session-rider.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { DomainError } from "~/utils/domain-error.ts";
import { recordAudit } from "./audit.server.ts";
import { statusLabel, submissionStatus } from "./assignment-status.ts";

export async function setLessonRead(userId: string, lessonId: string, read: boolean) {
  if (read) {
    await prisma.lessonProgress.upsert({
      where: { userId_lessonId: { userId, lessonId } },
      create: { userId, lessonId },
      update: {},
    });
  } else {
    await prisma.lessonProgress.deleteMany({ where: { userId, lessonId } });
  }
}

/** The lessons each of these people has read: one query for any number of people. */
export async function readLessons(userIds: string[]): Promise<Map<string, Map<string, Date>>> {
  const rows = userIds.length
    ? await prisma.lessonProgress.findMany({
        where: { userId: { in: userIds } },
        select: { userId: true, lessonId: true, readAt: true },
      })
    : [];
  const result = new Map<string, Map<string, Date>>(userIds.map((id) => [id, new Map()]));
  for (const row of rows) result.get(row.userId)?.set(row.lessonId, row.readAt);
  return result;
}

export type DuoPerson = { id: string; name: string; function: string; isMe: boolean };

/**
 * The duo the participant belongs to (the members of their most recent active enrolment), with the
 * municipality and cohort; null for someone who is not in a duo.
 */
export async function findDuo(user: Pick<User, "id">) {
  const membership = await prisma.duoMember.findFirst({
    where: { userId: user.id, enrollment: { status: "ACTIVE" } },
    orderBy: { enrollment: { cohort: { startsOn: "desc" } } },
    select: {
      enrollment: {
        select: {
          id: true,
          municipality: { select: { name: true } },
          cohort: { select: { id: true, name: true } },
          members: {
            orderBy: { createdAt: "asc" },
            select: { function: true, user: { select: { id: true, name: true } } },
          },
        },
      },
    },
  });
  if (!membership) return null;
  const { enrollment } = membership;
  const people: DuoPerson[] = enrollment.members.map((member) => ({
    id: member.user.id,
    name: member.user.name,
    function: member.function,
    isMe: member.user.id === user.id,
  }));
  // The participant first, then their partner(s).
  people.sort((a, b) => Number(b.isMe) - Number(a.isMe));
  return { municipality: enrollment.municipality.name, cohort: enrollment.cohort, people };
}

/** What String.prototype.trim() removes, so "is the text blank" is answered as submissionStatus would. */
const JS_WHITESPACE =
  "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";

/** One row of a lesson viewer's rows (lessonViewerRider): what it is (kind), and its columns by kind. */
type LessonViewerRow = {
  kind: "read" | "answer" | "partner" | "assignment";
  /** answer: scanId; partner: name; assignment: id */
  a: string | null;
  /** answer: itemId; assignment: title */
  b: string | null;
  /** answer: note; assignment: opdrachtId */
  c: string | null;
  /** read, partner: readAt; assignment: dueAt */
  t1: Date | null;
  /** partner: when they joined the duo; assignment: the own submission's submittedAt */
  t2: Date | null;
  /** assignment: the own submission's feedbackAt */
  t3: Date | null;
  /** answer: checked; assignment: whether there is an own submission */
  flag: boolean | null;
  /** assignment: the own submission's number of attachments (null without one) */
  n: number | null;
};

type LessonOfViewer = { id: string; opdrachten: { id: string }[]; zelfscans: { id: string }[] };

/**
 * What a lesson page shows of the viewer: when they (and, for a participant, their duo partners) read the
 * lesson, their answers to its zelfscan checklists, and the assignments of their cohort that belong to its
 * opdracht blocks with their status. The duo is the one findDuo picks (the most recent cohort); the
 * assignments come from the enrolment listParticipantAssignments uses (the most recently joined; the
 * /opdrachten page). One flat list of rows (one per fact, no nested JSON), as a session rider
 * (app/auth/session-rider.server.ts): the lesson page reads it in the statement of its session check. The
 * number of rows does not depend on the size of the cohort (a duo, the lesson's scans and opdracht blocks).
 * One text for every lesson and viewer (the lesson's ids are values; staff have no duo, so no memberships).
 */
export function lessonViewerRider(lesson: LessonOfViewer, now = new Date()): SessionRider<LessonViewer> {
  return {
    sql: LESSON_VIEWER_SQL,
    values: [
      lesson.id,
      JS_WHITESPACE,
      lesson.zelfscans.map((scan) => scan.id),
      lesson.opdrachten.map((opdracht) => opdracht.id),
    ],
    read: (json) => lessonViewerFromRows(json as LessonViewerJsonRow[], now),
  };
}

/** lessonViewerRider's SQL; values: the lesson's id, JS_WHITESPACE, its zelfscans' ids, its opdrachten's ids. */
const LESSON_VIEWER_SQL: RiderSql = (user, param) => {
  const lessonId = param(0);
  return `(SELECT coalesce(json_agg(r), '[]'::json) FROM (
    WITH memberships AS (
      SELECT m."enrollmentId", m."createdAt", c."startsOn", e."cohortId"
      FROM "DuoMember" m JOIN "Enrollment" e ON e.id = m."enrollmentId" JOIN "Cohort" c ON c.id = e."cohortId"
      WHERE m."userId" = ${user.id} AND e.status = 'ACTIVE' AND ${user.role} = 'PARTICIPANT'
    ),
    duo AS (SELECT "enrollmentId" FROM memberships ORDER BY "startsOn" DESC LIMIT 1),
    context AS (SELECT "enrollmentId", "cohortId" FROM memberships ORDER BY "createdAt" DESC LIMIT 1)
    SELECT 'read' AS kind, NULL AS a, NULL AS b, NULL AS c, p."readAt" AS t1, NULL::timestamptz AS t2,
      NULL::timestamptz AS t3, NULL::boolean AS flag, NULL::int AS n
    FROM "LessonProgress" p WHERE p."userId" = ${user.id} AND p."lessonId" = ${lessonId}
    UNION ALL
    SELECT 'answer', z."scanId", z."itemId", z.note, NULL, NULL, NULL, z.checked, NULL
    FROM "ZelfscanAnswer" z WHERE z."userId" = ${user.id} AND z."scanId" = ANY(${param(2)}::text[])
    UNION ALL
    SELECT 'partner', u.name, NULL, NULL, p."readAt", m."createdAt", NULL, NULL, NULL
    FROM duo JOIN "DuoMember" m ON m."enrollmentId" = duo."enrollmentId" JOIN "User" u ON u.id = m."userId"
      LEFT JOIN "LessonProgress" p ON p."userId" = u.id AND p."lessonId" = ${lessonId}
    WHERE m."userId" <> ${user.id}
    UNION ALL
    SELECT 'assignment', a.id::text, a.title, a."opdrachtId", a."dueAt", s."submittedAt",
      s."feedbackAt", s.id IS NOT NULL AND btrim(s.body, ${param(1)}) <> '',
      CASE WHEN s.id IS NULL THEN NULL
        ELSE (SELECT count(*)::int FROM "SubmissionAttachment" f WHERE f."submissionId" = s.id) END
    FROM context JOIN "CohortSession" cs ON cs."cohortId" = context."cohortId"
      JOIN "Assignment" a ON a."sessionId" = cs.id
        AND a."opdrachtId" = ANY(${param(3)}::text[])
      LEFT JOIN "AssignmentSubmission" s ON s."assignmentId" = a.id
        AND s."ownerKey" = CASE WHEN a.kind = 'DUO' THEN context."enrollmentId"::text ELSE ${user.id}::text END
        AND (s."userId" = ${user.id} OR (s."userId" IS NULL AND EXISTS (
          SELECT 1 FROM "Enrollment" se JOIN "DuoMember" sm ON sm."enrollmentId" = se.id
          WHERE se.id = s."enrollmentId" AND se.status = 'ACTIVE' AND sm."userId" = ${user.id})))
    ) r)`;
};

/** A row as it comes back inside the JSON: moments as text. */
type LessonViewerJsonRow = Omit<LessonViewerRow, "t1" | "t2" | "t3"> & {
  t1: string | null;
  t2: string | null;
  t3: string | null;
};

export type LessonViewer = ReturnType<typeof lessonViewerFromRows>;

/** lessonViewerRider's value for a user, read on its own (one statement). */
export function lessonForViewer(user: Pick<User, "id" | "role">, lesson: LessonOfViewer, now = new Date()) {
  return readRider(lessonViewerRider(lesson, now), user);
}

const dateOrNull = (text: string | null) => (text === null ? null : new Date(text));

function lessonViewerFromRows(jsonRows: LessonViewerJsonRow[], now: Date) {
  const rows: LessonViewerRow[] = jsonRows.map((row) => ({
    ...row,
    t1: dateOrNull(row.t1),
    t2: dateOrNull(row.t2),
    t3: dateOrNull(row.t3),
  }));
  let readAt: Date | null = null;
  const answers: Record<string, Record<string, { checked: boolean; note: string }>> = {};
  const partnerRows: LessonViewerRow[] = [];
  const candidates: LessonViewerRow[] = [];
  for (const row of rows) {
    if (row.kind === "read") readAt = row.t1;
    else if (row.kind === "answer") {
      answers[row.a!] = { ...answers[row.a!], [row.b!]: { checked: Boolean(row.flag), note: row.c ?? "" } };
    } else if (row.kind === "partner") partnerRows.push(row);
    else candidates.push(row);
  }
  // The duo partners in the order they joined the duo.
  partnerRows.sort((x, y) => x.t2!.getTime() - y.t2!.getTime());
  const partners = partnerRows.map((row) => ({ name: row.a!, readAt: row.t1 }));

  // Per opdracht block the first assignment (by due moment, then title), as on the /opdrachten page.
  const assignments: Record<string, { href: string; title: string; statusLabel: string; dueAt: string }> = {};
  candidates.sort((x, y) => x.t1!.getTime() - y.t1!.getTime() || x.b!.localeCompare(y.b!));
  for (const row of candidates) {
    const opdrachtId = row.c!;
    if (assignments[opdrachtId]) continue;
    // The own submission (n is null without one). Of its text only whether it is blank matters for the
    // status, so the statement answers that (flag) instead of sending the text.
    const facts =
      row.n === null
        ? null
        : { body: row.flag ? "(tekst)" : "", submittedAt: row.t2, feedbackAt: row.t3, attachmentCount: row.n };
    assignments[opdrachtId] = {
      href: `/opdrachten/${row.a}`,
      title: row.b!,
      statusLabel: statusLabel(submissionStatus(facts, row.t1!, now)),
      dueAt: row.t1!.toISOString(),
    };
  }
  return { readAt, partners, answers, assignments };
}

export type ModuleProgress = { slug: string; read: number; total: number };

export function progressPerModule(read: Map<string, Date> | undefined): ModuleProgress[] {
  return getLibrary().modules.map((module) => ({
    slug: module.slug,
    total: module.lessons.length,
    read: module.lessons.filter((lesson) => read?.has(lesson.id)).length,
  }));
}

export function totalProgress(read: Map<string, Date> | undefined): { read: number; total: number } {
  const order = getLibrary().readingOrder;
  return { total: order.length, read: order.filter((lesson) => read?.has(lesson.id)).length };
}

/** Progress per duo in a cohort, for its facilitators and coordinators: two queries in total. */
export async function cohortProgress(cohortId: string) {
  const enrollments = await prisma.enrollment.findMany({
    where: { cohortId, status: "ACTIVE" },
    orderBy: { municipality: { name: "asc" } },
    select: {
      id: true,
      municipality: { select: { name: true } },
      members: {
        orderBy: { createdAt: "asc" },
        select: { function: true, user: { select: { id: true, name: true } } },
      },
    },
  });
  const read = await readLessons(
    enrollments.flatMap((enrollment) => enrollment.members.map((member) => member.user.id)),
  );
  return enrollments.map((enrollment) => ({
    id: enrollment.id,
    municipality: enrollment.municipality.name,
    members: enrollment.members.map((member) => ({
      id: member.user.id,
      name: member.user.name,
      function: member.function,
      total: totalProgress(read.get(member.user.id)),
      modules: progressPerModule(read.get(member.user.id)),
    })),
  }));
}

// ---- Zelfscan answers ----

/** A note in a lesson's zelfscan has at most this many characters. */
export const MAX_ZELFSCAN_NOTE_LENGTH = 2000;

/** Stores the answers to a lesson's zelfscan (refused, DomainError, when a note is too long). */
export async function saveZelfscan(
  userId: string,
  scanId: string,
  answers: Record<string, { checked: boolean; note: string }>,
) {
  if (Object.values(answers).some((answer) => answer.note.length > MAX_ZELFSCAN_NOTE_LENGTH)) {
    throw new DomainError(
      `Een notitie mag hoogstens ${MAX_ZELFSCAN_NOTE_LENGTH} tekens hebben. Maak je notitie korter en sla opnieuw op.`,
    );
  }
  await prisma.$transaction(
    Object.entries(answers).map(([itemId, answer]) =>
      prisma.zelfscanAnswer.upsert({
        where: { userId_scanId_itemId: { userId, scanId, itemId } },
        create: { userId, scanId, itemId, ...answer },
        update: answer,
      }),
    ),
  );
}

// ---- Preparation ("voorbereiding") attached to sessions ----

export type Reading = {
  id: string;
  contentId: string;
  href: string;
  title: string;
  moduleTitle: string;
  minutes: number;
  lessonIds: string[];
};

/** Readings per session, resolved against the library; readings whose content was removed are skipped. */
export async function sessionReadings(sessionIds: string[]): Promise<Map<string, Reading[]>> {
  const rows = sessionIds.length
    ? await prisma.sessionPreparation.findMany({
        where: { sessionId: { in: sessionIds } },
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        select: { id: true, sessionId: true, contentId: true },
      })
    : [];
  const result = new Map<string, Reading[]>(sessionIds.map((id) => [id, []]));
  for (const row of rows) result.get(row.sessionId)?.push(...resolveReadings([row]));
  return result;
}

/** Readings as stored (in their order), resolved against the library; removed content is skipped. */
export function resolveReadings(rows: { id: string; contentId: string }[]): Reading[] {
  return rows.flatMap((row) => {
    const described = describeContent(row.contentId);
    return described ? [{ id: row.id, contentId: row.contentId, ...described }] : [];
  });
}

/**
 * Attaches a module or lesson to a session as preparation (audit-logged). Refused (DomainError at
 * `contentId`) for content that does not exist or is attached already.
 */
export async function addReading(sessionId: string, contentId: string, actor: { id: string }) {
  const described = describeContent(contentId);
  if (!described) throw new DomainError("Kies een module of les uit de lijst.", "contentId");
  if (await prisma.sessionPreparation.count({ where: { sessionId, contentId } })) {
    throw new DomainError(`"${described.title}" staat al bij deze bijeenkomst.`, "contentId");
  }
  const last = await prisma.sessionPreparation.aggregate({ where: { sessionId }, _max: { position: true } });
  const reading = await prisma.sessionPreparation.create({
    data: { sessionId, contentId, position: (last._max.position ?? -1) + 1 },
  });
  await recordAudit({
    actorId: actor.id,
    action: "session.reading.add",
    entityType: "CohortSession",
    entityId: sessionId,
    details: { contentId, readingId: reading.id },
  });
  return { ...reading, title: described.title };
}

/** Takes a reading off a session (audit-logged); false when it was not there. */
export async function removeReading(sessionId: string, readingId: string, actor: { id: string }) {
  const removed = await prisma.sessionPreparation.deleteMany({ where: { id: readingId, sessionId } });
  if (removed.count === 0) return false;
  await recordAudit({
    actorId: actor.id,
    action: "session.reading.remove",
    entityType: "CohortSession",
    entityId: sessionId,
    details: { readingId },
  });
  return true;
}

/** Choices for the "attach reading" form: each module, and each lesson under it. */
export function readingChoices() {
  return getLibrary().modules.map((module) => ({
    value: module.slug,
    label: `Hele module: ${module.title} (${module.minutes} min)`,
    lessons: module.lessons.map((lesson) => ({ value: lesson.id, label: `${lesson.title} (${lesson.minutes} min)` })),
    moduleTitle: module.title,
  }));
}
