// Reading progress per participant and per duo, zelfscan answers, and the readings a coordinator attaches
// to a session as preparation. Lessons live in content/ (see app/content/library.server.ts); the database
// only holds ids of lessons and tags.
import type { User } from "lucia";
import { describeContent, getLibrary } from "~/content/library.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { DomainError } from "~/utils/domain-error.ts";
import { recordAudit } from "./audit.server.ts";
import { statusLabel, submissionStatus } from "./assignment-status.ts";
import { ownerKeyFor } from "./assignment.server.ts";

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

/**
 * What a lesson page shows of the viewer in one query: when they (and, for a participant, their duo
 * partners) read the lesson, their answers to its zelfscan checklists, and the assignments of their cohort
 * that belong to its opdracht blocks with their status. The duo is the one findDuo picks; the assignments
 * come from the enrolment listParticipantAssignments uses (the /opdrachten page).
 */
export async function lessonForViewer(
  user: Pick<User, "id" | "role">,
  lesson: { id: string; opdrachten: { id: string }[]; zelfscans: { id: string }[] },
  now = new Date(),
) {
  const participant = user.role === "PARTICIPANT";
  const opdrachtIds = lesson.opdrachten.map((opdracht) => opdracht.id);
  const found = await prisma.user.findUnique({
    where: { id: user.id },
    select: {
      lessonProgress: { where: { lessonId: lesson.id }, select: { readAt: true } },
      zelfscanAnswers: {
        where: { scanId: { in: lesson.zelfscans.map((scan) => scan.id) } },
        select: { scanId: true, itemId: true, checked: true, note: true },
      },
      duoMemberships: {
        where: participant ? { enrollment: { status: "ACTIVE" } } : { id: { in: [] } },
        orderBy: { enrollment: { cohort: { startsOn: "desc" } } },
        select: {
          createdAt: true,
          enrollment: {
            select: {
              id: true,
              members: {
                orderBy: { createdAt: "asc" },
                select: {
                  user: {
                    select: {
                      id: true,
                      name: true,
                      lessonProgress: { where: { lessonId: lesson.id }, select: { readAt: true } },
                    },
                  },
                },
              },
              cohort: {
                select: {
                  sessions: {
                    where: { assignments: { some: { opdrachtId: { in: opdrachtIds } } } },
                    select: {
                      assignments: {
                        where: { opdrachtId: { in: opdrachtIds } },
                        select: {
                          id: true,
                          title: true,
                          dueAt: true,
                          kind: true,
                          opdrachtId: true,
                          submissions: {
                            where: {
                              OR: [
                                { userId: user.id },
                                {
                                  userId: null,
                                  enrollment: { status: "ACTIVE", members: { some: { userId: user.id } } },
                                },
                              ],
                            },
                            select: {
                              ownerKey: true,
                              body: true,
                              submittedAt: true,
                              feedbackAt: true,
                              _count: { select: { attachments: true } },
                            },
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  });
  const memberships = found?.duoMemberships ?? [];
  const answers: Record<string, Record<string, { checked: boolean; note: string }>> = {};
  for (const row of found?.zelfscanAnswers ?? []) {
    answers[row.scanId] = { ...answers[row.scanId], [row.itemId]: { checked: row.checked, note: row.note } };
  }

  // The duo partners (findDuo's duo: the most recent cohort).
  const partners = (memberships[0]?.enrollment.members ?? [])
    .filter((member) => member.user.id !== user.id)
    .map((member) => ({ name: member.user.name, readAt: member.user.lessonProgress[0]?.readAt ?? null }));

  // Per opdracht block the first assignment (by due moment, then title), as on the /opdrachten page.
  const context = [...memberships].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0]?.enrollment;
  const assignments: Record<string, { href: string; title: string; statusLabel: string; dueAt: string }> = {};
  const candidates = (context?.cohort.sessions ?? []).flatMap((session) => session.assignments);
  candidates.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.title.localeCompare(b.title));
  for (const assignment of candidates) {
    if (!assignment.opdrachtId || assignments[assignment.opdrachtId]) continue;
    const own = assignment.submissions.find(
      (submission) => submission.ownerKey === ownerKeyFor(assignment.kind, context!, user.id),
    );
    const facts = own
      ? {
          body: own.body,
          submittedAt: own.submittedAt,
          feedbackAt: own.feedbackAt,
          attachmentCount: own._count.attachments,
        }
      : null;
    assignments[assignment.opdrachtId] = {
      href: `/opdrachten/${assignment.id}`,
      title: assignment.title,
      statusLabel: statusLabel(submissionStatus(facts, assignment.dueAt, now)),
      dueAt: assignment.dueAt.toISOString(),
    };
  }
  return { readAt: found?.lessonProgress[0]?.readAt ?? null, partners, answers, assignments };
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
