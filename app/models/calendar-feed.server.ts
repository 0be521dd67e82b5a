// The personal iCalendar feed: a secret URL that a calendar (Outlook, Google, Apple) subscribes to. The
// database keeps only the SHA-256 hash of the token; the URL is shown once when it is made. Renewing
// makes a new URL (the old one stops working), revoking removes it.
import { generateToken, hashToken } from "~/auth/tokens.server.ts";
import { buildCalendar, type CalendarEvent, sessionEvent } from "~/calendar/ics.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { cohortVisibilityFilter, sessionSummarySelect } from "./cohort.server.ts";
import { recordAudit } from "./audit.server.ts";

export function feedUrl(token: string): string {
  return `${getEnv().APP_URL}/agenda/${token}/leernetwerk.ics`;
}

export function getFeedStatus(userId: string) {
  return prisma.calendarFeedToken.findUnique({ where: { userId }, select: { createdAt: true, lastUsedAt: true } });
}

/** Makes a new feed URL for the user, replacing any earlier one. Returns the URL (not stored). */
export async function renewFeedToken(userId: string): Promise<string> {
  const token = generateToken();
  const tokenHash = hashToken(token);
  await prisma.calendarFeedToken.upsert({
    where: { userId },
    create: { userId, tokenHash },
    update: { tokenHash, createdAt: new Date(), lastUsedAt: null },
  });
  await recordAudit({
    actorId: userId,
    action: "calendar-feed.renew",
    entityType: "CalendarFeedToken",
    entityId: userId,
  });
  return feedUrl(token);
}

export async function revokeFeedToken(userId: string): Promise<boolean> {
  const { count } = await prisma.calendarFeedToken.deleteMany({ where: { userId } });
  if (count)
    await recordAudit({
      actorId: userId,
      action: "calendar-feed.revoke",
      entityType: "CalendarFeedToken",
      entityId: userId,
    });
  return count > 0;
}

const calendarSessionSelect = {
  ...sessionSummarySelect,
  agenda: true,
  sequence: true,
  updatedAt: true,
  cohort: { select: { id: true, name: true } },
} as const;

/** The feed for a token, or null when the token is unknown (revoked, renewed or made up). */
export async function calendarFeedFor(token: string, now = new Date()): Promise<string | null> {
  const record = await prisma.calendarFeedToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, lastUsedAt: true, user: { select: { id: true, role: true, name: true, email: true } } },
  });
  if (!record) return null;
  const user = record.user;
  const [sessions, meetings, deadlines, intakes] = await Promise.all([
    prisma.cohortSession.findMany({
      where: { cohort: cohortVisibilityFilter(user) },
      orderBy: { startsAt: "asc" },
      select: calendarSessionSelect,
    }),
    // Intervisie meetings of the person's groups (as a member or as the group's facilitator).
    prisma.intervisionMeeting.findMany({
      where: {
        group: {
          OR: [{ members: { some: { userId: user.id } } }, { facilitators: { some: { userId: user.id } } }],
        },
      },
      orderBy: { startsAt: "asc" },
      select: {
        id: true,
        startsAt: true,
        endsAt: true,
        location: true,
        meetingUrl: true,
        createdAt: true,
        updatedAt: true,
        group: { select: { name: true, cohort: { select: { name: true } } } },
      },
    }),
    // Assignment deadlines: for participants, of the cohorts their duo takes part in.
    user.role === "PARTICIPANT"
      ? prisma.assignment.findMany({
          where: {
            session: {
              cohort: { enrollments: { some: { status: "ACTIVE", members: { some: { userId: user.id } } } } },
            },
          },
          orderBy: { dueAt: "asc" },
          select: {
            id: true,
            title: true,
            dueAt: true,
            createdAt: true,
            updatedAt: true,
            session: { select: { number: true, cohort: { select: { name: true } } } },
          },
        })
      : Promise.resolve([]),
    // Intake conversations: the coordinator's (every planned one) and the applicant's own (as the contact or
    // one of the duo named in the application).
    prisma.application.findMany({
      where: {
        intakeAt: { not: null },
        ...(user.role === "COORDINATOR"
          ? {}
          : {
              OR: [
                { contactEmail: { equals: user.email, mode: "insensitive" } },
                { members: { some: { email: { equals: user.email, mode: "insensitive" } } } },
              ],
            }),
      },
      orderBy: { intakeAt: "asc" },
      select: {
        id: true,
        municipalityName: true,
        intakeAt: true,
        intakeLocation: true,
        status: true,
        createdAt: true,
        updatedAt: true,
        cohort: { select: { id: true, name: true } },
      },
    }),
  ]);
  // Calendars poll often; note the use at most once an hour to spare the database.
  if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() > 3_600_000) {
    await prisma.calendarFeedToken.update({ where: { id: record.id }, data: { lastUsedAt: now } });
  }
  const appUrl = getEnv().APP_URL;
  return buildCalendar({
    name: `Leernetwerk — ${record.user.name}`,
    events: [
      ...sessions.map((session) => sessionEvent(session, appUrl)),
      ...meetings.map((meeting) => intervisionEvent(meeting, appUrl)),
      ...deadlines.map((assignment) => deadlineEvent(assignment, appUrl)),
      ...intakes.map((application) =>
        intakeEvent({ ...application, intakeAt: application.intakeAt! }, appUrl, user.role === "COORDINATOR"),
      ),
    ],
    now,
    kind: "feed",
  });
}

/**
 * SEQUENCE for records without a counter of their own: whole seconds between creation and the last change.
 * It only grows, and grows with every change (moving a meeting, a new deadline), so calendar clients replace
 * the event instead of keeping the old one; LAST-MODIFIED says when.
 */
export function sequenceOf(record: { createdAt: Date; updatedAt: Date }): number {
  return Math.max(0, Math.floor((record.updatedAt.getTime() - record.createdAt.getTime()) / 1000));
}

const base = (appUrl: string) => appUrl.replace(/\/$/, "");

export function intervisionEvent(
  meeting: {
    id: string;
    startsAt: Date;
    endsAt: Date;
    location: string | null;
    meetingUrl: string | null;
    createdAt: Date;
    updatedAt: Date;
    group: { name: string; cohort: { name: string } };
  },
  appUrl: string,
): CalendarEvent {
  const url = `${base(appUrl)}/intervisie/bijeenkomsten/${meeting.id}`;
  return {
    uid: `intervisie-${meeting.id}@leernetwerk`,
    sequence: sequenceOf(meeting),
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    summary: `Intervisie: ${meeting.group.name}`,
    description: [
      meeting.group.cohort.name,
      meeting.meetingUrl ? `Online meedoen: ${meeting.meetingUrl}` : null,
      `Meer informatie: ${url}`,
    ]
      .filter(Boolean)
      .join("\n\n"),
    location: meeting.location ?? (meeting.meetingUrl ? "Online" : null),
    url,
    cancelled: false,
    lastModified: meeting.updatedAt,
  };
}

export function deadlineEvent(
  assignment: {
    id: string;
    title: string;
    dueAt: Date;
    createdAt: Date;
    updatedAt: Date;
    session: { number: number; cohort: { name: string } };
  },
  appUrl: string,
): CalendarEvent {
  const url = `${base(appUrl)}/opdrachten/${assignment.id}`;
  return {
    uid: `opdracht-${assignment.id}@leernetwerk`,
    sequence: sequenceOf(assignment),
    // A deadline is a moment: the event starts and ends at the time it is due.
    startsAt: assignment.dueAt,
    endsAt: assignment.dueAt,
    summary: `Inleveren: ${assignment.title}`,
    description: [
      `${assignment.session.cohort.name}, bij bijeenkomst ${assignment.session.number}.`,
      `Inleveren: ${url}`,
    ].join("\n\n"),
    url,
    cancelled: false,
    lastModified: assignment.updatedAt,
  };
}

/** The intake lasts an hour (the planning form asks only for its start). */
const INTAKE_MINUTES = 60;

export function intakeEvent(
  application: {
    id: string;
    municipalityName: string;
    intakeAt: Date;
    intakeLocation: string;
    status: string;
    createdAt: Date;
    updatedAt: Date;
    cohort: { id: string; name: string };
  },
  appUrl: string,
  forCoordinator: boolean,
): CalendarEvent {
  const link = /^https?:\/\//i.test(application.intakeLocation) ? application.intakeLocation : null;
  const url = forCoordinator
    ? `${base(appUrl)}/leernetwerken/${application.cohort.id}/aanmeldingen/${application.id}`
    : null;
  return {
    uid: `intake-${application.id}@leernetwerk`,
    sequence: sequenceOf(application),
    startsAt: application.intakeAt,
    endsAt: new Date(application.intakeAt.getTime() + INTAKE_MINUTES * 60_000),
    summary: `Intakegesprek ${application.municipalityName}`,
    description: [application.cohort.name, link ? `Online meedoen: ${link}` : null, url ? `Aanmelding: ${url}` : null]
      .filter(Boolean)
      .join("\n\n"),
    location: link ? "Online" : application.intakeLocation || null,
    url: link ?? url,
    cancelled: application.status === "REJECTED" && application.intakeAt > application.updatedAt,
    lastModified: application.updatedAt,
  };
}

/** One session as a download, for someone who may see its cohort (checked by the route's guard). */
export async function sessionCalendar(cohortId: string, sessionId: string, now = new Date()): Promise<string | null> {
  const session = await prisma.cohortSession.findFirst({
    where: { id: sessionId, cohortId },
    select: calendarSessionSelect,
  });
  if (!session) return null;
  return buildCalendar({
    name: session.cohort.name,
    events: [sessionEvent(session, getEnv().APP_URL)],
    now,
    kind: "download",
  });
}
