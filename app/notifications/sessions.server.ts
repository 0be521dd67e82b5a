// Notices about sessions, derived from the data every few minutes (the schedule-notifications job):
// - reminders two days before a session and at 07:00 (Amsterdam) on its day, to the active duo members
//   of the cohort's active enrolments and to its facilitators;
// - "verplaatst/afgelast" when a session's time, place or cancellation differs from what people were
//   last told (SessionNotice).
// Nothing is stored in advance that could go out of date: a reminder is recorded only when it is due,
// keyed by the session's start time, and checked again right before sending (delivery.server.ts).
import { createHash } from "node:crypto";
import { getEnv } from "~/utils/env.server.ts";
import { amsterdamDate, amsterdamTime } from "~/utils/dates.ts";
import { prisma } from "~/utils/db.server.ts";
import { sessionChangedEmail, sessionReminderEmail } from "./templates.server.ts";
import { sessionReadings } from "~/models/course-progress.server.ts";
import { modesFor } from "./preferences.server.ts";
import { type NotifyResult, notify } from "./notify.server.ts";

const HOUR = 60 * 60 * 1000;
/** A reminder more than this late (e.g. the platform was down) is not sent any more. */
const LATE_LIMIT_MS = 12 * HOUR;

export type ReminderSlot = "two-days" | "morning";

/** When the reminders of a session starting at `startsAt` are due. */
export function reminderTimes(startsAt: Date): { slot: ReminderSlot; at: Date }[] {
  const times: { slot: ReminderSlot; at: Date }[] = [
    { slot: "two-days", at: new Date(startsAt.getTime() - 48 * HOUR) },
  ];
  const morning = amsterdamTime(amsterdamDate(startsAt), "07:00");
  if (morning < startsAt) times.push({ slot: "morning", at: morning });
  return times;
}

/** The reminder slot due now for a session, if any (the latest one; an older one that is also due is skipped). */
export function dueSlot(startsAt: Date, now: Date): ReminderSlot | null {
  if (startsAt <= now) return null;
  const due = reminderTimes(startsAt).filter(
    (time) => time.at <= now && now.getTime() - time.at.getTime() < LATE_LIMIT_MS,
  );
  return due.at(-1)?.slot ?? null;
}

const sessionSelect = {
  id: true,
  number: true,
  title: true,
  startsAt: true,
  endsAt: true,
  format: true,
  location: true,
  meetingUrl: true,
  preparation: true,
  cancelledAt: true,
  cohort: {
    select: {
      id: true,
      name: true,
      facilitators: { select: { user: { select: { id: true, name: true, email: true } } } },
      enrollments: {
        where: { status: "ACTIVE" as const },
        select: { members: { select: { user: { select: { id: true, name: true, email: true } } } } },
      },
    },
  },
};

type SessionWithPeople = Awaited<ReturnType<typeof loadSessions>>[number];

function loadSessions(where: { startsAt: { gt: Date; lte?: Date }; cancelledAt?: null }) {
  // Cohorts still being drafted (CONCEPT) or already closed send nothing.
  return prisma.cohortSession.findMany({
    where: { ...where, cohort: { status: { in: ["APPLICATIONS_OPEN", "RUNNING"] } } },
    select: sessionSelect,
    orderBy: { startsAt: "asc" },
  });
}

function recipients(session: SessionWithPeople) {
  const people = new Map<string, { id: string; name: string; email: string }>();
  for (const enrollment of session.cohort.enrollments)
    for (const member of enrollment.members) people.set(member.user.id, member.user);
  for (const facilitator of session.cohort.facilitators) people.set(facilitator.user.id, facilitator.user);
  return [...people.values()];
}

function count(results: NotifyResult[]) {
  const totals: Partial<Record<NotifyResult, number>> = {};
  for (const result of results) totals[result] = (totals[result] ?? 0) + 1;
  return totals;
}

export async function scheduleSessionReminders(now = new Date()) {
  const appUrl = getEnv().APP_URL;
  const sessions = await loadSessions({
    startsAt: { gt: now, lte: new Date(now.getTime() + 49 * HOUR) },
    cancelledAt: null,
  });
  const results: NotifyResult[] = [];
  // What to read before each session (issue 3's "voorbereiding"): one query for all sessions.
  const readingsBySession = await sessionReadings(sessions.map((session) => session.id));
  for (const session of sessions) {
    const slot = dueSlot(session.startsAt, now);
    if (!slot) continue;
    const readings = (readingsBySession.get(session.id) ?? []).map((reading) => ({
      title: reading.title,
      url: `${appUrl}${reading.href}`,
      minutes: reading.minutes,
    }));
    const people = recipients(session);
    const modes = await modesFor(
      people.map((person) => person.id),
      "session-reminder",
    );
    for (const user of people) {
      results.push(
        await notify({
          key: `session-reminder:${session.id}:${slot}:${session.startsAt.toISOString()}:${user.id}`,
          kind: "session-reminder",
          user,
          mode: modes.get(user.id)!,
          title: `Bijeenkomst ${session.number}: ${session.title}`,
          url: `${appUrl}/leernetwerken/${session.cohort.id}/bijeenkomsten/${session.id}`,
          session: { id: session.id, startsAt: session.startsAt },
          email: () => sessionReminderEmail({ appUrl, user, session, slot, readings }),
        }),
      );
    }
  }
  return count(results);
}

export async function announceSessionChanges(now = new Date()) {
  const appUrl = getEnv().APP_URL;
  const sessions = await loadSessions({ startsAt: { gt: now } });
  const notices = await prisma.sessionNotice.findMany({ where: { sessionId: { in: sessions.map((s) => s.id) } } });
  const noticeBySession = new Map(notices.map((notice) => [notice.sessionId, notice]));
  const results: NotifyResult[] = [];
  let baselines = 0;
  for (const session of sessions) {
    const snapshot = {
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      location: session.location,
      meetingUrl: session.meetingUrl,
      cancelled: Boolean(session.cancelledAt),
    };
    const notice = noticeBySession.get(session.id);
    if (!notice) {
      // First sight of this session: nothing was announced before, so there is nothing to correct.
      await prisma.sessionNotice.create({ data: { sessionId: session.id, ...snapshot } });
      baselines++;
      continue;
    }
    const moved =
      notice.startsAt.getTime() !== snapshot.startsAt.getTime() ||
      notice.endsAt.getTime() !== snapshot.endsAt.getTime() ||
      notice.location !== snapshot.location ||
      notice.meetingUrl !== snapshot.meetingUrl;
    const newlyCancelled = snapshot.cancelled && !notice.cancelled;
    if (!newlyCancelled && (snapshot.cancelled || !moved)) {
      if (notice.cancelled !== snapshot.cancelled) {
        await prisma.sessionNotice.update({ where: { sessionId: session.id }, data: snapshot });
      }
      continue;
    }
    const people = recipients(session);
    const modes = await modesFor(
      people.map((person) => person.id),
      "session-changed",
    );
    // The key names this change (hashed: it travels as a header to Resend, which wants short ASCII).
    const change = newlyCancelled
      ? "afgelast"
      : createHash("sha256").update(JSON.stringify(snapshot)).digest("hex").slice(0, 16);
    for (const user of people) {
      results.push(
        await notify({
          key: `session-changed:${session.id}:${change}:${user.id}`,
          kind: "session-changed",
          user,
          mode: modes.get(user.id)!,
          title: `Bijeenkomst ${session.number} ${newlyCancelled ? "afgelast" : "gewijzigd"}: ${session.title}`,
          url: `${appUrl}/leernetwerken/${session.cohort.id}/bijeenkomsten/${session.id}`,
          email: () => sessionChangedEmail({ appUrl, user, session, previousStartsAt: notice.startsAt }),
        }),
      );
    }
    await prisma.sessionNotice.update({ where: { sessionId: session.id }, data: snapshot });
  }
  return { baselines, ...count(results) };
}
