// iCalendar (RFC 5545) for sessions: one session as a download, or a person's whole schedule as a feed
// that Outlook and Google Calendar subscribe to. Pure: no database, no clock (the caller passes `now`).
//
// - Times are written as Amsterdam wall-clock times with TZID=Europe/Amsterdam and a VTIMEZONE that
//   carries the EU daylight-saving rules, so a 12:30 session stays 12:30 in every client.
// - UIDs are derived from the session id and never change; SEQUENCE rises with every change, so clients
//   replace the event when a session moves instead of adding a second one.
// - A called-off session stays in the feed with STATUS:CANCELLED (clients then remove or strike it).
// - Text is escaped and lines are folded at 75 octets (UTF-8), with CRLF line ends.
import { amsterdamParts, TIME_ZONE } from "~/utils/dates.ts";

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

const PRODUCT_ID = "-//Leernetwerk//Bijeenkomsten//NL";

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
];

/** TEXT values: backslash, semicolon and comma are escaped, line breaks become \n (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return value
    .replaceAll("\\", "\\\\")
    .replaceAll(";", "\\;")
    .replaceAll(",", "\\,")
    .replaceAll(/\r\n|\r|\n/g, "\\n");
}

const encoder = new TextEncoder();

/**
 * Folds a content line so that no line is longer than 75 octets (RFC 5545 3.1), never splitting a
 * multi-byte UTF-8 character. Continuation lines start with one space.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const pieces: string[] = [];
  let current = "";
  let currentBytes = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line may hold 75 octets; continuation lines 74 plus the leading space.
    const limit = pieces.length === 0 ? 75 : 74;
    if (currentBytes + size > limit) {
      pieces.push(current);
      current = "";
      currentBytes = 0;
    }
    current += char;
    currentBytes += size;
  }
  pieces.push(current);
  return pieces.join("\r\n ");
}

function utcStamp(value: Date): string {
  return value.toISOString().replaceAll(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z");
}

function localStamp(value: Date): string {
  const { date, time, seconds } = amsterdamParts(value);
  return `${date.replaceAll("-", "")}T${time.replace(":", "")}${seconds}`;
}

function eventLines(event: CalendarEvent, now: Date): string[] {
  const lines = [
    "BEGIN:VEVENT",
    `UID:${event.uid}`,
    `DTSTAMP:${utcStamp(now)}`,
    `LAST-MODIFIED:${utcStamp(event.lastModified)}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTART;TZID=${TIME_ZONE}:${localStamp(event.startsAt)}`,
    `DTEND;TZID=${TIME_ZONE}:${localStamp(event.endsAt)}`,
    `SUMMARY:${escapeText(event.cancelled ? `Geannuleerd: ${event.summary}` : event.summary)}`,
  ];
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.url) lines.push(`URL:${event.url.replaceAll(/[\r\n]/g, "")}`);
  lines.push(`STATUS:${event.cancelled ? "CANCELLED" : "CONFIRMED"}`, "TRANSP:OPAQUE", "END:VEVENT");
  return lines;
}

export function buildCalendar(calendar: Calendar): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${PRODUCT_ID}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    `X-WR-TIMEZONE:${TIME_ZONE}`,
  ];
  if (calendar.kind === "feed") {
    // Hints for how often subscribers check for changes (Outlook and Apple honour these).
    lines.push(`NAME:${escapeText(calendar.name)}`, "REFRESH-INTERVAL;VALUE=DURATION:PT1H", "X-PUBLISHED-TTL:PT1H");
  }
  lines.push(...VTIMEZONE);
  for (const event of calendar.events) lines.push(...eventLines(event, calendar.now));
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
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
