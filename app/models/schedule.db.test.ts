// Cohorts, sessions, attendance and calendar feeds against a real database (PGlite, and PostgreSQL in CI).
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { DomainError } from "~/utils/domain-error.ts";
import { addFacilitator, createCohort, createEnrollment, createUser } from "../../prisma/factories.ts";
import { hashToken } from "~/auth/tokens.server.ts";
import { sessionUid } from "~/calendar/ics.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { amsterdamTime } from "~/utils/dates.ts";
import { recordAttendance, signOff, withdrawSignOff } from "./attendance.server.ts";
import { calendarFeedFor, revokeFeedToken, renewFeedToken, sessionCalendar } from "./calendar-feed.server.ts";
import { CohortConflict, createCohortWithSchedule, getCohortForEdit, updateCohort } from "./cohort-admin.server.ts";
import { createSession, SessionConflict, setSessionCancelled, updateSession } from "./session.server.ts";

const fields = {
  name: "Leernetwerk najaar 2027",
  theme: "Ervaringskennis in beleid",
  description: "",
  startsOn: "2027-09-01",
  endsOn: "2028-02-29",
  capacity: 8,
  status: "CONCEPT" as const,
};

function events(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  ICAL.TimezoneService.register(new ICAL.Timezone(root.getFirstSubcomponent("vtimezone")!), "Europe/Amsterdam");
  return root.getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));
}

const tokenOf = (url: string) => url.match(/\/agenda\/([^/]+)\/leernetwerk\.ics$/)![1]!;

describe("creating and editing cohorts", () => {
  it("creates a cohort with the default four sessions of seed 002, and logs it", async () => {
    const coordinator = await createUser(prisma, { role: "COORDINATOR" });
    const cohort = await createCohortWithSchedule(fields, { kind: "default" }, coordinator);
    const sessions = await prisma.cohortSession.findMany({
      where: { cohortId: cohort.id },
      orderBy: { number: "asc" },
    });
    expect(sessions.map((session) => [session.number, session.format, session.startsAt.toISOString()])).toEqual([
      [1, "IN_PERSON", amsterdamTime("2027-09-14", "12:30").toISOString()],
      [2, "ONLINE", amsterdamTime("2027-10-26", "14:00").toISOString()],
      // After the clocks go back (31 October 2027) 14:00 is 13:00 UTC.
      [3, "ONLINE", amsterdamTime("2027-11-30", "14:00").toISOString()],
      [4, "IN_PERSON", amsterdamTime("2028-02-29", "12:30").toISOString()],
    ]);
    expect(sessions[2]!.startsAt.toISOString()).toBe("2027-11-30T13:00:00.000Z");
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "cohort.create", entityId: cohort.id } });
    expect(audit.actorId).toBe(coordinator.id);
    expect(audit.details).toMatchObject({ schedule: "default", sessions: 4, name: fields.name });
  });

  it("copies an earlier cohort's sessions, moved to the new period, without meeting links or cancelled sessions", async () => {
    const coordinator = await createUser(prisma, { role: "COORDINATOR" });
    const source = await createCohort(prisma, {
      startsOn: "2027-03-02",
      endsOn: "2027-08-31",
      sessions: [
        {
          number: 1,
          title: "Start",
          date: "2027-03-16",
          start: "12:30",
          end: "16:00",
          format: "IN_PERSON",
          location: "Utrecht",
          preparation: "Lees de folder.",
        },
        {
          number: 2,
          title: "Online",
          date: "2027-04-20",
          start: "14:00",
          end: "16:30",
          format: "ONLINE",
          meetingUrl: "https://meet.test/oud",
        },
        { number: 3, title: "Vervallen", date: "2027-05-04", start: "14:00", end: "16:30", format: "ONLINE" },
      ],
    });
    await prisma.cohortSession.updateMany({
      where: { cohortId: source.id, number: 3 },
      data: { cancelledAt: new Date() },
    });
    // 2027-03-02 → 2027-09-07 is 189 days (27 weeks): Tuesdays stay Tuesdays.
    const copy = await createCohortWithSchedule(
      { ...fields, startsOn: "2027-09-07" },
      { kind: "copy", fromCohortId: source.id },
      coordinator,
    );
    const sessions = await prisma.cohortSession.findMany({ where: { cohortId: copy.id }, orderBy: { number: "asc" } });
    expect(
      sessions.map((session) => [
        session.number,
        session.title,
        session.startsAt.toISOString(),
        session.meetingUrl,
        session.preparation,
      ]),
    ).toEqual([
      [1, "Start", amsterdamTime("2027-09-21", "12:30").toISOString(), null, "Lees de folder."],
      [2, "Online", amsterdamTime("2027-10-26", "14:00").toISOString(), null, ""],
    ]);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "cohort.create", entityId: copy.id } });
    expect(audit.details).toMatchObject({ schedule: "copy", copiedFrom: source.id, sessions: 2 });
  });

  it("refuses a capacity below the number of municipalities, and reports sessions outside a new period", async () => {
    const coordinator = await createUser(prisma, { role: "COORDINATOR" });
    const cohort = await createCohortWithSchedule(fields, { kind: "default" }, coordinator);
    await createEnrollment(prisma, { cohortId: cohort.id });
    await createEnrollment(prisma, { cohortId: cohort.id });
    await expect(updateCohort(cohort.id, { ...fields, capacity: 1 }, coordinator)).rejects.toThrow(DomainError);
    const result = await updateCohort(
      cohort.id,
      { ...fields, endsOn: "2027-12-31", status: "APPLICATIONS_OPEN" },
      coordinator,
    );
    expect(result).toEqual({ changed: true, sessionsOutsidePeriod: [4] });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "cohort.update", entityId: cohort.id } });
    expect(audit.details).toEqual({
      changes: {
        endsOn: { from: "2028-02-29", to: "2027-12-31" },
        status: { from: "CONCEPT", to: "APPLICATIONS_OPEN" },
      },
    });
    expect(
      await updateCohort(cohort.id, { ...fields, endsOn: "2027-12-31", status: "APPLICATIONS_OPEN" }, coordinator),
    ).toMatchObject({ changed: false });
  });
});

describe("editing a cohort at the same time", () => {
  it("refuses a save from a form loaded before someone else's save, and accepts it again from the new version", async () => {
    const coordinator = await createUser(prisma, { role: "COORDINATOR" });
    const cohort = await createCohort(prisma, { name: "Gelijktijdig", startsOn: "2027-04-01", endsOn: "2027-09-30" });
    const loaded = (await getCohortForEdit(cohort.id))!;
    const fields = {
      name: loaded.name,
      theme: loaded.theme,
      description: loaded.description,
      startsOn: "2027-04-01",
      endsOn: "2027-09-30",
      capacity: loaded.capacity,
      status: loaded.status,
    };
    const version = loaded.updatedAt.toISOString();
    await updateCohort(cohort.id, { ...fields, theme: "Eerste wijziging" }, coordinator, version);
    const conflict = await updateCohort(cohort.id, { ...fields, capacity: 12 }, coordinator, version).catch(
      (error: unknown) => error,
    );
    expect(conflict).toBeInstanceOf(CohortConflict);
    const now = (await getCohortForEdit(cohort.id))!;
    expect([now.theme, now.capacity]).toEqual(["Eerste wijziging", loaded.capacity]);
    await updateCohort(
      cohort.id,
      { ...fields, theme: "Eerste wijziging", capacity: 12 },
      coordinator,
      (conflict as CohortConflict).currentVersion,
    );
    expect((await getCohortForEdit(cohort.id))!.capacity).toBe(12);
  });
});

describe("sessions", () => {
  it("raises SEQUENCE on every change; the feed then shows the new time, and a cancelled session as CANCELLED", async () => {
    const coordinator = await createUser(prisma, { role: "COORDINATOR" });
    const cohort = await createCohort(prisma, {
      sessions: [
        {
          number: 1,
          title: "Start",
          date: "2027-04-13",
          start: "12:30",
          end: "16:00",
          format: "IN_PERSON",
          location: "Utrecht",
        },
      ],
    });
    const { members } = await createEnrollment(prisma, {
      cohortId: cohort.id,
      members: [{ function: "BELEIDSMEDEWERKER" }],
    });
    const participant = members[0]!;
    const session = await prisma.cohortSession.findFirstOrThrow({ where: { cohortId: cohort.id } });
    const token = tokenOf(await renewFeedToken(participant.id));

    const before = events((await calendarFeedFor(token))!);
    expect(before.map((event) => [event.uid, event.sequence, event.startDate.toJSDate().toISOString()])).toEqual([
      [sessionUid(session.id), 0, "2027-04-13T10:30:00.000Z"],
    ]);

    const moved = {
      number: 1,
      title: "Start",
      startsAt: amsterdamTime("2027-04-20", "13:00"),
      endsAt: amsterdamTime("2027-04-20", "16:30"),
      format: "HYBRID" as const,
      location: "Utrecht",
      meetingUrl: "https://meet.test/start",
      agenda: "",
      preparation: "",
    };
    expect(await updateSession(cohort.id, session.id, moved, coordinator)).toEqual({ changed: true, moved: true });
    const after = events((await calendarFeedFor(token))!);
    expect(after[0]!.uid).toBe(sessionUid(session.id));
    expect(after[0]!.sequence).toBe(1);
    expect(after[0]!.startDate.toString()).toBe("2027-04-20T13:00:00");
    expect(after[0]!.startDate.toJSDate().toISOString()).toBe("2027-04-20T11:00:00.000Z");
    // Saving without a change does not raise the sequence.
    expect(await updateSession(cohort.id, session.id, moved, coordinator)).toEqual({ changed: false, moved: false });

    await setSessionCancelled(cohort.id, session.id, true, coordinator);
    const cancelled = events((await sessionCalendar(cohort.id, session.id))!);
    expect(cancelled[0]!.sequence).toBe(2);
    expect(cancelled[0]!.component.getFirstPropertyValue("status")).toBe("CANCELLED");

    const actions = await prisma.auditLog.findMany({
      where: { entityId: session.id },
      orderBy: { createdAt: "asc" },
      select: { action: true, details: true },
    });
    expect(actions.map((entry) => entry.action)).toEqual(["session.update", "session.cancel"]);
    expect(actions[0]!.details).toMatchObject({
      changes: {
        startsAt: { from: "2027-04-13T10:30:00.000Z", to: "2027-04-20T11:00:00.000Z" },
        format: { from: "IN_PERSON", to: "HYBRID" },
      },
    });
  });

  it("never lets a stale form overwrite a newer change (version = SEQUENCE)", async () => {
    const coordinator = await createUser(prisma, { role: "COORDINATOR" });
    const cohort = await createCohort(prisma, {
      sessions: [
        {
          number: 1,
          title: "Start",
          date: "2027-04-13",
          start: "12:30",
          end: "16:00",
          format: "IN_PERSON",
          location: "Utrecht",
        },
      ],
    });
    const session = await prisma.cohortSession.findFirstOrThrow({ where: { cohortId: cohort.id } });
    const fields = {
      number: 1,
      title: "Start",
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      format: "IN_PERSON" as const,
      location: "Utrecht",
      meetingUrl: null,
      agenda: "",
      preparation: "",
    };
    // Two coordinators opened the form at version 0; the first saves a new location.
    await updateSession(cohort.id, session.id, { ...fields, location: "Amersfoort" }, coordinator, 0);
    // The second, still at version 0, is refused and nothing of theirs is written.
    const stale = updateSession(cohort.id, session.id, { ...fields, title: "Andere titel" }, coordinator, 0);
    await expect(stale).rejects.toThrow(SessionConflict);
    const now = await prisma.cohortSession.findUniqueOrThrow({ where: { id: session.id } });
    expect([now.title, now.location, now.sequence]).toEqual(["Start", "Amersfoort", 1]);
    // Saving again deliberately, from the current version, works.
    expect(
      await updateSession(
        cohort.id,
        session.id,
        { ...fields, location: "Amersfoort", title: "Andere titel" },
        coordinator,
        1,
      ),
    ).toEqual({ changed: true, moved: false });
  });

  it("refuses a number that is already taken", async () => {
    const coordinator = await createUser(prisma, { role: "COORDINATOR" });
    const cohort = await createCohort(prisma, {
      sessions: [
        {
          number: 1,
          title: "Start",
          date: "2027-04-13",
          start: "12:30",
          end: "16:00",
          format: "IN_PERSON",
          location: "Utrecht",
        },
      ],
    });
    const input = {
      number: 1,
      title: "Nog een",
      startsAt: amsterdamTime("2027-05-11", "14:00"),
      endsAt: amsterdamTime("2027-05-11", "16:30"),
      format: "ONLINE" as const,
      location: null,
      meetingUrl: null,
      agenda: "",
      preparation: "",
    };
    await expect(createSession(cohort.id, input, coordinator)).rejects.toThrow(DomainError);
    const created = await createSession(cohort.id, { ...input, number: 2 }, coordinator);
    expect(await prisma.auditLog.count({ where: { action: "session.create", entityId: created.id } })).toBe(1);
  });
});

describe("attendance and sign-off", () => {
  it("a participant signs off for a coming session with a reason; staff record attendance only for the cohort's participants", async () => {
    const facilitator = await createUser(prisma, { role: "FACILITATOR" });
    const cohort = await createCohort(prisma, {
      sessions: [
        {
          number: 1,
          title: "Voorbij",
          date: "2026-01-13",
          start: "12:30",
          end: "16:00",
          format: "IN_PERSON",
          location: "Utrecht",
        },
        { number: 2, title: "Komt nog", date: "2030-01-15", start: "14:00", end: "16:30", format: "ONLINE" },
      ],
    });
    await addFacilitator(prisma, cohort.id, facilitator.id);
    const { members } = await createEnrollment(prisma, {
      cohortId: cohort.id,
      members: [{ function: "BELEIDSMEDEWERKER" }, { function: "LEIDINGGEVENDE" }],
    });
    const anna = members[0]!;
    const bert = members[1]!;
    const outsider = await createUser(prisma);
    const [past, future] = await prisma.cohortSession.findMany({
      where: { cohortId: cohort.id },
      orderBy: { number: "asc" },
    });

    await expect(signOff(cohort.id, past!.id, anna.id, "Te laat")).rejects.toThrow(DomainError);
    expect(await signOff(cohort.id, future!.id, anna.id, "Raadsvergadering")).toBe(true);
    expect(
      await prisma.attendance.findUniqueOrThrow({
        where: { sessionId_userId: { sessionId: future!.id, userId: anna.id } },
      }),
    ).toMatchObject({
      status: "SIGNED_OFF",
      reason: "Raadsvergadering",
    });
    // A session of another cohort is not found through this cohort.
    const other = await createCohort(prisma, {
      sessions: [{ number: 1, title: "Elders", date: "2030-02-01", start: "10:00", end: "11:00", format: "ONLINE" }],
    });
    const elsewhere = await prisma.cohortSession.findFirstOrThrow({ where: { cohortId: other.id } });
    expect(await signOff(cohort.id, elsewhere.id, anna.id, "reden")).toBeNull();

    const result = await recordAttendance(
      cohort.id,
      past!.id,
      [
        { userId: anna.id, status: "PRESENT" },
        { userId: bert.id, status: "ABSENT" },
        { userId: outsider.id, status: "PRESENT" },
      ],
      facilitator,
    );
    expect(result).toEqual({ changed: 2 });
    expect(await prisma.attendance.count({ where: { sessionId: past!.id } })).toBe(2);
    expect(await prisma.attendance.count({ where: { userId: outsider.id } })).toBe(0);
    // Clearing an entry removes it; unchanged entries are not rewritten.
    expect(
      await recordAttendance(
        cohort.id,
        past!.id,
        [
          { userId: anna.id, status: "PRESENT" },
          { userId: bert.id, status: null },
        ],
        facilitator,
      ),
    ).toEqual({ changed: 1 });
    expect(await prisma.attendance.count({ where: { sessionId: past!.id } })).toBe(1);
    // Staff leaving a sign-off as it is keeps the reason.
    await recordAttendance(
      cohort.id,
      future!.id,
      [
        { userId: anna.id, status: "SIGNED_OFF" },
        { userId: bert.id, status: "PRESENT" },
      ],
      facilitator,
    );
    expect(
      (await prisma.attendance.findFirstOrThrow({ where: { sessionId: future!.id, userId: anna.id } })).reason,
    ).toBe("Raadsvergadering");
    expect(await prisma.auditLog.count({ where: { action: "attendance.record", actorId: facilitator.id } })).toBe(3);

    expect(await withdrawSignOff(cohort.id, future!.id, anna.id)).toBe(true);
    // Bert's attendance was entered by staff: it is not a sign-off and stays.
    expect(await withdrawSignOff(cohort.id, future!.id, bert.id)).toBe(false);
    expect(await prisma.attendance.count({ where: { sessionId: future!.id } })).toBe(1);
  });
});

describe("the personal calendar feed", () => {
  it("stores only a hash, shows only the person's own cohorts, and stops working when renewed or revoked", async () => {
    const mine = await createCohort(prisma, {
      sessions: [
        {
          number: 1,
          title: "Mijn sessie",
          date: "2027-04-13",
          start: "12:30",
          end: "16:00",
          format: "IN_PERSON",
          location: "Utrecht",
        },
      ],
    });
    await createCohort(prisma, {
      sessions: [
        {
          number: 1,
          title: "Andermans sessie",
          date: "2027-04-14",
          start: "12:30",
          end: "16:00",
          format: "IN_PERSON",
          location: "Utrecht",
        },
      ],
    });
    const { members } = await createEnrollment(prisma, {
      cohortId: mine.id,
      members: [{ function: "BELEIDSMEDEWERKER" }],
    });
    const user = members[0]!;

    const first = tokenOf(await renewFeedToken(user.id));
    const stored = await prisma.calendarFeedToken.findUniqueOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).toBe(hashToken(first));
    expect(stored.tokenHash).not.toContain(first);
    const feed = events((await calendarFeedFor(first))!);
    expect(feed.map((event) => event.summary)).toEqual(["Bijeenkomst 1: Mijn sessie"]);
    expect(
      (await prisma.calendarFeedToken.findUniqueOrThrow({ where: { userId: user.id } })).lastUsedAt,
    ).not.toBeNull();

    const second = tokenOf(await renewFeedToken(user.id));
    expect(await calendarFeedFor(first)).toBeNull();
    expect(await calendarFeedFor(second)).not.toBeNull();
    expect(await revokeFeedToken(user.id)).toBe(true);
    expect(await calendarFeedFor(second)).toBeNull();
    expect(await prisma.auditLog.count({ where: { actorId: user.id, action: { startsWith: "calendar-feed." } } })).toBe(
      3,
    );
  });
});
