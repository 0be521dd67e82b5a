import { describe, expect, it } from "vitest";
import {
  checkArrangement,
  groupCountProblem,
  suggestGroups,
  suggestedGroupCount,
  type GroupCandidate,
} from "./intervision-groups.ts";

function cohort(sizes: Record<string, number>): GroupCandidate[] {
  return Object.entries(sizes).flatMap(([municipality, size]) =>
    Array.from({ length: size }, (_, index) => ({
      id: `${municipality}-${index}`,
      name: `${municipality} ${index}`,
      enrollmentId: municipality,
      municipality,
    })),
  );
}

describe("suggestGroups", () => {
  it("makes as few groups as possible with at most 8 each", () => {
    expect(suggestedGroupCount(3)).toBeNull();
    expect(suggestedGroupCount(4)).toBe(1);
    expect(suggestedGroupCount(8)).toBe(1);
    expect(suggestedGroupCount(9)).toBe(2);
    expect(suggestedGroupCount(13)).toBe(2);
    expect(suggestedGroupCount(17)).toBe(3);
  });

  it("splits every duo and mixes municipalities, in groups of nearly equal size", () => {
    const people = cohort({ Zwolle: 2, Amersfoort: 3, Deventer: 2, Leeuwarden: 2, Tilburg: 2, Zaanstad: 2 });
    const groups = suggestGroups(people, 2);
    expect(groups.map((group) => group.length).sort()).toEqual([6, 7]);
    for (const group of groups) {
      const municipalities = group.map((person) => person.municipality);
      // Each group has one person of every duo (Amersfoort's three members: two in one group, unavoidable).
      expect(new Set(municipalities).size).toBe(6);
    }
    expect(
      groups
        .flat()
        .map((person) => person.id)
        .sort(),
    ).toEqual(people.map((person) => person.id).sort());
    // Same input, same suggestion.
    expect(suggestGroups([...people].reverse(), 2)).toEqual(groups);
  });

  it("keeps a duo apart whenever there are at least as many groups as duo members", () => {
    const people = cohort({ A: 2, B: 2, C: 2, D: 2, E: 2, F: 2, G: 2, H: 2, I: 2 });
    for (const group of suggestGroups(people, 3)) {
      expect(new Set(group.map((person) => person.enrollmentId)).size).toBe(group.length);
    }
  });

  it("refuses a number of groups that cannot meet the 4–8 limits, with a clear message", () => {
    expect(groupCountProblem(3, 1)).toMatch(/minstens 4 nodig/);
    expect(groupCountProblem(9, 3)).toMatch(/hoogstens 2 groepen/);
    expect(groupCountProblem(17, 2)).toMatch(/kies minstens 3 groepen/);
    expect(groupCountProblem(12, 0)).toMatch(/minstens één groep/);
    expect(groupCountProblem(12, 2)).toBeNull();
    expect(() => suggestGroups(cohort({ A: 2, B: 1 }), 1)).toThrow(/minstens 4/);
  });
});

describe("checkArrangement", () => {
  const people = cohort({ Zwolle: 2, Deventer: 2, Tilburg: 2, Zaanstad: 2, Emmen: 1 });
  const ids = (...names: string[]) => names;
  const facilitatorIds = ["marco", "fatima", "pieter"];

  it("accepts groups of 4–8 with 1–2 of the cohort's facilitators and names who is not placed", () => {
    const result = checkArrangement({
      participants: people,
      facilitatorIds,
      groups: [
        {
          key: "a",
          name: "Groep 1",
          memberIds: ids("Zwolle-0", "Deventer-0", "Tilburg-0", "Zaanstad-0"),
          facilitatorIds: ["marco"],
        },
        {
          key: "b",
          name: "Groep 2",
          memberIds: ids("Zwolle-1", "Deventer-1", "Tilburg-1", "Zaanstad-1"),
          facilitatorIds: ["fatima", "pieter"],
        },
        { key: "c", name: "", memberIds: [], facilitatorIds: [] },
      ],
    });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual(["Nog niet in een groep: Emmen 0."]);
  });

  it("refuses too small and too large groups, double placement, outsiders and wrong facilitators", () => {
    const result = checkArrangement({
      participants: people,
      facilitatorIds,
      groups: [
        { key: "a", name: "Groep 1", memberIds: ids("Zwolle-0", "Deventer-0", "Tilburg-0"), facilitatorIds: [] },
        {
          key: "b",
          name: "Groep 2",
          memberIds: ids("Zwolle-0", "Zwolle-1", "Deventer-1", "Tilburg-1", "someone-else"),
          facilitatorIds: ["marco", "fatima", "pieter"],
        },
        { key: "c", name: "Groep 3", memberIds: people.slice(0, 9).map((p) => p.id), facilitatorIds: ["anouk"] },
        {
          key: "d",
          name: "groep 1",
          memberIds: ids("Zaanstad-0", "Zaanstad-1", "Emmen-0", "Tilburg-0"),
          facilitatorIds: ["marco"],
        },
      ],
    });
    const messages = result.errors.map((error) => `${error.key}: ${error.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        "a: Groep 1 heeft 3 deelnemers; een intervisiegroep heeft er minstens 4.",
        "a: Kies een begeleider voor Groep 1.",
        "b: Zwolle 0 staat al in Groep 1; iemand zit in één groep.",
        "b: Groep 2: iemand in deze groep is geen actieve deelnemer van dit leernetwerk.",
        "b: Groep 2 heeft 3 begeleiders; het zijn er hoogstens 2.",
        "c: Groep 3 heeft 9 deelnemers; een intervisiegroep heeft er hoogstens 8.",
        "c: Kies voor Groep 3 begeleiders van dit leernetwerk.",
        "d: Er is al een groep met de naam groep 1.",
      ]),
    );
  });

  it("allows the coordinator to put a duo together, with a warning", () => {
    const result = checkArrangement({
      participants: people,
      facilitatorIds,
      groups: [
        {
          key: "a",
          name: "Groep 1",
          memberIds: ids("Zwolle-0", "Zwolle-1", "Tilburg-0", "Zaanstad-0"),
          facilitatorIds: ["marco"],
        },
      ],
    });
    expect(result.errors).toEqual([]);
    expect(result.warnings[0]).toBe("Zwolle 0 en Zwolle 1 (zelfde gemeente) zitten samen in Groep 1.");
  });
});
