// iCalendar (RFC 5545) for sessions: one session as a download, or a person's whole schedule as a feed
// that Outlook and Google Calendar subscribe to. Pure: no database, no clock (the caller passes `now`).
// Written with ical-generator, which escapes text and folds lines at 75 octets (UTF-8) with CRLF ends.
//
// - Times are written as Amsterdam wall-clock times with TZID=Europe/Amsterdam and a VTIMEZONE that
//   carries the EU daylight-saving rules, so a 12:30 session stays 12:30 in every client. ical-generator
//   reads a plain Date in the server's own zone, so start and end are handed over as TZDate in Amsterdam.
// - The calendar itself gets no default zone (only the VTIMEZONE generator): with one, ical-generator
//   writes DTSTAMP and LAST-MODIFIED as local times, and RFC 5545 requires UTC there.
// - UIDs are derived from the session id and never change; SEQUENCE rises with every change, so clients
//   replace the event when a session moves instead of adding a second one.
// - A called-off session stays in the feed with STATUS:CANCELLED (clients then remove or strike it).
import { TZDate } from "@date-fns/tz";
import ical, { escape as escapeText, ICalCalendarMethod, ICalEventStatus, ICalEventTransparency } from "ical-generator";
import { TIME_ZONE } from "~/utils/dates.ts";

export type CalendarEvent = {
  uid: string;
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  summary: string;
  description: string;
  location?: string | null;
  url?: string | null;
  cancelled: boolean;
  lastModified: Date;
};

export type Calendar = {
  name: string;
  events: CalendarEvent[];
  now: Date;
  /** A subscription feed (refresh hints for clients) or a single download. */
  kind: "feed" | "download";
};

const PRODUCT_ID = "//Leernetwerk//Bijeenkomsten//NL";

// Europe/Amsterdam since 1996: summer time from the last Sunday of March 02:00 to the last Sunday of
// October 03:00. (Sessions before 1996 do not exist here.)
const VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  `TZID:${TIME_ZONE}`,
  `X-LIC-LOCATION:${TIME_ZONE}`,
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
].join("\r\n");

export function buildCalendar(calendar: Calendar): string {
  const result = ical({
    prodId: PRODUCT_ID,
    scale: "gregorian",
    method: ICalCalendarMethod.PUBLISH,
    // ical-generator writes NAME and X-WR-CALNAME without escaping them, so the name is escaped here.
    name: escapeText(calendar.name, false),
    timezone: { name: null, generator: (zone) => (zone === TIME_ZONE ? VTIMEZONE : null) },
    // Hints for how often subscribers check for changes (Outlook and Apple honour these).
    ttl: calendar.kind === "feed" ? 3600 : null,
    x: { "X-WR-TIMEZONE": TIME_ZONE },
  });
  for (const event of calendar.events) {
    result.createEvent({
      id: event.uid,
      sequence: event.sequence,
      stamp: calendar.now,
      lastModified: event.lastModified,
      timezone: TIME_ZONE,
      start: new TZDate(event.startsAt.getTime(), TIME_ZONE),
      end: new TZDate(event.endsAt.getTime(), TIME_ZONE),
      summary: event.cancelled ? `Geannuleerd: ${event.summary}` : event.summary,
      description: event.description || null,
      location: event.location || null,
      url: event.url || null,
      status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      transparency: ICalEventTransparency.OPAQUE,
    });
  }
  return `${result.toString()}\r\n`;
}

/** The stable UID of a session's event. */
export function sessionUid(sessionId: string): string {
  return `bijeenkomst-${sessionId}@leernetwerk`;
}

export type SessionForCalendar = {
  id: string;
  number: number;
  title: string;
  startsAt: Date;
  endsAt: Date;
  format: "IN_PERSON" | "ONLINE" | "HYBRID";
  location: string | null;
  meetingUrl: string | null;
  agenda: string;
  preparation: string;
  sequence: number;
  cancelledAt: Date | null;
  updatedAt: Date;
  cohort: { id: string; name: string };
};

/** A session as a calendar event; `appUrl` is the public base URL for the link back to the session page. */
export function sessionEvent(session: SessionForCalendar, appUrl: string): CalendarEvent {
  const pageUrl = `${appUrl.replace(/\/$/, "")}/leernetwerken/${session.cohort.id}/bijeenkomsten/${session.id}`;
  const description = [
    session.cancelledAt ? "Deze bijeenkomst gaat niet door." : null,
    session.cohort.name,
    session.meetingUrl ? `Online meedoen: ${session.meetingUrl}` : null,
    session.agenda ? `Programma:\n${session.agenda}` : null,
    session.preparation ? `Voorbereiding:\n${session.preparation}` : null,
    `Meer informatie: ${pageUrl}`,
  ]
    .filter(Boolean)
    .join("\n\n");
  const location = session.location ?? (session.meetingUrl ? "Online" : null);
  return {
    uid: sessionUid(session.id),
    sequence: session.sequence,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    summary: `Bijeenkomst ${session.number}: ${session.title}`,
    description,
    location,
    url: pageUrl,
    cancelled: Boolean(session.cancelledAt),
    lastModified: session.updatedAt,
  };
}
