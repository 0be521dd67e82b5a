// Creating and editing cohorts (coordinators only): the cohort's details, and its first schedule — the
// default four sessions of seed 002, a copy of an earlier cohort's sessions moved to the new period, or
// nothing. Every change is written to the audit log.
import { randomUUID } from "node:crypto";
import type { CohortStatus } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";
import { amsterdamTime, calendarDate, calendarDateString } from "~/utils/dates.ts";
import { recordAudit } from "./audit.server.ts";
import { defaultSessionTemplate, shiftSchedule, warningsForSchedule, type SessionPlan } from "./schedule.ts";
import { DomainError } from "~/utils/domain-error.ts";

export type CohortFields = {
  name: string;
  theme: string;
  description: string;
  startsOn: string; // YYYY-MM-DD
  endsOn: string;
  capacity: number;
  status: CohortStatus;
};

export type ScheduleChoice = { kind: "default" } | { kind: "copy"; fromCohortId: string } | { kind: "none" };

type Actor = { id: string };

function slugFor(name: string): string {
  const base = name
    .normalize("NFKD")
    .replaceAll(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replaceAll(/[^a-z0-9]+/g, "-")
    .replaceAll(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${base || "leernetwerk"}-${randomUUID().slice(0, 6)}`;
}

/** The sessions a new cohort starts with. */
async function plannedSessions(fields: CohortFields, schedule: ScheduleChoice): Promise<SessionPlan[]> {
  if (schedule.kind === "none") return [];
  if (schedule.kind === "default") return defaultSessionTemplate(fields.startsOn, fields.endsOn);
  const source = await prisma.cohort.findUnique({
    where: { id: schedule.fromCohortId },
    select: {
      startsOn: true,
      sessions: {
        where: { cancelledAt: null },
        orderBy: { startsAt: "asc" },
        select: {
          title: true,
          startsAt: true,
          endsAt: true,
          format: true,
          location: true,
          meetingUrl: true,
          agenda: true,
          preparation: true,
        },
      },
    },
  });
  if (!source) throw new DomainError("Kies een leernetwerk om te kopiëren.", "copyFromId");
  return shiftSchedule(source.sessions, calendarDateString(source.startsOn), fields.startsOn).map((session, index) => ({
    number: index + 1,
    title: session.title,
    date: session.date,
    start: session.start,
    end: session.end,
    format: session.format,
    location: session.location,
    // A meeting link belongs to one meeting; the new cohort gets its own.
    meetingUrl: null,
    agenda: session.agenda,
    preparation: session.preparation,
  }));
}

export async function createCohortWithSchedule(fields: CohortFields, schedule: ScheduleChoice, actor: Actor) {
  const sessions = await plannedSessions(fields, schedule);
  return prisma.$transaction(async (tx) => {
    const cohort = await tx.cohort.create({
      data: {
        slug: slugFor(fields.name),
        name: fields.name,
        theme: fields.theme,
        description: fields.description,
        startsOn: calendarDate(fields.startsOn),
        endsOn: calendarDate(fields.endsOn),
        capacity: fields.capacity,
        status: fields.status,
        sessions: {
          create: sessions.map((session) => ({
            number: session.number,
            title: session.title,
            startsAt: amsterdamTime(session.date, session.start),
            endsAt: amsterdamTime(session.date, session.end),
            format: session.format,
            location: session.location,
            meetingUrl: session.meetingUrl,
            agenda: session.agenda,
            preparation: session.preparation,
          })),
        },
      },
      select: { id: true, name: true },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "cohort.create",
        entityType: "Cohort",
        entityId: cohort.id,
        details: {
          name: fields.name,
          startsOn: fields.startsOn,
          endsOn: fields.endsOn,
          capacity: fields.capacity,
          status: fields.status,
          schedule: schedule.kind,
          ...(schedule.kind === "copy" ? { copiedFrom: schedule.fromCohortId } : {}),
          sessions: sessions.length,
        },
      },
      tx,
    );
    return cohort;
  });
}

export function getCohortForEdit(cohortId: string) {
  return prisma.cohort.findUnique({
    where: { id: cohortId },
    select: {
      id: true,
      name: true,
      theme: true,
      description: true,
      startsOn: true,
      endsOn: true,
      capacity: true,
      status: true,
      // The version of the cohort the edit form was loaded with (see updateCohort).
      updatedAt: true,
      _count: { select: { enrollments: { where: { status: "ACTIVE" } } } },
    },
  });
}

/**
 * Saves the cohort's details. Returns the sessions that now fall outside the period (a warning, not an
 * error: the coordinator may be moving the period first and the sessions next).
 */
/** Someone else saved the cohort after this form was loaded. */
export class CohortConflict extends Error {
  constructor(public currentVersion: string) {
    super("Het leernetwerk is intussen door iemand anders gewijzigd.");
  }
}

/**
 * Saves a cohort. `expectedVersion` (the cohort's updatedAt when the form was loaded, ISO) guards against
 * overwriting a change made in the meantime: then CohortConflict is thrown and nothing is saved.
 */
export async function updateCohort(cohortId: string, fields: CohortFields, actor: Actor, expectedVersion?: string) {
  const before = await prisma.cohort.findUnique({
    where: { id: cohortId },
    select: {
      updatedAt: true,
      name: true,
      theme: true,
      description: true,
      startsOn: true,
      endsOn: true,
      capacity: true,
      status: true,
      _count: { select: { enrollments: { where: { status: "ACTIVE" } } } },
    },
  });
  if (!before) throw new DomainError("Dit leernetwerk bestaat niet.", "name");
  if (expectedVersion !== undefined && before.updatedAt.toISOString() !== expectedVersion) {
    throw new CohortConflict(before.updatedAt.toISOString());
  }
  if (fields.capacity < before._count.enrollments) {
    throw new DomainError(
      `Er doen al ${before._count.enrollments} gemeenten mee. De capaciteit kan niet lager zijn dan dat.`,
      "capacity",
    );
  }
  const previous = {
    name: before.name,
    theme: before.theme,
    description: before.description,
    startsOn: calendarDateString(before.startsOn),
    endsOn: calendarDateString(before.endsOn),
    capacity: before.capacity,
    status: before.status,
  };
  const changes: Record<string, { from: string | number; to: string | number }> = {};
  for (const key of Object.keys(previous) as (keyof typeof previous)[]) {
    if (previous[key] !== fields[key]) changes[key] = { from: previous[key], to: fields[key] };
  }
  const sessions = await prisma.$transaction(async (tx) => {
    // The version check again inside the write, for two saves at the same moment.
    const updated = await tx.cohort.updateMany({
      where: { id: cohortId, updatedAt: before.updatedAt },
      data: {
        name: fields.name,
        theme: fields.theme,
        description: fields.description,
        startsOn: calendarDate(fields.startsOn),
        endsOn: calendarDate(fields.endsOn),
        capacity: fields.capacity,
        status: fields.status,
      },
    });
    if (updated.count === 0) {
      const current = await tx.cohort.findUniqueOrThrow({ where: { id: cohortId }, select: { updatedAt: true } });
      throw new CohortConflict(current.updatedAt.toISOString());
    }
    if (Object.keys(changes).length) {
      await recordAudit(
        { actorId: actor.id, action: "cohort.update", entityType: "Cohort", entityId: cohortId, details: { changes } },
        tx,
      );
    }
    return tx.cohortSession.findMany({
      where: { cohortId },
      select: { id: true, number: true, startsAt: true, endsAt: true, cancelledAt: true },
    });
  });
  const warnings = warningsForSchedule(sessions, { startsOn: fields.startsOn, endsOn: fields.endsOn });
  const outside = sessions
    .filter((session) => warnings.get(session.id)?.some((warning) => warning.includes("buiten de periode")))
    .map((session) => session.number)
    .sort((a, b) => a - b);
  return { changed: Object.keys(changes).length > 0, sessionsOutsidePeriod: outside };
}

/** Cohorts whose schedule can be copied, newest first. */
export function listCohortsToCopy() {
  return prisma.cohort.findMany({
    orderBy: { startsOn: "desc" },
    select: {
      id: true,
      name: true,
      theme: true,
      description: true,
      capacity: true,
      _count: { select: { sessions: true } },
    },
  });
}
