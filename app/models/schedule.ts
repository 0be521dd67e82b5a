// Rules for a cohort's session schedule, free of the database so they can be unit-tested: turning the
// Amsterdam date and times of a form into instants, checking a session against the cohort period and the
// other sessions, the default four-session template (seed 002), and shifting a schedule to a new period.
//
// Errors block saving (end before start, a time in the past, a time that does not exist on the night the
// clocks go forward). Warnings (outside the cohort period, overlapping another session) are shown first
// and can then be accepted, because a coordinator sometimes plans a session that way on purpose.
import type { SessionFormat } from "~/generated/prisma/enums.ts";
import {
  addDays,
  amsterdamParts,
  amsterdamTime,
  calendarDate,
  daysBetween,
  formatCalendarDate,
  formatSessionTime,
  isoWeekday,
} from "~/utils/dates.ts";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const parsed = calendarDate(value);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

export function isClockTime(value: string): boolean {
  return TIME.test(value);
}

export type ScheduleContext = {
  /** The cohort period as "YYYY-MM-DD" calendar dates. */
  startsOn: string;
  endsOn: string;
  /** The cohort's other sessions (the one being edited left out or recognised by id). */
  others: { id: string; number: number; startsAt: Date; endsAt: Date; cancelledAt: Date | null }[];
  now: Date;
};

export type SessionTimesInput = {
  id?: string;
  date: string;
  start: string;
  end: string;
  /** When editing: the times stored now. A session already in the past may keep its (unchanged) time. */
  previous?: { startsAt: Date; endsAt: Date };
};

export type ScheduleCheck = {
  errors: { date?: string[]; start?: string[]; end?: string[] };
  warnings: string[];
  startsAt?: Date;
  endsAt?: Date;
};

/**
 * Checks the date and times of one session. Dates and times are Amsterdam wall-clock times, so the UTC
 * instants differ by an hour on either side of the daylight-saving change, and 02:00–03:00 on the last
 * Sunday of March does not exist.
 */
export function checkSessionTimes(input: SessionTimesInput, context: ScheduleContext): ScheduleCheck {
  const errors: ScheduleCheck["errors"] = {};
  if (!isCalendarDate(input.date)) errors.date = ["Vul een geldige datum in."];
  if (!isClockTime(input.start)) errors.start = ["Vul een begintijd in als uu:mm, bijvoorbeeld 12:30."];
  if (!isClockTime(input.end)) errors.end = ["Vul een eindtijd in als uu:mm, bijvoorbeeld 16:00."];
  if (Object.keys(errors).length) return { errors, warnings: [] };

  const startsAt = amsterdamTime(input.date, input.start);
  const endsAt = amsterdamTime(input.date, input.end);
  if (amsterdamParts(startsAt).time !== input.start) {
    errors.start = ["Deze begintijd bestaat niet op deze dag: om 02:00 gaat de klok een uur vooruit (zomertijd)."];
  }
  if (amsterdamParts(endsAt).time !== input.end) {
    errors.end = ["Deze eindtijd bestaat niet op deze dag: om 02:00 gaat de klok een uur vooruit (zomertijd)."];
  }
  if (!errors.start && !errors.end && endsAt <= startsAt) {
    errors.end = ["De eindtijd moet later zijn dan de begintijd."];
  }
  const unchanged =
    input.previous &&
    input.previous.startsAt.getTime() === startsAt.getTime() &&
    input.previous.endsAt.getTime() === endsAt.getTime();
  if (!unchanged && !errors.start && startsAt < context.now) {
    errors.date = ["Deze datum en tijd liggen in het verleden. Kies een moment in de toekomst."];
  }
  if (Object.keys(errors).length) return { errors, warnings: [] };
  return { errors, warnings: scheduleWarnings({ id: input.id, startsAt, endsAt }, context), startsAt, endsAt };
}

/** Warnings for one session (by instants): outside the cohort period, or overlapping another session. */
export function scheduleWarnings(
  session: { id?: string; startsAt: Date; endsAt: Date },
  context: Omit<ScheduleContext, "now">,
): string[] {
  const warnings: string[] = [];
  const day = amsterdamParts(session.startsAt).date;
  if (day < context.startsOn || day > context.endsOn) {
    warnings.push(
      `Deze bijeenkomst valt buiten de periode van het leernetwerk (${formatCalendarDate(calendarDate(context.startsOn))} tot en met ${formatCalendarDate(calendarDate(context.endsOn))}).`,
    );
  }
  for (const other of context.others) {
    if (other.id === session.id || other.cancelledAt) continue;
    if (session.startsAt < other.endsAt && other.startsAt < session.endsAt) {
      warnings.push(
        `Deze bijeenkomst overlapt met bijeenkomst ${other.number} (${formatSessionTime(other.startsAt, other.endsAt)}).`,
      );
    }
  }
  return warnings;
}

/** Warnings for a whole schedule, per session id: shown on the cohort page and after changing the period. */
export function warningsForSchedule(
  sessions: { id: string; number: number; startsAt: Date; endsAt: Date; cancelledAt: Date | null }[],
  period: { startsOn: string; endsOn: string },
): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const session of sessions) {
    if (session.cancelledAt) continue;
    const warnings = scheduleWarnings(session, { ...period, others: sessions });
    if (warnings.length) result.set(session.id, warnings);
  }
  return result;
}

export type SessionPlan = {
  number: number;
  title: string;
  date: string;
  start: string;
  end: string;
  format: SessionFormat;
  location: string | null;
  meetingUrl: string | null;
  agenda: string;
  preparation: string;
};

const TEMPLATE: (Omit<SessionPlan, "date"> & { week: number })[] = [
  {
    number: 1,
    week: 0,
    title: "Kennismaken en je vraagstuk scherp krijgen",
    start: "12:30",
    end: "16:00",
    format: "IN_PERSON",
    location: "Utrecht",
    meetingUrl: null,
    agenda:
      "Ontvangst met lunch.\n\nKennismaking met de duo's en de ervaringsdeskundigen.\n\nJe vraagstuk delen in kleine groepen.",
    preparation: "Schrijf met je duopartner in een paar zinnen op welk vraagstuk jullie gemeente meebrengt.",
  },
  {
    number: 2,
    week: 6,
    title: "Ervaringskennis ophalen en vertalen",
    start: "14:00",
    end: "16:30",
    format: "ONLINE",
    location: null,
    meetingUrl: null,
    agenda: "Methoden om ervaringskennis op te halen.\n\nReflectie op jullie vraagstuk door ervaringsdeskundigen.",
    preparation: "Kies één manier om ervaringskennis op te halen die jullie in je eigen gemeente willen proberen.",
  },
  {
    number: 3,
    week: 11,
    title: "Beleid en uitvoering aanpassen",
    start: "14:00",
    end: "16:30",
    format: "ONLINE",
    location: null,
    meetingUrl: null,
    agenda: "Eigenaarschap en bondgenoten.\n\nAfspraken met ervaringsdeskundigen over rol, tijd en vergoeding.",
    preparation: "Vraag een collega of ervaringsdeskundige om feedback op jullie aanpak tot nu toe.",
  },
  {
    number: 4,
    week: 24,
    title: "Je aanpak presenteren en borgen",
    start: "12:30",
    end: "16:00",
    format: "IN_PERSON",
    location: "Utrecht",
    meetingUrl: null,
    agenda: "Duo's presenteren hun aanpak.\n\nWat nemen we mee na het leernetwerk?",
    preparation: "Maak een korte presentatie (5 minuten) van jullie aanpak en de eerste stappen.",
  },
];

/**
 * The default schedule of seed 002: four Tuesdays, two in Utrecht (12:30–16:00, first and last) and two
 * online (14:00–16:30). The first falls on the second Tuesday of the period; the others 6, 11 and 24 weeks
 * later, squeezed proportionally when the period is shorter.
 */
export function defaultSessionTemplate(startsOn: string, endsOn: string): SessionPlan[] {
  const firstTuesday = addDays(startsOn, 7 + ((2 - isoWeekday(startsOn) + 7) % 7));
  const lastWeek = TEMPLATE.at(-1)!.week;
  const weeksAvailable = Math.floor(daysBetween(firstTuesday, endsOn) / 7);
  const scale = weeksAvailable >= lastWeek ? 1 : Math.max(weeksAvailable, 0) / lastWeek;
  return TEMPLATE.map(({ week, ...session }) => ({
    ...session,
    date: addDays(firstTuesday, Math.round(week * scale) * 7),
  }));
}

/**
 * Moves a schedule to a new period: every session moves by the whole number of weeks nearest to the move
 * of the cohort start (so a Tuesday stays a Tuesday), and keeps its Amsterdam wall-clock times (also when
 * the move crosses a daylight-saving change).
 */
export function shiftSchedule<T extends { startsAt: Date; endsAt: Date }>(
  sessions: T[],
  fromStartsOn: string,
  toStartsOn: string,
): (T & { date: string; start: string; end: string })[] {
  const days = Math.round(daysBetween(fromStartsOn, toStartsOn) / 7) * 7;
  return sessions.map((session) => {
    const start = amsterdamParts(session.startsAt);
    const end = amsterdamParts(session.endsAt);
    const date = addDays(start.date, days);
    return {
      ...session,
      date,
      start: start.time,
      end: end.time,
      startsAt: amsterdamTime(date, start.time),
      endsAt: amsterdamTime(date, end.time),
    };
  });
}
