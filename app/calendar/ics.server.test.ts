// The iCalendar output is checked by parsing it back with ical.js (a real RFC 5545 parser, the one behind
// Thunderbird's calendar), not by comparing strings.
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { amsterdamTime } from "~/utils/dates.ts";
import { buildCalendar, sessionEvent, sessionUid, type SessionForCalendar } from "./ics.server.ts";

const NOW = new Date("2026-11-22T12:00:00Z");

function session(overrides: Partial<SessionForCalendar> = {}): SessionForCalendar {
  return {
    id: "3f1c2f4e-8a47-4d55-9a57-8d3cf0f1b001",
    number: 1,
    title: "Kennismaken en je vraagstuk scherp krijgen",
    startsAt: amsterdamTime("2027-04-13", "12:30"),
    endsAt: amsterdamTime("2027-04-13", "16:00"),
    format: "IN_PERSON",
    location: "Vergadercentrum Utrecht, Catharijnesingel; zaal 2",
    meetingUrl: null,
    agenda: "Ontvangst met lunch.\nKennismaking, daarna: je vraagstuk delen\\bespreken.",
    preparation:
      "Schrijf op welk vraagstuk jullie gemeente meebrengt — één of twee zinnen, met ‘ervaringskennis’ erin.",
    sequence: 0,
    cancelledAt: null,
    updatedAt: new Date("2026-11-01T09:00:00Z"),
    cohort: {
      id: "c0000000-0000-4000-8000-000000000001",
      name: "Leernetwerk Ervaringsdeskundigheid en beleid, voorjaar 2027",
    },
    ...overrides,
  };
}

function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  const zone = root.getFirstSubcomponent("vtimezone");
  expect(zone).not.toBeNull();
  // Resolve TZID=Europe/Amsterdam with the VTIMEZONE from the file itself, as a client would.
  const timezone = new ICAL.Timezone(zone!);
  ICAL.TimezoneService.register(timezone, "Europe/Amsterdam");
  const events = root.getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));
  return { root, events };
}

describe("iCalendar output", () => {
  it("round-trips a session: times in Amsterdam, UID, SEQUENCE, text with commas, semicolons and line breaks", () => {
    const text = buildCalendar({
      name: "Leernetwerk",
      events: [sessionEvent(session(), "https://leernetwerk.example")],
      now: NOW,
      kind: "download",
    });
    const { root, events } = parse(text);
    expect(root.getFirstPropertyValue("version")).toBe("2.0");
    expect(root.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(events).toHaveLength(1);
    const event = events[0]!;
    expect(event.uid).toBe(sessionUid(session().id));
    expect(event.sequence).toBe(0);
    expect(event.summary).toBe("Bijeenkomst 1: Kennismaken en je vraagstuk scherp krijgen");
    expect(event.location).toBe("Vergadercentrum Utrecht, Catharijnesingel; zaal 2");
    expect(event.description).toContain("Ontvangst met lunch.\nKennismaking, daarna: je vraagstuk delen\\bespreken.");
    expect(event.description).toContain("met ‘ervaringskennis’ erin.");
    expect(event.description).toContain(
      "https://leernetwerk.example/leernetwerken/c0000000-0000-4000-8000-000000000001/bijeenkomsten/3f1c2f4e-8a47-4d55-9a57-8d3cf0f1b001",
    );
    expect(event.startDate.zone?.tzid).toBe("Europe/Amsterdam");
    expect(event.startDate.toString()).toBe("2027-04-13T12:30:00");
    // Summer time: 12:30 in Amsterdam is 10:30 UTC.
    expect(event.startDate.toJSDate().toISOString()).toBe("2027-04-13T10:30:00.000Z");
    expect(event.endDate.toJSDate().toISOString()).toBe("2027-04-13T14:00:00.000Z");
    expect(event.component.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(event.component.getFirstPropertyValue("dtstamp")?.toString()).toBe("2026-11-22T12:00:00Z");
  });

  it("keeps the wall-clock time on both sides of the daylight-saving change", () => {
    const winter = session({
      id: "a",
      startsAt: amsterdamTime("2027-03-23", "14:00"),
      endsAt: amsterdamTime("2027-03-23", "16:30"),
    });
    const summer = session({
      id: "b",
      startsAt: amsterdamTime("2027-03-30", "14:00"),
      endsAt: amsterdamTime("2027-03-30", "16:30"),
    });
    const autumn = session({
      id: "c",
      startsAt: amsterdamTime("2027-11-02", "14:00"),
      endsAt: amsterdamTime("2027-11-02", "16:30"),
    });
    const text = buildCalendar({
      name: "x",
      events: [winter, summer, autumn].map((s) => sessionEvent(s, "http://localhost")),
      now: NOW,
      kind: "feed",
    });
    const { events } = parse(text);
    expect(events.map((event) => event.startDate.toString())).toEqual([
      "2027-03-23T14:00:00",
      "2027-03-30T14:00:00",
      "2027-11-02T14:00:00",
    ]);
    expect(events.map((event) => event.startDate.toJSDate().toISOString())).toEqual([
      "2027-03-23T13:00:00.000Z",
      "2027-03-30T12:00:00.000Z",
      "2027-11-02T13:00:00.000Z",
    ]);
    // Offsets from the VTIMEZONE itself: +01:00 in winter, +02:00 in summer.
    expect(events[0]!.startDate.utcOffset()).toBe(3600);
    expect(events[1]!.startDate.utcOffset()).toBe(7200);
  });

  it("marks a cancelled session as CANCELLED, keeps its UID and carries the raised SEQUENCE", () => {
    const cancelled = session({ sequence: 3, cancelledAt: new Date("2026-11-20T10:00:00Z") });
    const { events } = parse(
      buildCalendar({ name: "x", events: [sessionEvent(cancelled, "http://localhost")], now: NOW, kind: "feed" }),
    );
    expect(events[0]!.uid).toBe(sessionUid(cancelled.id));
    expect(events[0]!.sequence).toBe(3);
    expect(events[0]!.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(events[0]!.summary).toMatch(/^Geannuleerd: /);
    expect(events[0]!.description).toContain("Deze bijeenkomst gaat niet door.");
  });

  it("writes a feed with refresh hints, CRLF line ends and no line longer than 75 octets", () => {
    const online = session({ format: "ONLINE", location: null, meetingUrl: "https://meet.example/sessie-2?x=1,2" });
    const text = buildCalendar({
      name: "Leernetwerk — Lisa Bakker",
      events: [sessionEvent(online, "http://localhost")],
      now: NOW,
      kind: "feed",
    });
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
    for (const line of text.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const { root, events } = parse(text);
    expect(root.getFirstPropertyValue("refresh-interval")?.toString()).toBe("PT1H");
    expect(root.getFirstPropertyValue("x-wr-calname")).toBe("Leernetwerk — Lisa Bakker");
    expect(events[0]!.location).toBe("Online");
    expect(events[0]!.description).toContain("Online meedoen: https://meet.example/sessie-2?x=1,2");
  });
});

const lines = (text: string) => text.split("\r\n");

describe("escaping and folding", () => {
  it("escapes backslash, semicolon, comma and line breaks in text, also in the calendar name", () => {
    const event = sessionEvent(session({ title: "a\\b;c,d\r\ne\nf" }), "http://localhost");
    const text = buildCalendar({ name: "Voorjaar, groep 1; Zwolle", events: [event], now: NOW, kind: "download" });
    expect(lines(text)).toContain("SUMMARY:Bijeenkomst 1: a\\\\b\\;c\\,d\\ne\\nf");
    expect(lines(text)).toContain("X-WR-CALNAME:Voorjaar\\, groep 1\\; Zwolle");
    expect(parse(text).events[0]!.summary).toBe("Bijeenkomst 1: a\\b;c,d\ne\nf");
  });

  it("folds at 75 octets without splitting a multi-byte character", () => {
    const long = "é".repeat(100);
    const text = buildCalendar({
      name: "x",
      events: [sessionEvent(session({ title: long }), "http://localhost")],
      now: NOW,
      kind: "download",
    });
    const start = lines(text).findIndex((line) => line.startsWith("SUMMARY:"));
    const folded = [lines(text)[start]!];
    for (const line of lines(text).slice(start + 1)) {
      if (!line.startsWith(" ")) break;
      folded.push(line);
    }
    expect(folded.length).toBeGreaterThan(1);
    for (const part of folded) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    // A split "é" would not survive decoding as UTF-8 text of each line.
    expect(folded.join("")).not.toContain("\uFFFD");
    expect(folded.map((part, index) => (index === 0 ? part : part.slice(1))).join("")).toBe(
      `SUMMARY:Bijeenkomst 1: ${long}`,
    );
    expect(parse(text).events[0]!.summary).toBe(`Bijeenkomst 1: ${long}`);
  });

  it("leaves short lines alone", () => {
    const text = buildCalendar({
      name: "x",
      events: [sessionEvent(session({ title: "kort" }), "http://localhost")],
      now: NOW,
      kind: "download",
    });
    expect(lines(text)).toContain("SUMMARY:Bijeenkomst 1: kort");
  });
});

describe("times in UTC where RFC 5545 asks for UTC, whatever the server's zone", () => {
  it("writes DTSTAMP and LAST-MODIFIED in UTC and DTSTART/DTEND as Amsterdam wall-clock times", () => {
    const text = buildCalendar({
      name: "x",
      events: [sessionEvent(session(), "http://localhost")],
      now: NOW,
      kind: "download",
    });
    expect(lines(text)).toEqual(
      expect.arrayContaining([
        "DTSTAMP:20261122T120000Z",
        "LAST-MODIFIED:20261101T090000Z",
        "DTSTART;TZID=Europe/Amsterdam:20270413T123000",
        "DTEND;TZID=Europe/Amsterdam:20270413T160000",
      ]),
    );
  });
});
