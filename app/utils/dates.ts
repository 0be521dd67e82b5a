// All dates and times are shown in Dutch, in the Europe/Amsterdam time zone, whatever the server's zone.
import { keptPerKey } from "./kept.ts";

export const TIME_ZONE = "Europe/Amsterdam";

const dateFormat = new Intl.DateTimeFormat("nl-NL", {
  timeZone: TIME_ZONE,
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
});
const shortDateFormat = new Intl.DateTimeFormat("nl-NL", {
  timeZone: TIME_ZONE,
  day: "numeric",
  month: "long",
  year: "numeric",
});
const timeFormat = new Intl.DateTimeFormat("nl-NL", {
  timeZone: TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
});
const dateTimeFormat = new Intl.DateTimeFormat("nl-NL", {
  timeZone: TIME_ZONE,
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

type DateInput = Date | string | number;
const toDate = (value: DateInput) => (value instanceof Date ? value : new Date(value));

/**
 * A formatter's answers kept per moment (issue 18): Intl's format took about 10 µs a call on the server, and a
 * page formats the same few moments on every request (a start page: 7 to 30 calls). The text depends on the
 * moment only (fixed locale and time zone), so nothing of a person is kept; at most MEMO_SIZE moments per
 * formatter, then it starts over. An invalid date still throws, as Intl does, and is not kept.
 */
const MEMO_SIZE = 1000;
function memoized(format: Intl.DateTimeFormat): (value: DateInput) => string {
  const text = keptPerKey(MEMO_SIZE, (moment: number) => format.format(moment));
  return (value) => text(toDate(value).getTime());
}
const formatLong = memoized(dateFormat);
const formatShort = memoized(shortDateFormat);
const formatClock = memoized(timeFormat);
const formatDateAndTime = memoized(dateTimeFormat);

/** "dinsdag 13 april 2027" */
export function formatDate(value: DateInput): string {
  return formatLong(value);
}

/** "13 april 2027" */
export function formatShortDate(value: DateInput): string {
  return formatShort(value);
}

/** "12:30" */
export function formatTime(value: DateInput): string {
  return formatClock(value);
}

/** "13 apr 2027 12:30" */
export function formatDateTime(value: DateInput): string {
  return formatDateAndTime(value);
}

/** "dinsdag 13 april 2027, 12:30–16:00 uur" */
export function formatSessionTime(start: DateInput, end: DateInput): string {
  return `${formatDate(start)}, ${formatTime(start)}–${formatTime(end)} uur`;
}

const calendarDateFormat = new Intl.DateTimeFormat("nl-NL", {
  timeZone: "UTC",
  day: "numeric",
  month: "long",
  year: "numeric",
});

const formatCalendar = memoized(calendarDateFormat);

/** Calendar dates (stored as UTC midnight) must not shift a day: format them in UTC. */
export function formatCalendarDate(value: DateInput): string {
  return formatCalendar(value);
}

const partsFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** The Amsterdam wall-clock reading of an instant: { date: "2027-04-13", time: "12:30", seconds: "00" }. */
export function amsterdamParts(value: DateInput): { date: string; time: string; seconds: string } {
  const parts = partsFormat.formatToParts(toDate(value));
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? "00";
  return {
    date: `${get("year")}-${get("month")}-${get("day")}`,
    time: `${get("hour")}:${get("minute")}`,
    seconds: get("second"),
  };
}

/** The Amsterdam calendar date of an instant, "YYYY-MM-DD" (today's date when no instant is given). */
export function amsterdamDate(value: DateInput = new Date()): string {
  return amsterdamParts(value).date;
}

/**
 * The UTC instant of a wall-clock time in Amsterdam, e.g. amsterdamTime("2027-04-13", "12:30").
 * Correct on both sides of the daylight-saving change.
 */
export function amsterdamTime(date: string, time: string): Date {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  // The offset of Amsterdam at that moment, found by reading the guess on an Amsterdam clock.
  const offsetAt = (instant: number) => {
    const local = amsterdamParts(instant);
    return Date.parse(`${local.date}T${local.time}:${local.seconds}Z`) - instant;
  };
  const firstGuess = asUtc - offsetAt(asUtc);
  return new Date(asUtc - offsetAt(firstGuess));
}

/** A "YYYY-MM-DD" calendar date as it is stored: midnight UTC. */
export function calendarDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** A calendar date (stored as UTC midnight) as "YYYY-MM-DD", e.g. for a date input. */
export function calendarDateString(value: DateInput): string {
  return toDate(value).toISOString().slice(0, 10);
}

/** Adds whole days to a "YYYY-MM-DD" calendar date. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Whole days from one "YYYY-MM-DD" calendar date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((calendarDate(to).getTime() - calendarDate(from).getTime()) / 86_400_000);
}

/** The day of the week of a "YYYY-MM-DD" calendar date: 1 = Monday … 7 = Sunday (ISO 8601). */
export function isoWeekday(date: string): number {
  return calendarDate(date).getUTCDay() || 7;
}
