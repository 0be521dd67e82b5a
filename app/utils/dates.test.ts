import { describe, expect, it } from "vitest";
import {
  amsterdamDate,
  amsterdamTime,
  calendarDate,
  formatCalendarDate,
  formatDate,
  formatDateTime,
  formatSessionTime,
  formatTime,
  isoWeekday,
} from "./dates.ts";

describe("Amsterdam dates", () => {
  it("converts wall-clock times in winter (UTC+1) and summer (UTC+2)", () => {
    expect(amsterdamTime("2027-01-12", "12:30").toISOString()).toBe("2027-01-12T11:30:00.000Z");
    expect(amsterdamTime("2027-04-13", "12:30").toISOString()).toBe("2027-04-13T10:30:00.000Z");
  });

  it("is right on both sides of the daylight-saving change", () => {
    // Summer time starts on Sunday 28 March 2027 at 02:00, ends on Sunday 31 October 2027 at 03:00.
    expect(amsterdamTime("2027-03-27", "14:00").toISOString()).toBe("2027-03-27T13:00:00.000Z");
    expect(amsterdamTime("2027-03-28", "14:00").toISOString()).toBe("2027-03-28T12:00:00.000Z");
    expect(amsterdamTime("2027-10-30", "14:00").toISOString()).toBe("2027-10-30T12:00:00.000Z");
    expect(amsterdamTime("2027-10-31", "14:00").toISOString()).toBe("2027-10-31T13:00:00.000Z");
  });

  it("formats in Dutch, in Amsterdam time, whatever the server's zone", () => {
    const start = new Date("2027-04-13T10:30:00Z");
    const end = new Date("2027-04-13T14:00:00Z");
    expect(formatDate(start)).toBe("dinsdag 13 april 2027");
    expect(formatTime(start)).toBe("12:30");
    expect(formatSessionTime(start, end)).toBe("dinsdag 13 april 2027, 12:30–16:00 uur");
  });

  it("does not shift calendar dates", () => {
    expect(formatCalendarDate(new Date("2027-04-01T00:00:00Z"))).toBe("1 april 2027");
  });

  it("gives the Amsterdam calendar date of an instant, also just after midnight there", () => {
    // 23:30 UTC on 12 January is 00:30 on 13 January in Amsterdam (winter), 22:30 UTC in summer likewise.
    expect(amsterdamDate(new Date("2027-01-12T23:30:00Z"))).toBe("2027-01-13");
    expect(amsterdamDate(new Date("2027-07-12T22:30:00Z"))).toBe("2027-07-13");
    expect(amsterdamDate(new Date("2027-07-12T21:30:00Z"))).toBe("2027-07-12");
  });

  it("reads calendar dates as midnight UTC and knows their weekday", () => {
    expect(calendarDate("2027-04-13").toISOString()).toBe("2027-04-13T00:00:00.000Z");
    expect(isoWeekday("2027-04-12")).toBe(1); // Monday
    expect(isoWeekday("2027-04-13")).toBe(2);
    expect(isoWeekday("2027-04-18")).toBe(7); // Sunday
  });
});

describe("formatting the same moment again (kept per moment, issue 18)", () => {
  it("gives the same text for a Date, its string and its milliseconds, and each moment its own text", () => {
    const moment = new Date("2027-04-13T10:30:00.000Z");
    const texts = [moment, moment.toISOString(), moment.getTime(), new Date(moment)].map(formatDate);
    expect(new Set(texts)).toEqual(new Set(["dinsdag 13 april 2027"]));
    expect(formatDateTime(moment)).toBe(formatDateTime(moment.getTime()));
    expect(formatDate(new Date("2027-04-14T10:30:00.000Z"))).toBe("woensdag 14 april 2027");
    // Many moments (more than are kept) all come out right, also the first one again afterwards.
    for (let day = 0; day < 1500; day++) formatTime(moment.getTime() + day * 60_000);
    expect(formatTime(moment)).toBe("12:30");
    expect(formatTime(moment.getTime() + 1499 * 60_000)).toBe(formatTime(new Date(moment.getTime() + 1499 * 60_000)));
  });

  it("still refuses an invalid date", () => {
    expect(() => formatDate("geen datum")).toThrow(RangeError);
    expect(() => formatDate("geen datum")).toThrow(RangeError);
  });
});
