import { describe, expect, it } from "vitest";
import { buildSeedIndex, findCopiedRuns, normaliseWords } from "./overlap.ts";

describe("copied-words check", () => {
  it("ignores case, punctuation, line breaks and PDF hyphenation", () => {
    expect(normaliseWords("Erva-\n\nringskennis is ‘waardevol’,\nzeker in BELEID!")).toEqual([
      "ervaringskennis",
      "is",
      "waardevol",
      "zeker",
      "in",
      "beleid",
    ]);
  });

  const seed =
    "Het vertrekpunt is altijd de leefwereld. Daar ontstaat ervaringskennis, en aan de hand van die ervaringen pas je beleid aan.";
  const index = buildSeedIndex([seed]);

  it("finds a run of 10 words even across punctuation and line breaks", () => {
    const runs = findCopiedRuns(
      "les.md",
      "Zoals gezegd: het vertrekpunt is altijd de\nleefwereld; daar ontstaat ervaringskennis en aan de hand daarvan...",
      index,
    );
    expect(runs).toEqual([
      {
        file: "les.md",
        words: 13,
        text: "het vertrekpunt is altijd de leefwereld daar ontstaat ervaringskennis en aan de hand",
      },
    ]);
  });

  it("reports a longer copy as one run, and lets 9 shared words pass", () => {
    expect(findCopiedRuns("a", seed, index)).toHaveLength(1);
    expect(findCopiedRuns("a", seed, index)[0]!.words).toBe(normaliseWords(seed).length);
    expect(
      findCopiedRuns(
        "b",
        "het vertrekpunt is altijd de leefwereld daar ontstaat ervaringskennis. Anders verder.",
        index,
      ),
    ).toEqual([]);
  });
});
