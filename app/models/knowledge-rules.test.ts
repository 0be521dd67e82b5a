import { describe, expect, it } from "vitest";
import { anonymityProblems, describeProblem, isKnowledgeTheme, nameParts, publishWindow } from "./knowledge-rules.ts";

const day = (date: string, time = "12:00") => new Date(`${date}T${time}:00Z`);
const session = (date: string, cancelled = false) => ({
  startsAt: day(date, "12:00"),
  endsAt: day(date, "15:00"),
  cancelledAt: cancelled ? day("2026-01-01") : null,
});

describe("when a duo may publish", () => {
  const running = {
    status: "RUNNING" as const,
    endsOn: day("2026-12-31", "00:00"),
    sessions: [session("2026-10-01"), session("2026-11-20")],
  };

  it("opens when the last session has ended", () => {
    expect(publishWindow(running, day("2026-11-20", "14:59")).open).toBe(false);
    expect(publishWindow(running, day("2026-11-20", "15:00")).open).toBe(true);
  });

  it("does not wait for a cancelled last session", () => {
    const withCancelled = { ...running, sessions: [...running.sessions, session("2026-12-15", true)] };
    expect(publishWindow(withCancelled, day("2026-11-21")).open).toBe(true);
  });

  it("is open for a closed cohort at any time, and never for a concept", () => {
    expect(publishWindow({ ...running, status: "CLOSED" }, day("2026-01-01")).open).toBe(true);
    expect(publishWindow({ ...running, status: "CONCEPT" }, day("2030-01-01"))).toEqual({
      open: false,
      reason: "Het leernetwerk is nog niet begonnen.",
    });
  });

  it("follows the sessions for a cohort left on 'Aanmelding open'", () => {
    expect(publishWindow({ ...running, status: "APPLICATIONS_OPEN" }, day("2026-11-01")).open).toBe(false);
    expect(publishWindow({ ...running, status: "APPLICATIONS_OPEN" }, day("2026-11-21")).open).toBe(true);
  });

  it("uses the end date for a cohort without sessions (open from the day after)", () => {
    const noSessions = { ...running, sessions: [] };
    expect(publishWindow(noSessions, day("2026-12-31", "23:00")).open).toBe(false);
    expect(publishWindow(noSessions, day("2027-01-01", "00:00")).open).toBe(true);
  });
});

describe("anonymity checks", () => {
  const names = ["Lisa Bakker", "Erik Mulder", "Fatima El Amrani", "Pieter van Dam"];

  it("looks for full names and first and last names, not particles", () => {
    expect(nameParts(names)).toEqual([
      "Lisa Bakker",
      "Lisa",
      "Bakker",
      "Erik Mulder",
      "Erik",
      "Mulder",
      "Fatima El Amrani",
      "Fatima",
      "Amrani",
      "Pieter van Dam",
      "Pieter",
      "Dam",
    ]);
  });

  it("finds names as whole words with their capital", () => {
    const found = anonymityProblems("Erik belt de wethouder. Daarna bespreekt mevrouw Amrani het.", { names });
    expect(found).toEqual([
      { kind: "name", found: "Erik" },
      { kind: "name", found: "Amrani" },
    ]);
    // "dam" in "Amsterdamse" or "Lisanne" is no name; "Dam" inside "Damrak" neither.
    expect(anonymityProblems("Een Amsterdamse aanpak met de Damrak-route en Lisanne.", { names })).toEqual([]);
  });

  it("finds e-mail addresses and phone numbers", () => {
    const found = anonymityProblems("Mail naar info@gemeente.test of bel 06-12345678 of +31 30 123 4567.", {
      names: [],
    });
    expect(found.map((problem) => problem.kind)).toEqual(["email", "phone", "phone"]);
    expect(anonymityProblems("In 2027 komen 12 mensen, budget 015000 niet.", { names: [] })).toEqual([]);
  });

  it("finds the municipality's name only when the duo chose not to show it", () => {
    expect(anonymityProblems("In Zwolle is armoede een thema.", { names: [], municipality: "Zwolle" })).toEqual([
      { kind: "municipality", found: "Zwolle" },
    ]);
    expect(
      anonymityProblems("In zwolle is armoede een thema.", { names: [], municipality: "Gemeente Zwolle" }),
    ).toHaveLength(1);
    expect(anonymityProblems("In Zwolle is armoede een thema.", { names: [], municipality: null })).toEqual([]);
  });

  it("explains each problem in Dutch", () => {
    expect(describeProblem({ kind: "name", found: "Erik" })).toContain("Erik");
    expect(describeProblem({ kind: "municipality", found: "Zwolle" })).toContain("vink aan");
  });

  it("knows the fixed themes", () => {
    expect(isKnowledgeTheme("armoede")).toBe(true);
    expect(isKnowledgeTheme("toString")).toBe(false);
  });
});
