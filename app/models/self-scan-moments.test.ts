import { describe, expect, it } from "vitest";
import { amsterdamTime } from "~/utils/dates.ts";
import { dueMoment } from "./self-scan-moments.ts";

const session = (number: number, date: string, cancelled = false) => ({
  number,
  startsAt: amsterdamTime(date, "12:30"),
  endsAt: amsterdamTime(date, "16:00"),
  cancelledAt: cancelled ? new Date("2027-01-01T00:00:00Z") : null,
});
const schedule = [
  session(1, "2027-04-13"),
  session(2, "2027-05-25"),
  session(3, "2027-06-29"),
  session(4, "2027-09-28"),
];
const at = (date: string, time = "10:00") => amsterdamTime(date, time);

describe("dueMoment", () => {
  it("follows the cohort schedule: intake, then halverwege after the middle session, einde from the last", () => {
    expect(dueMoment(schedule, at("2027-03-01"))).toBe("INTAKE");
    expect(dueMoment(schedule, at("2027-04-13", "15:59"))).toBe("INTAKE");
    expect(dueMoment(schedule, at("2027-05-01"))).toBe("INTAKE");
    expect(dueMoment(schedule, at("2027-05-25", "16:00"))).toBe("MIDWAY");
    expect(dueMoment(schedule, at("2027-09-28", "12:29"))).toBe("MIDWAY");
    expect(dueMoment(schedule, at("2027-09-28", "12:30"))).toBe("END");
    expect(dueMoment(schedule, at("2028-01-01"))).toBe("END");
  });

  it("ignores cancelled sessions and copes with short or empty schedules", () => {
    const withCancelledLast = [...schedule.slice(0, 3), session(4, "2027-09-28", true)];
    expect(dueMoment(withCancelledLast, at("2027-06-29", "13:00"))).toBe("END");
    expect(dueMoment([], at("2027-06-01"))).toBe("INTAKE");
    expect(dueMoment([session(1, "2027-04-13")], at("2027-04-14"))).toBe("END");
    expect(dueMoment([session(1, "2027-04-13"), session(2, "2027-05-25")], at("2027-05-01"))).toBe("INTAKE");
    expect(dueMoment([session(1, "2027-04-13"), session(2, "2027-05-25")], at("2027-05-25", "13:00"))).toBe("END");
  });
});
