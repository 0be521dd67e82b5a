// The personal iCalendar feed: a secret URL that a calendar (Outlook, Google, Apple) subscribes to. The
// database keeps only the SHA-256 hash of the token; the URL is shown once when it is made. Renewing
// makes a new URL (the old one stops working), revoking removes it.
import { generateToken, hashToken } from "~/auth/tokens.server.ts";
import { buildCalendar, sessionEvent } from "~/calendar/ics.server.ts";
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
    select: { id: true, lastUsedAt: true, user: { select: { id: true, role: true, name: true } } },
  });
  if (!record) return null;
  const sessions = await prisma.cohortSession.findMany({
    where: { cohort: cohortVisibilityFilter(record.user) },
    orderBy: { startsAt: "asc" },
    select: calendarSessionSelect,
  });
  // Calendars poll often; note the use at most once an hour to spare the database.
  if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() > 3_600_000) {
    await prisma.calendarFeedToken.update({ where: { id: record.id }, data: { lastUsedAt: now } });
  }
  const appUrl = getEnv().APP_URL;
  return buildCalendar({
    name: `Leernetwerk — ${record.user.name}`,
    events: sessions.map((session) => sessionEvent(session, appUrl)),
    now,
    kind: "feed",
  });
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
