// The weekly digest: on Monday from 08:00 (Amsterdam), one e-mail per user that bundles their DIGEST-mode
// notifications and, for facilitators, the sessions of the coming week in their cohorts. Keyed per user
// and week, so the hourly job sends each digest once. No digest is sent when there is nothing in it.
import { getEnv } from "~/utils/env.server.ts";
import { addDays, amsterdamDate, amsterdamTime, formatSessionTime, isoWeekday } from "~/utils/dates.ts";
import { prisma } from "~/utils/db.server.ts";
import { enqueueDelivery, recordEmail } from "~/email/send-email.server.ts";
import { weeklyDigestEmail } from "./templates.server.ts";
import { listUnsubscribeHeaders } from "./links.server.ts";
import { modesFor } from "./preferences.server.ts";
import { sharedEntryCountsForDigest } from "~/models/journal.server.ts";
import { submissionCountsForDigest } from "~/models/assignment.server.ts";

const DAY = 24 * 60 * 60 * 1000;

/** Monday 08:00 Amsterdam time of the week that `now` is in. */
export function digestTimeOfWeek(now: Date): Date {
  const today = amsterdamDate(now);
  return amsterdamTime(addDays(today, 1 - isoWeekday(today)), "08:00");
}

export async function sendWeeklyDigests(now = new Date()) {
  const weekOf = digestTimeOfWeek(now);
  if (now < weekOf) return { due: false, sent: 0 };
  const appUrl = getEnv().APP_URL;
  const weekKey = weekOf.toISOString().slice(0, 10);

  // Everything in one go: pending digest items, facilitators with sessions in the coming week.
  const pending = await prisma.notification.findMany({
    where: { status: "PENDING", mode: "DIGEST", createdAt: { lte: now } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      kind: true,
      title: true,
      url: true,
      sessionId: true,
      sessionStartsAt: true,
      user: { select: { id: true, name: true, email: true } },
    },
  });
  const weekEnd = new Date(now.getTime() + 7 * DAY);
  const upcoming = await prisma.cohortSession.findMany({
    where: { startsAt: { gt: now, lte: weekEnd }, cancelledAt: null },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      number: true,
      title: true,
      startsAt: true,
      endsAt: true,
      cohort: {
        select: {
          id: true,
          name: true,
          facilitators: { select: { user: { select: { id: true, name: true, email: true } } } },
        },
      },
    },
  });

  type Person = { id: string; name: string; email: string };
  type Digest = {
    user: Person;
    items: typeof pending;
    upcoming: { title: string; url: string }[];
    sharedJournals: { cohort: string; count: number }[];
    newSubmissions: { cohort: string; count: number; url: string }[];
  };
  const digests = new Map<string, Digest>();
  const entryFor = (user: Person) => {
    let entry = digests.get(user.id);
    if (!entry) {
      entry = { user, items: [], upcoming: [], sharedJournals: [], newSubmissions: [] };
      digests.set(user.id, entry);
    }
    return entry;
  };
  for (const item of pending) entryFor(item.user).items.push(item);
  for (const session of upcoming) {
    for (const { user } of session.cohort.facilitators) {
      entryFor(user).upcoming.push({
        title: `${session.cohort.name}, bijeenkomst ${session.number}: ${session.title}, ${formatSessionTime(session.startsAt, session.endsAt)}`,
        url: `${appUrl}/leernetwerken/${session.cohort.id}`,
      });
    }
  }

  // Journal entries shared with facilitators in the past week: counts per cohort only, never titles or text.
  const shared = await sharedEntryCountsForDigest(new Date(weekOf.getTime() - 7 * DAY));
  for (const { user, cohorts } of shared.values()) {
    entryFor(user).sharedJournals = [...cohorts.values()].map((cohort) => ({
      cohort: cohort.name,
      count: cohort.count,
    }));
  }

  // Assignments handed in during the past week, per cohort (counts only, with a link to the dashboard).
  const submitted = await submissionCountsForDigest(new Date(weekOf.getTime() - 7 * DAY));
  for (const { user, cohorts } of submitted.values()) {
    entryFor(user).newSubmissions = [...cohorts.values()].map((cohort) => ({
      cohort: cohort.name,
      count: cohort.count,
      url: `${appUrl}/leernetwerken/${cohort.id}/opdrachten`,
    }));
  }

  const userIds = [...digests.keys()];
  const modes = await modesFor(userIds, "weekly-digest");
  const keys = userIds.map((id) => `weekly-digest:${weekKey}:${id}`);
  const alreadySent = new Set(
    (
      await prisma.emailMessage.findMany({ where: { idempotencyKey: { in: keys } }, select: { idempotencyKey: true } })
    ).map((message) => message.idempotencyKey),
  );
  // Session notices whose session has moved or been cancelled since are dropped, as for direct e-mail.
  const sessionIds = [...new Set(pending.flatMap((item) => (item.sessionId ? [item.sessionId] : [])))];
  const sessions = new Map(
    (
      await prisma.cohortSession.findMany({
        where: { id: { in: sessionIds } },
        select: { id: true, startsAt: true, cancelledAt: true },
      })
    ).map((session) => [session.id, session]),
  );
  const isStale = (item: (typeof pending)[number]) => {
    if (!item.sessionId) return false;
    const session = sessions.get(item.sessionId);
    return !session || Boolean(session.cancelledAt) || session.startsAt.getTime() !== item.sessionStartsAt?.getTime();
  };

  let sent = 0;
  let dropped = 0;
  for (const { user, items, upcoming: sessionsOfWeek, sharedJournals, newSubmissions } of digests.values()) {
    const key = `weekly-digest:${weekKey}:${user.id}`;
    if (alreadySent.has(key)) continue;
    const off = modes.get(user.id) === "OFF";
    const stale = items.filter((item) => off || isStale(item));
    const fresh = items.filter((item) => !stale.includes(item));
    if (stale.length > 0) {
      dropped += stale.length;
      await prisma.notification.updateMany({
        where: { id: { in: stale.map((item) => item.id) } },
        data: { status: "CANCELLED", processedAt: now },
      });
    }
    if (
      off ||
      (fresh.length === 0 && sessionsOfWeek.length === 0 && sharedJournals.length === 0 && newSubmissions.length === 0)
    )
      continue;
    const message = await prisma.$transaction(async (tx) => {
      const recorded = await recordEmail(
        {
          ...weeklyDigestEmail({
            appUrl,
            user,
            weekOf,
            upcoming: sessionsOfWeek,
            items: fresh,
            sharedJournals,
            newSubmissions,
          }),
          to: user.email,
          kind: "weekly-digest",
          idempotencyKey: key,
          headers: listUnsubscribeHeaders(user.id, "weekly-digest"),
        },
        tx,
      );
      await tx.notification.updateMany({
        where: { id: { in: fresh.map((item) => item.id) } },
        data: { status: "DIGESTED", digestMessageId: recorded.id, processedAt: now },
      });
      return recorded;
    });
    await enqueueDelivery(message);
    sent++;
  }
  return { due: true, sent, dropped };
}
