// A cohort's sessions (bijeenkomsten): adding, editing, calling off and restoring them (coordinators),
// and reading one for its page. Every change raises `sequence`, the iCalendar SEQUENCE, so calendar
// clients replace the event instead of keeping the old time. Every change is written to the audit log.
import type { User } from "lucia";
import type { Prisma, SessionFormat } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";
import { calendarDateString } from "~/utils/dates.ts";
import { ownSubmissionsArgs, withOwnStatus } from "./assignment.server.ts";
import { recordAudit } from "./audit.server.ts";
import { sessionSummarySelect } from "./cohort.server.ts";
import { resolveReadings } from "./course-progress.server.ts";
import type { ScheduleContext } from "./schedule.ts";
import { discussionOf, postSelect } from "./session-discussion.server.ts";
import { DomainError } from "~/utils/domain-error.ts";

export type SessionFields = {
  number: number;
  title: string;
  startsAt: Date;
  endsAt: Date;
  format: SessionFormat;
  location: string | null;
  meetingUrl: string | null;
  agenda: string;
  preparation: string;
};

/** Someone else changed the session after this form was loaded (its `sequence` moved on). */
export class SessionConflict extends Error {
  constructor(public current: { sequence: number }) {
    super("De bijeenkomst is intussen door iemand anders gewijzigd.");
  }
}

type Actor = { id: string };

/** What the schedule rules need to check a new or changed session of this cohort. */
export async function getScheduleContext(cohortId: string, now = new Date()): Promise<ScheduleContext | null> {
  const cohort = await prisma.cohort.findUnique({
    where: { id: cohortId },
    select: {
      startsOn: true,
      endsOn: true,
      sessions: { select: { id: true, number: true, startsAt: true, endsAt: true, cancelledAt: true } },
    },
  });
  if (!cohort) return null;
  return {
    startsOn: calendarDateString(cohort.startsOn),
    endsOn: calendarDateString(cohort.endsOn),
    others: cohort.sessions,
    now,
  };
}

async function assertNumberFree(cohortId: string, number: number, exceptId?: string) {
  const taken = await prisma.cohortSession.count({
    where: { cohortId, number, ...(exceptId ? { id: { not: exceptId } } : {}) },
  });
  if (taken) throw new DomainError(`Er is al een bijeenkomst met nummer ${number}. Kies een ander nummer.`, "number");
}

function isUniqueViolation(error: unknown) {
  return (
    typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002"
  );
}

export async function nextSessionNumber(cohortId: string) {
  const last = await prisma.cohortSession.aggregate({ where: { cohortId }, _max: { number: true } });
  return (last._max.number ?? 0) + 1;
}

export async function createSession(cohortId: string, fields: SessionFields, actor: Actor) {
  await assertNumberFree(cohortId, fields.number);
  try {
    return await prisma.$transaction(async (tx) => {
      const session = await tx.cohortSession.create({ data: { cohortId, ...fields }, select: { id: true } });
      await recordAudit(
        {
          actorId: actor.id,
          action: "session.create",
          entityType: "CohortSession",
          entityId: session.id,
          details: {
            cohortId,
            number: fields.number,
            title: fields.title,
            startsAt: fields.startsAt.toISOString(),
            endsAt: fields.endsAt.toISOString(),
          },
        },
        tx,
      );
      return session;
    });
  } catch (error) {
    // Two coordinators adding the same number at once: the unique index decides.
    if (isUniqueViolation(error))
      throw new DomainError(`Er is al een bijeenkomst met nummer ${fields.number}. Kies een ander nummer.`, "number");
    throw error;
  }
}

const editableSelect = {
  ...sessionSummarySelect,
  cohortId: true,
  agenda: true,
  sequence: true,
  leaderId: true,
} as const satisfies Prisma.CohortSessionSelect;

/** One session of one cohort; null when the id is unknown or belongs to another cohort. */
export function getSessionInCohort(cohortId: string, sessionId: string) {
  return prisma.cohortSession.findFirst({ where: { id: sessionId, cohortId }, select: editableSelect });
}

type Comparable = string | number | null;
function comparable(value: Date | string | number | null): Comparable {
  return value instanceof Date ? value.toISOString() : value;
}

/**
 * Saves a session. `expectedSequence` is the version the form was loaded with: when the session has been
 * changed since (by someone else, or in another tab), nothing is saved and SessionConflict is thrown, so
 * no edit overwrites another one silently.
 */
export async function updateSession(
  cohortId: string,
  sessionId: string,
  fields: SessionFields,
  actor: Actor,
  expectedSequence?: number,
) {
  const before = await getSessionInCohort(cohortId, sessionId);
  if (!before) return null;
  if (expectedSequence !== undefined && before.sequence !== expectedSequence)
    throw new SessionConflict({ sequence: before.sequence });
  if (fields.number !== before.number) await assertNumberFree(cohortId, fields.number, sessionId);
  const changes: Record<string, { from: Comparable; to: Comparable }> = {};
  for (const key of Object.keys(fields) as (keyof SessionFields)[]) {
    const from = comparable(before[key]);
    const to = comparable(fields[key]);
    // Long texts are not copied into the log; that they changed is enough.
    if (from !== to) changes[key] = key === "agenda" || key === "preparation" ? { from: "…", to: "…" } : { from, to };
  }
  if (!Object.keys(changes).length) return { changed: false, moved: false };
  const moved = Boolean(changes.startsAt || changes.endsAt || changes.location || changes.meetingUrl || changes.format);
  try {
    await prisma.$transaction(async (tx) => {
      // The version check again inside the write, for two saves at the same moment.
      const updated = await tx.cohortSession.updateMany({
        where: { id: sessionId, sequence: before.sequence },
        data: { ...fields, sequence: { increment: 1 } },
      });
      if (updated.count === 0) throw new SessionConflict({ sequence: before.sequence + 1 });
      await recordAudit(
        {
          actorId: actor.id,
          action: "session.update",
          entityType: "CohortSession",
          entityId: sessionId,
          details: { cohortId, number: fields.number, changes },
        },
        tx,
      );
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DomainError(`Er is al een bijeenkomst met nummer ${fields.number}. Kies een ander nummer.`, "number");
    throw error;
  }
  return { changed: true, moved };
}

/** Calls a session off (it stays in the schedule and in calendars as cancelled), or restores it. */
export async function setSessionCancelled(cohortId: string, sessionId: string, cancelled: boolean, actor: Actor) {
  const session = await getSessionInCohort(cohortId, sessionId);
  if (!session) return null;
  if (Boolean(session.cancelledAt) === cancelled) return session;
  await prisma.$transaction(async (tx) => {
    await tx.cohortSession.update({
      where: { id: sessionId },
      data: { cancelledAt: cancelled ? new Date() : null, sequence: { increment: 1 } },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: cancelled ? "session.cancel" : "session.restore",
        entityType: "CohortSession",
        entityId: sessionId,
        details: { cohortId, number: session.number, title: session.title },
      },
      tx,
    );
  });
  return session;
}

// ---------------------------------------------------------------------------------------------------------
// Issue 19: facilitators as co-leads. The cohort's facilitators (and coordinators) prepare a session: its
// programme and preparation text and who leads it. Time, place and calling off stay with the coordinator.

export type SessionContent = { agenda: string; preparation: string; leaderId: string | null };

/** The cohort's facilitators, who may be named to lead one of its sessions. */
export function sessionLeaderChoices(cohortId: string) {
  return prisma.cohortFacilitator.findMany({
    where: { cohortId },
    orderBy: { user: { name: "asc" } },
    select: { user: { select: { id: true, name: true, title: true } } },
  });
}

/**
 * Saves a session's programme, preparation and leader, with the same version check as updateSession (a
 * session changed since the form was loaded: SessionConflict). The leader must facilitate the cohort.
 */
export async function updateSessionContent(
  cohortId: string,
  sessionId: string,
  content: SessionContent,
  actor: Actor,
  expectedSequence: number,
) {
  const before = await prisma.cohortSession.findFirst({
    where: { id: sessionId, cohortId },
    select: { number: true, agenda: true, preparation: true, leaderId: true, sequence: true },
  });
  if (!before) return null;
  if (before.sequence !== expectedSequence) throw new SessionConflict({ sequence: before.sequence });
  if (content.leaderId) {
    const facilitates = await prisma.cohortFacilitator.count({ where: { cohortId, userId: content.leaderId } });
    if (!facilitates) throw new DomainError("Kies een begeleider van dit leernetwerk.", "leaderId");
  }
  const changed = (["agenda", "preparation", "leaderId"] as const).filter((key) => before[key] !== content[key]);
  if (!changed.length) return { changed: false };
  await prisma.$transaction(async (tx) => {
    const updated = await tx.cohortSession.updateMany({
      where: { id: sessionId, sequence: before.sequence },
      data: { ...content, sequence: { increment: 1 } },
    });
    if (updated.count === 0) throw new SessionConflict({ sequence: before.sequence + 1 });
    await recordAudit(
      {
        actorId: actor.id,
        action: "session.prepare",
        entityType: "CohortSession",
        entityId: sessionId,
        details: { cohortId, number: before.number, changed },
      },
      tx,
    );
  });
  return { changed: true };
}

/** What the session page shows of its co-leads: the leader, the handouts and the report. */
const coLeadSelect = {
  leader: { select: { id: true, name: true, title: true } },
  handouts: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, size: true, createdAt: true } },
  report: {
    select: {
      discussed: true,
      agreements: true,
      followUp: true,
      updatedAt: true,
      updatedBy: { select: { name: true } },
    },
  },
} as const satisfies Prisma.CohortSessionSelect;

/**
 * Everything the session page reads about one session (whose access the route's guard checked), in one
 * query (issue 18; before, eight): attendance (staff see everyone's, a participant only their own), the
 * readings, the assignments with the participant's status, the discussion, whether the participant answered
 * the session's evaluation, and the co-leads' parts.
 */
export async function sessionPageParts(
  viewer: Pick<User, "id" | "role">,
  session: { id: string; cohortId: string },
  isStaff: boolean,
  now = new Date(),
) {
  const found = await prisma.cohortSession.findUnique({
    where: { id: session.id },
    select: {
      ...coLeadSelect,
      attendances: {
        where: isStaff ? {} : { userId: viewer.id },
        select: { userId: true, status: true, reason: true, updatedAt: true, recordedBy: { select: { name: true } } },
      },
      readings: { orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true, contentId: true } },
      assignments: {
        orderBy: [{ dueAt: "asc" }, { title: "asc" }],
        select: { id: true, title: true, dueAt: true, kind: true, submissions: ownSubmissionsArgs(viewer) },
      },
      posts: { orderBy: { createdAt: "asc" }, select: postSelect },
      // As hasAnswered (evaluation.server.ts): a session's evaluation has the session's id as its target.
      evalParticipants: {
        where: { cohortId: session.cohortId, target: session.id, userId: viewer.id },
        select: { id: true },
        take: 1,
      },
    },
  });
  if (!found) return null;
  const { leader, handouts, report, attendances, readings, assignments, posts, evalParticipants } = found;
  return {
    coLead: { leader, handouts, report },
    attendance: attendances,
    readings: resolveReadings(readings),
    assignments: withOwnStatus(viewer, assignments, now),
    discussion: discussionOf(viewer, posts),
    answered: evalParticipants.length > 0,
  };
}
