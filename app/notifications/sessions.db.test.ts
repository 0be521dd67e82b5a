import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addFacilitator, createCohort, createEnrollment, createUser } from "../../prisma/factories.ts";
import { addReading } from "~/models/course-progress.server.ts";
import { startResendRecorder } from "../../tests/support/resend-recorder.ts";
import { deliverMessage } from "~/email/delivery.server.ts";
import { amsterdamTime } from "~/utils/dates.ts";
import { prisma } from "~/utils/db.server.ts";
import { clearEnvCache } from "~/utils/env.server.ts";
import { sendWeeklyDigests, digestTimeOfWeek } from "./digest.server.ts";
import { readUnsubscribeToken } from "./links.server.ts";
import { savePreferences } from "./preferences.server.ts";
import { announceSessionChanges, dueSlot, reminderTimes, scheduleSessionReminders } from "./sessions.server.ts";

const HOUR = 60 * 60 * 1000;
let recorder: Awaited<ReturnType<typeof startResendRecorder>>;
beforeAll(async () => {
  recorder = await startResendRecorder();
  process.env.RESEND_API_KEY = "re_test_key";
  process.env.RESEND_BASE_URL = recorder.url;
  process.env.APP_URL = "https://leernetwerk.example";
  clearEnvCache();
});
afterAll(async () => {
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
  delete process.env.APP_URL;
  clearEnvCache();
  await recorder.close();
});
afterEach(() => recorder.reset());

/** A cohort with one session on `date` at `start`, two duos (one withdrawn) and a facilitator. */
async function setup(date: string, start = "14:00") {
  const cohort = await createCohort(prisma, {
    sessions: [
      {
        number: 1,
        title: "Ervaringskennis ontsluiten",
        date,
        start,
        end: "16:30",
        format: "ONLINE",
        meetingUrl: "https://meet.example/1",
        preparation: "Lees de module over de lemniscaat.\nKies één methode.",
      },
    ],
  });
  const session = await prisma.cohortSession.findFirstOrThrow({ where: { cohortId: cohort.id } });
  const active = await createEnrollment(prisma, {
    cohortId: cohort.id,
    members: [{ function: "BELEIDSMEDEWERKER" }, { function: "LEIDINGGEVENDE" }],
  });
  const withdrawn = await createEnrollment(prisma, {
    cohortId: cohort.id,
    members: [{ function: "BELEIDSMEDEWERKER" }],
  });
  await prisma.enrollment.update({ where: { id: withdrawn.enrollment.id }, data: { status: "WITHDRAWN" } });
  const facilitator = await createUser(prisma, { role: "FACILITATOR" });
  await addFacilitator(prisma, cohort.id, facilitator.id);
  return { cohort, session, members: active.members, withdrawn: withdrawn.members[0]!, facilitator };
}

const messagesFor = (sessionId: string) =>
  prisma.emailMessage.findMany({ where: { notification: { sessionId } }, include: { notification: true } });

describe("reminder times", () => {
  it("two days before, and 07:00 Amsterdam time on the day (also across the daylight-saving change)", () => {
    const startsAt = amsterdamTime("2027-03-29", "14:00"); // summer time started on 28 March
    const times = reminderTimes(startsAt);
    expect(times[0]).toEqual({ slot: "two-days", at: new Date(startsAt.getTime() - 48 * HOUR) });
    expect(times[1]).toEqual({ slot: "morning", at: amsterdamTime("2027-03-29", "07:00") });
    expect(times[1]!.at.toISOString()).toBe("2027-03-29T05:00:00.000Z");
  });

  it("the latest due slot wins; nothing after the start or when more than 12 hours late", () => {
    const startsAt = amsterdamTime("2027-05-25", "14:00");
    expect(dueSlot(startsAt, new Date(startsAt.getTime() - 50 * HOUR))).toBeNull();
    expect(dueSlot(startsAt, new Date(startsAt.getTime() - 47 * HOUR))).toBe("two-days");
    expect(dueSlot(startsAt, new Date(startsAt.getTime() - 30 * HOUR))).toBeNull();
    expect(dueSlot(startsAt, amsterdamTime("2027-05-25", "07:05"))).toBe("morning");
    expect(dueSlot(startsAt, new Date(startsAt.getTime() + 1000))).toBeNull();
  });
});

describe("session reminders", () => {
  it("records one reminder per active duo member and facilitator, with preparation, .ics link and unsubscribe link", async () => {
    const { session, members, withdrawn, facilitator, cohort } = await setup("2030-03-12");
    // The coordinator attached a module to read beforehand.
    await addReading(session.id, "ontsluiten", facilitator);
    const now = new Date(session.startsAt.getTime() - 47 * HOUR);
    const first = await scheduleSessionReminders(now);
    expect(first.emailed).toBe(3);
    const messages = await messagesFor(session.id);
    expect(messages.map((m) => m.to).sort()).toEqual([...members.map((m) => m.email), facilitator.email].sort());
    expect(messages.map((m) => m.to)).not.toContain(withdrawn.email);
    const message = messages[0]!;
    expect(message.status).toBe("PENDING");
    expect(message.subject).toBe("Herinnering: bijeenkomst 1 op dinsdag 12 maart 2030");
    expect(message.text).toContain("Lees de module over de lemniscaat.\nKies één methode.");
    expect(message.text).toContain(
      `https://leernetwerk.example/leernetwerken/${cohort.id}/bijeenkomsten/${session.id}/agenda.ics`,
    );
    expect(message.html).toContain("agenda.ics");
    expect(message.text).toMatch(
      /Lees vooraf:\n- .*Ervaringskennis ontsluiten \(\d+ min\): https:\/\/leernetwerk\.example\/leren\/ontsluiten\n/,
    );
    expect(message.text).toContain(
      `https://leernetwerk.example/leernetwerken/${cohort.id}/bijeenkomsten/${session.id}\n`,
    );
    const token = /\/e-mail\/afmelden\/([^\s"]+)/.exec(message.text)![1]!;
    expect(readUnsubscribeToken(token)).toEqual({ userId: message.notification!.userId, kind: "session-reminder" });
    expect(message.text).toContain("https://leernetwerk.example/account/meldingen");

    // Mail apps get RFC 8058 one-click unsubscribe headers pointing at the same link.
    expect(await deliverMessage(message.id)).toMatchObject({ result: "sent" });
    expect(recorder.received.at(-1)!.body.headers).toEqual({
      "List-Unsubscribe": `<https://leernetwerk.example/e-mail/afmelden/${token}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });

    // Running the scan again records nothing new.
    const again = await scheduleSessionReminders(new Date(now.getTime() + 5 * 60_000));
    expect(again.exists).toBe(3);
    expect(await messagesFor(session.id)).toHaveLength(3);
  });

  it("respects preferences: OFF gets nothing, DIGEST waits for the weekly digest", async () => {
    const { session, members } = await setup("2030-04-09");
    await savePreferences(members[0]!.id, [{ kind: "session-reminder", mode: "OFF" }]);
    await savePreferences(members[1]!.id, [{ kind: "session-reminder", mode: "DIGEST" }]);
    const result = await scheduleSessionReminders(amsterdamTime("2030-04-09", "07:01"));
    expect(result).toMatchObject({ off: 1, digest: 1, emailed: 1 });
    const pending = await prisma.notification.findMany({ where: { sessionId: session.id, mode: "DIGEST" } });
    expect(pending).toHaveLength(1);
    expect(pending[0]!.status).toBe("PENDING");
  });

  it("a session moved after its reminder was recorded: the old reminder is not sent, a new one follows the new time", async () => {
    const { session } = await setup("2030-05-14");
    await scheduleSessionReminders(new Date(session.startsAt.getTime() - 47 * HOUR));
    const old = await messagesFor(session.id);
    expect(old).toHaveLength(3);
    // Moved a week later (as the schedule editor does: new time, sequence raised).
    const newStart = new Date(session.startsAt.getTime() + 7 * 24 * HOUR);
    await prisma.cohortSession.update({
      where: { id: session.id },
      data: {
        startsAt: newStart,
        endsAt: new Date(session.endsAt.getTime() + 7 * 24 * HOUR),
        sequence: { increment: 1 },
      },
    });
    const before = recorder.requestCount();
    for (const message of old) expect(await deliverMessage(message.id)).toMatchObject({ result: "cancelled" });
    expect(recorder.requestCount()).toBe(before);
    const rows = await messagesFor(session.id);
    expect(rows.every((row) => row.status === "CANCELLED" && row.notification!.status === "CANCELLED")).toBe(true);
    expect(rows[0]!.error).toBe("De bijeenkomst is verplaatst.");

    // Two days before the new time, new reminders are recorded (new keys) and sent.
    await scheduleSessionReminders(new Date(newStart.getTime() - 47 * HOUR));
    const fresh = (await messagesFor(session.id)).filter((m) => m.status === "PENDING");
    expect(fresh).toHaveLength(3);
    expect(await deliverMessage(fresh[0]!.id)).toMatchObject({ result: "sent" });
  });

  it("a cancelled session gets no reminders, and a recorded one is not sent", async () => {
    const { session } = await setup("2030-06-11");
    await scheduleSessionReminders(new Date(session.startsAt.getTime() - 47 * HOUR));
    await prisma.cohortSession.update({
      where: { id: session.id },
      data: { cancelledAt: new Date(), sequence: { increment: 1 } },
    });
    const [message] = await messagesFor(session.id);
    expect(await deliverMessage(message!.id)).toMatchObject({
      result: "cancelled",
      reason: "De bijeenkomst is afgelast.",
    });
    const result = await scheduleSessionReminders(amsterdamTime("2030-06-11", "07:01"));
    expect(result.emailed ?? 0).toBe(0);
  });
});

describe("session changes", () => {
  it("first sight records a baseline; a move and a cancellation are announced once each", async () => {
    const { session, members, facilitator } = await setup("2030-09-10");
    const now = new Date("2030-08-01T10:00:00Z");
    const first = await announceSessionChanges(now);
    expect(first.baselines).toBeGreaterThanOrEqual(1);
    expect(await prisma.notification.count({ where: { kind: "session-changed", userId: facilitator.id } })).toBe(0);

    await prisma.cohortSession.update({
      where: { id: session.id },
      data: {
        startsAt: amsterdamTime("2030-09-17", "14:00"),
        endsAt: amsterdamTime("2030-09-17", "16:30"),
        sequence: { increment: 1 },
      },
    });
    await announceSessionChanges(now);
    await announceSessionChanges(now); // nothing new the second time
    const moved = await prisma.emailMessage.findMany({
      where: { kind: "session-changed", to: { in: [...members.map((m) => m.email), facilitator.email] } },
    });
    expect(moved).toHaveLength(3);
    expect(moved[0]!.subject).toBe("Gewijzigd: bijeenkomst 1, Ervaringskennis ontsluiten");
    expect(moved[0]!.text).toContain("dinsdag 17 september 2030, 14:00–16:30 uur");

    // Editing only the preparation is not announced.
    await prisma.cohortSession.update({
      where: { id: session.id },
      data: { preparation: "Nieuw", sequence: { increment: 1 } },
    });
    await announceSessionChanges(now);
    await prisma.cohortSession.update({
      where: { id: session.id },
      data: { cancelledAt: new Date(), sequence: { increment: 1 } },
    });
    await announceSessionChanges(now);
    await announceSessionChanges(now);
    const all = await prisma.emailMessage.findMany({ where: { kind: "session-changed", to: facilitator.email } });
    expect(all.map((m) => m.subject).sort()).toEqual([
      "Afgelast: bijeenkomst 1, Ervaringskennis ontsluiten",
      "Gewijzigd: bijeenkomst 1, Ervaringskennis ontsluiten",
    ]);
  });
});

describe("weekly digest", () => {
  it("is due from Monday 08:00 Amsterdam time", () => {
    expect(digestTimeOfWeek(new Date("2030-10-09T12:00:00Z")).toISOString()).toBe("2030-10-07T06:00:00.000Z");
    expect(digestTimeOfWeek(new Date("2030-12-01T22:00:00Z")).toISOString()).toBe("2030-11-25T07:00:00.000Z");
  });

  it("bundles DIGEST items per user and the facilitator's sessions of the coming week, once per week", async () => {
    const { session, members, facilitator } = await setup("2031-01-15");
    await savePreferences(members[0]!.id, [{ kind: "session-reminder", mode: "DIGEST" }]);
    await savePreferences(members[1]!.id, [
      { kind: "session-reminder", mode: "DIGEST" },
      { kind: "weekly-digest", mode: "OFF" },
    ]);
    await scheduleSessionReminders(new Date(session.startsAt.getTime() - 47 * HOUR));
    const monday = new Date("2031-01-13T09:00:00Z"); // Monday 10:00 in Amsterdam
    const result = await sendWeeklyDigests(monday);
    expect(result.due).toBe(true);
    const digest = await prisma.emailMessage.findFirstOrThrow({
      where: { kind: "weekly-digest", to: members[0]!.email },
    });
    expect(digest.subject).toBe("Je wekelijkse samenvatting, week van maandag 13 januari 2031");
    expect(digest.text).toContain("Herinnering voor een bijeenkomst:\n- Bijeenkomst 1: Ervaringskennis ontsluiten");
    const forFacilitator = await prisma.emailMessage.findFirstOrThrow({
      where: { kind: "weekly-digest", to: facilitator.email },
    });
    expect(forFacilitator.text).toContain("Bijeenkomsten in de komende week:");
    expect(forFacilitator.text).toContain(
      "bijeenkomst 1: Ervaringskennis ontsluiten, woensdag 15 januari 2031, 14:00–16:30 uur",
    );
    // Weekly digest switched off: no digest, and the waiting item is dropped.
    expect(await prisma.emailMessage.count({ where: { kind: "weekly-digest", to: members[1]!.email } })).toBe(0);
    const items = await prisma.notification.findMany({
      where: { sessionId: session.id, mode: "DIGEST" },
      orderBy: { userId: "asc" },
    });
    expect(items.map((i) => i.status).sort()).toEqual(["CANCELLED", "DIGESTED"]);
    // The hourly job runs again: nothing is sent twice.
    await sendWeeklyDigests(new Date(monday.getTime() + HOUR));
    expect(await prisma.emailMessage.count({ where: { kind: "weekly-digest", to: members[0]!.email } })).toBe(1);
  });

  it("is not sent before Monday 08:00, and not when there is nothing in it", async () => {
    expect(await sendWeeklyDigests(new Date("2031-02-03T06:30:00Z"))).toEqual({ due: false, sent: 0 });
    const lonely = await createUser(prisma, { role: "FACILITATOR" });
    await sendWeeklyDigests(new Date("2031-02-03T08:30:00Z"));
    expect(await prisma.emailMessage.count({ where: { to: lonely.email } })).toBe(0);
  });
});

describe("cohort status", () => {
  it("sessions of a cohort still in concept send no reminders", async () => {
    const { cohort, session } = await setup("2031-03-11");
    await prisma.cohort.update({ where: { id: cohort.id }, data: { status: "CONCEPT" } });
    await scheduleSessionReminders(new Date(session.startsAt.getTime() - 47 * HOUR));
    expect(await messagesFor(session.id)).toHaveLength(0);
  });
});
