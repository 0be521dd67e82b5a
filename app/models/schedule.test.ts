import { describe, expect, it } from "vitest";
import { amsterdamTime } from "~/utils/dates.ts";
import {
  checkSessionTimes,
  defaultSessionTemplate,
  scheduleWarnings,
  shiftSchedule,
  warningsForSchedule,
  type ScheduleContext,
} from "./schedule.ts";

const NOW = new Date("2026-11-22T12:00:00Z");
const context = (overrides: Partial<ScheduleContext> = {}): ScheduleContext => ({
  startsOn: "2027-03-01",
  endsOn: "2027-09-30",
  others: [],
  now: NOW,
  ...overrides,
});

describe("checking a session's date and times", () => {
  it("turns Amsterdam wall-clock times into the right instants on both sides of the daylight-saving change", () => {
    // Summer time starts on Sunday 28 March 2027.
    const before = checkSessionTimes({ date: "2027-03-23", start: "12:30", end: "16:00" }, context());
    const after = checkSessionTimes({ date: "2027-03-30", start: "12:30", end: "16:00" }, context());
    expect(before.errors).toEqual({});
    expect(before.startsAt?.toISOString()).toBe("2027-03-23T11:30:00.000Z");
    expect(after.startsAt?.toISOString()).toBe("2027-03-30T10:30:00.000Z");
    // Winter time again from Sunday 31 October 2027.
    const autumn = checkSessionTimes(
      { date: "2027-11-02", start: "14:00", end: "16:30" },
      context({ endsOn: "2027-12-31" }),
    );
    expect(autumn.startsAt?.toISOString()).toBe("2027-11-02T13:00:00.000Z");
  });

  it("counts a session across the night the clocks go forward as one hour shorter", () => {
    const night = checkSessionTimes({ date: "2027-03-28", start: "01:00", end: "04:00" }, context());
    expect(night.errors).toEqual({});
    expect((night.endsAt!.getTime() - night.startsAt!.getTime()) / 3_600_000).toBe(2);
  });

  it("refuses a time that does not exist when the clocks go forward", () => {
    const result = checkSessionTimes({ date: "2027-03-28", start: "02:30", end: "04:00" }, context());
    expect(result.errors.start?.[0]).toMatch(/bestaat niet op deze dag/);
  });

  it("refuses an end before (or equal to) the start", () => {
    expect(checkSessionTimes({ date: "2027-04-13", start: "16:00", end: "12:30" }, context()).errors.end).toEqual([
      "De eindtijd moet later zijn dan de begintijd.",
    ]);
    expect(checkSessionTimes({ date: "2027-04-13", start: "12:30", end: "12:30" }, context()).errors.end).toBeDefined();
  });

  it("refuses a new time in the past, but lets a past session keep its own time", () => {
    const past = checkSessionTimes(
      { date: "2026-11-10", start: "14:00", end: "16:30" },
      context({ startsOn: "2026-09-01" }),
    );
    expect(past.errors.date).toEqual(["Deze datum en tijd liggen in het verleden. Kies een moment in de toekomst."]);
    const unchanged = checkSessionTimes(
      {
        date: "2026-11-10",
        start: "14:00",
        end: "16:30",
        previous: { startsAt: amsterdamTime("2026-11-10", "14:00"), endsAt: amsterdamTime("2026-11-10", "16:30") },
      },
      context({ startsOn: "2026-09-01" }),
    );
    expect(unchanged.errors).toEqual({});
  });

  it("refuses malformed dates and times in Dutch", () => {
    const result = checkSessionTimes({ date: "2027-02-30", start: "9:5", end: "25:00" }, context());
    expect(result.errors).toEqual({
      date: ["Vul een geldige datum in."],
      start: ["Vul een begintijd in als uu:mm, bijvoorbeeld 12:30."],
      end: ["Vul een eindtijd in als uu:mm, bijvoorbeeld 16:00."],
    });
  });

  it("warns about a session outside the cohort period, judged by the Amsterdam calendar day", () => {
    const outside = checkSessionTimes({ date: "2027-10-05", start: "14:00", end: "16:30" }, context());
    expect(outside.errors).toEqual({});
    expect(outside.warnings).toEqual([
      "Deze bijeenkomst valt buiten de periode van het leernetwerk (1 maart 2027 tot en met 30 september 2027).",
    ]);
    // 00:30 on 1 March in Amsterdam is still 28 February in UTC, but it is inside the period.
    expect(checkSessionTimes({ date: "2027-03-01", start: "00:30", end: "02:00" }, context()).warnings).toEqual([]);
  });

  it("warns about overlapping sessions, but not about itself, touching sessions or cancelled ones", () => {
    const others = [
      {
        id: "s1",
        number: 1,
        startsAt: amsterdamTime("2027-04-13", "12:30"),
        endsAt: amsterdamTime("2027-04-13", "16:00"),
        cancelledAt: null,
      },
      {
        id: "s2",
        number: 2,
        startsAt: amsterdamTime("2027-04-20", "12:30"),
        endsAt: amsterdamTime("2027-04-20", "16:00"),
        cancelledAt: new Date(),
      },
    ];
    const overlapping = checkSessionTimes({ date: "2027-04-13", start: "15:00", end: "17:00" }, context({ others }));
    expect(overlapping.warnings).toEqual([
      "Deze bijeenkomst overlapt met bijeenkomst 1 (dinsdag 13 april 2027, 12:30–16:00 uur).",
    ]);
    expect(
      checkSessionTimes({ date: "2027-04-13", start: "16:00", end: "17:00" }, context({ others })).warnings,
    ).toEqual([]);
    expect(
      checkSessionTimes({ id: "s1", date: "2027-04-13", start: "13:00", end: "16:00" }, context({ others })).warnings,
    ).toEqual([]);
    expect(
      checkSessionTimes({ date: "2027-04-20", start: "13:00", end: "15:00" }, context({ others })).warnings,
    ).toEqual([]);
  });

  it("lists the warnings of a whole schedule per session", () => {
    const sessions = [
      {
        id: "a",
        number: 1,
        startsAt: amsterdamTime("2027-04-13", "12:30"),
        endsAt: amsterdamTime("2027-04-13", "16:00"),
        cancelledAt: null,
      },
      {
        id: "b",
        number: 2,
        startsAt: amsterdamTime("2027-04-13", "14:00"),
        endsAt: amsterdamTime("2027-04-13", "16:30"),
        cancelledAt: null,
      },
      {
        id: "c",
        number: 3,
        startsAt: amsterdamTime("2027-06-29", "14:00"),
        endsAt: amsterdamTime("2027-06-29", "16:30"),
        cancelledAt: null,
      },
    ];
    const warnings = warningsForSchedule(sessions, { startsOn: "2027-04-01", endsOn: "2027-05-31" });
    expect([...warnings.keys()]).toEqual(["a", "b", "c"]);
    expect(warnings.get("c")).toEqual([expect.stringContaining("buiten de periode")]);
    expect(scheduleWarnings(sessions[0]!, { startsOn: "2027-04-01", endsOn: "2027-05-31", others: [] })).toEqual([]);
  });
});

describe("the default template (seed 002)", () => {
  it("plans four Tuesdays: Utrecht 12:30–16:00, online 14:00–16:30 twice, Utrecht again", () => {
    const plan = defaultSessionTemplate("2027-04-01", "2027-09-30");
    expect(
      plan.map((session) => [
        session.number,
        session.date,
        session.start,
        session.end,
        session.format,
        session.location,
      ]),
    ).toEqual([
      [1, "2027-04-13", "12:30", "16:00", "IN_PERSON", "Utrecht"],
      [2, "2027-05-25", "14:00", "16:30", "ONLINE", null],
      [3, "2027-06-29", "14:00", "16:30", "ONLINE", null],
      [4, "2027-09-28", "12:30", "16:00", "IN_PERSON", "Utrecht"],
    ]);
    for (const session of plan) expect(new Date(`${session.date}T00:00:00Z`).getUTCDay()).toBe(2);
  });

  it("squeezes the sessions into a shorter period", () => {
    const plan = defaultSessionTemplate("2027-01-04", "2027-03-31");
    expect(plan.every((session) => session.date >= "2027-01-04" && session.date <= "2027-03-31")).toBe(true);
    expect(new Set(plan.map((session) => session.date)).size).toBe(4);
  });
});

describe("copying a schedule to a new period", () => {
  it("moves every session by the same number of days and keeps the Amsterdam times across daylight saving", () => {
    const old = [
      { number: 1, startsAt: amsterdamTime("2026-09-15", "12:30"), endsAt: amsterdamTime("2026-09-15", "16:00") },
      { number: 2, startsAt: amsterdamTime("2026-11-10", "14:00"), endsAt: amsterdamTime("2026-11-10", "16:30") },
    ];
    // 2026-09-01 → 2027-03-02: 182 days (26 weeks), so Tuesdays stay Tuesdays.
    const shifted = shiftSchedule(old, "2026-09-01", "2027-03-02");
    expect(shifted.map((session) => [session.date, session.start, session.end])).toEqual([
      ["2027-03-16", "12:30", "16:00"],
      ["2027-05-11", "14:00", "16:30"],
    ]);
    // Winter (UTC+1) in March before the change, summer (UTC+2) in May.
    expect(shifted[0]!.startsAt.toISOString()).toBe("2027-03-16T11:30:00.000Z");
    expect(shifted[1]!.startsAt.toISOString()).toBe("2027-05-11T12:00:00.000Z");
  });

  it("rounds the move to whole weeks, so sessions keep their weekday", () => {
    const old = [{ startsAt: amsterdamTime("2027-04-13", "12:30"), endsAt: amsterdamTime("2027-04-13", "16:00") }];
    // 2027-04-01 → 2028-04-04 is 369 days; 53 weeks (371 days) keeps the Tuesday.
    expect(shiftSchedule(old, "2027-04-01", "2028-04-04")[0]!.date).toBe("2028-04-18");
    expect(shiftSchedule(old, "2027-04-01", "2027-04-02")[0]!.date).toBe("2027-04-13");
  });
});
