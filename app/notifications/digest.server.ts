// The digest: one e-mail per user that bundles their DIGEST-mode notifications and, for facilitators, the
// sessions of the coming period in their cohorts. Weekly on Monday from 08:00 (Amsterdam) unless the person
// chose otherwise (DigestSchedule, issue 19): weekly on another day and hour, or daily at an hour. A period
// is a calendar week (Monday–Sunday) or day in Amsterdam; its digest is due from the chosen moment in it.
// Keyed per user and period, so the hourly job sends each digest once. No digest when there is nothing in it.
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
  return digestMoment(DEFAULT_DIGEST, now);
}

export type DigestPlan = { frequency: "DAILY" | "WEEKLY"; weekday: number; hour: number };
export const DEFAULT_DIGEST: DigestPlan = { frequency: "WEEKLY", weekday: 1, hour: 8 };

/** When the digest of the period (Amsterdam calendar week or day) that `now` is in is due under a plan. */
export function digestMoment(plan: DigestPlan, now: Date): Date {
  const today = amsterdamDate(now);
  const hour = `${String(plan.hour).padStart(2, "0")}:00`;
  if (plan.frequency === "DAILY") return amsterdamTime(today, hour);
  return amsterdamTime(addDays(today, plan.weekday - isoWeekday(today)), hour);
}

/** The key of a person's digest for the period of `moment` (weekly keys as before the choice existed). */
function digestKey(plan: DigestPlan, moment: Date, userId: string) {
  const prefix = plan.frequency === "DAILY" ? "daily-digest" : "weekly-digest";
  return `${prefix}:${moment.toISOString().slice(0, 10)}:${userId}`;
}

export async function sendWeeklyDigests(now = new Date()) {
  // Everyone's plan: the rows of those who chose one (a small table); everyone else the default.
  const plans = new Map(
    (
      await prisma.digestSchedule.findMany({ select: { userId: true, frequency: true, weekday: true, hour: true } })
    ).map((row) => [row.userId, row as DigestPlan]),
  );
  const planOf = (userId: string) => plans.get(userId) ?? DEFAULT_DIGEST;
  const isDue = (plan: DigestPlan) => now >= digestMoment(plan, now);
  if (!isDue(DEFAULT_DIGEST) && ![...plans.values()].some(isDue)) return { due: false, sent: 0 };
  const weekOf = digestTimeOfWeek(now);
  const appUrl = getEnv().APP_URL;

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
      // A daily digest looks one day ahead, a weekly one a week.
      if (planOf(user.id).frequency === "DAILY" && session.startsAt.getTime() > now.getTime() + DAY) continue;
      entryFor(user).upcoming.push({
        title: `${session.cohort.name}, bijeenkomst ${session.number}: ${session.title}, ${formatSessionTime(session.startsAt, session.endsAt)}`,
        url: `${appUrl}/leernetwerken/${session.cohort.id}`,
      });
    }
  }

  // Journal entries shared with facilitators in the past period: counts per cohort only, never titles or text;
  // and assignments handed in during it, per cohort (counts only, with a link to the dashboard). A weekly
  // digest counts the week before its moment, a daily one the day before now.
  const anyDaily = [...plans.values()].some((plan) => plan.frequency === "DAILY");
  const periods = [
    { daily: false, since: new Date(weekOf.getTime() - 7 * DAY) },
    ...(anyDaily ? [{ daily: true, since: new Date(now.getTime() - DAY) }] : []),
  ];
  for (const { daily, since } of periods) {
    const shared = await sharedEntryCountsForDigest(since);
    for (const { user, cohorts } of shared.values()) {
      if ((planOf(user.id).frequency === "DAILY") !== daily) continue;
      entryFor(user).sharedJournals = [...cohorts.values()].map((cohort) => ({
        cohort: cohort.name,
        count: cohort.count,
      }));
    }
    const submitted = await submissionCountsForDigest(since);
    for (const { user, cohorts } of submitted.values()) {
      if ((planOf(user.id).frequency === "DAILY") !== daily) continue;
      entryFor(user).newSubmissions = [...cohorts.values()].map((cohort) => ({
        cohort: cohort.name,
        count: cohort.count,
        url: `${appUrl}/leernetwerken/${cohort.id}/opdrachten`,
      }));
    }
  }

  // Only those whose digest is due now (the others' items wait for their moment).
  for (const id of digests.keys()) if (!isDue(planOf(id))) digests.delete(id);
  const keyOf = (id: string) => digestKey(planOf(id), digestMoment(planOf(id), now), id);
  const userIds = [...digests.keys()];
  const modes = await modesFor(userIds, "weekly-digest");
  const keys = userIds.map(keyOf);
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
    const key = keyOf(user.id);
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
            weekOf: digestMoment(planOf(user.id), now),
            daily: planOf(user.id).frequency === "DAILY",
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
