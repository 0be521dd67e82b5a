// What each role sees first after signing in.
import type { User } from "lucia";
import { prisma } from "~/utils/db.server.ts";
import { listCohortsForUser, sessionSummarySelect } from "./cohort.server.ts";
import { readLessons, sessionReadings } from "./course-progress.server.ts";
import { countAwaitingAnswer, promptsForParticipant } from "./journal.server.ts";

const sessionSelect = { ...sessionSummarySelect, cohort: { select: { id: true, name: true } } } as const;

export async function coordinatorStart(now = new Date()) {
  const inTwoWeeks = new Date(now.getTime() + 14 * 24 * 60 * 60_000);
  const [cohorts, openInvitations, expiredInvitations, failedEmails, upcomingSessions] = await Promise.all([
    listCohortsForUser({ id: "", role: "COORDINATOR" }),
    prisma.invitation.count({ where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: now } } }),
    prisma.invitation.count({ where: { acceptedAt: null, revokedAt: null, expiresAt: { lte: now } } }),
    prisma.emailMessage.count({ where: { status: "FAILED" } }),
    prisma.cohortSession.findMany({
      where: { startsAt: { gte: now, lte: inTwoWeeks } },
      orderBy: { startsAt: "asc" },
      select: sessionSelect,
    }),
  ]);
  // Applications waiting for an intake or a decision, per cohort (one query).
  const openApplications = await prisma.cohort.findMany({
    where: { applications: { some: { status: { in: ["SUBMITTED", "INTAKE_PLANNED"] } } } },
    orderBy: { startsOn: "asc" },
    select: {
      id: true,
      name: true,
      _count: { select: { applications: { where: { status: { in: ["SUBMITTED", "INTAKE_PLANNED"] } } } } },
    },
  });
  const cohortsWithRoom = cohorts.filter(
    (cohort) => cohort.status === "APPLICATIONS_OPEN" && cohort._count.enrollments < cohort.capacity,
  );
  return { cohorts, openInvitations, expiredInvitations, failedEmails, upcomingSessions, cohortsWithRoom, openApplications };
}

export async function facilitatorStart(user: Pick<User, "id" | "role">, now = new Date()) {
  const [cohorts, nextSessions, journalsAwaitingAnswer] = await Promise.all([
    listCohortsForUser(user),
    prisma.cohortSession.findMany({
      where: { startsAt: { gte: now }, cancelledAt: null, cohort: { facilitators: { some: { userId: user.id } } } },
      orderBy: { startsAt: "asc" },
      take: 5,
      select: sessionSelect,
    }),
    // Shared journal entries that wait for an answer (only entries shared with this facilitator).
    countAwaitingAnswer(user),
  ]);
  return { cohorts, nextSessions, journalsAwaitingAnswer };
}

export async function participantStart(user: Pick<User, "id">, now = new Date()) {
  const memberships = await prisma.duoMember.findMany({
    where: { userId: user.id, enrollment: { status: "ACTIVE" } },
    orderBy: { enrollment: { cohort: { startsOn: "desc" } } },
    select: {
      function: true,
      enrollment: {
        select: {
          id: true,
          vraagstuk: true,
          municipality: { select: { name: true } },
          members: { select: { function: true, user: { select: { id: true, name: true } } } },
          cohort: {
            select: {
              id: true,
              name: true,
              status: true,
              startsOn: true,
              endsOn: true,
              sessions: {
                where: { endsAt: { gte: now }, cancelledAt: null },
                orderBy: { startsAt: "asc" },
                take: 1,
                select: sessionSelect,
              },
            },
          },
        },
      },
    },
  });
  // What to read before each next session, and whether the participant has read it: two queries.
  const nextSessionIds = memberships.flatMap((membership) => membership.enrollment.cohort.sessions.map((session) => session.id));
  const [readings, read] = await Promise.all([sessionReadings(nextSessionIds), readLessons([user.id])]);
  const myReads = read.get(user.id);
  return memberships.map((membership) => {
    const { enrollment } = membership;
    const nextSession = enrollment.cohort.sessions[0] ?? null;
    const toRead = (nextSession ? (readings.get(nextSession.id) ?? []) : []).map((reading) => ({
      href: reading.href,
      title: reading.title,
      moduleTitle: reading.moduleTitle,
      minutes: reading.minutes,
      lessons: reading.lessonIds.length,
      lessonsRead: reading.lessonIds.filter((id) => myReads?.has(id)).length,
    }));
    const tasks = nextSession?.preparation
      ? [{ title: `Voorbereiden: bijeenkomst ${nextSession.number}`, description: nextSession.preparation, dueAt: nextSession.startsAt }]
      : [];
    return {
      function: membership.function,
      municipality: enrollment.municipality.name,
      vraagstuk: enrollment.vraagstuk,
      cohort: { id: enrollment.cohort.id, name: enrollment.cohort.name, status: enrollment.cohort.status },
      partners: enrollment.members.filter((member) => member.user.id !== user.id),
      nextSession,
      toRead,
      tasks,
    };
  });
}

/** The latest reflection questions from the participant's facilitators, for the start page. */
export function participantJournalPrompts(user: Pick<User, "id">) {
  return promptsForParticipant(user);
}
