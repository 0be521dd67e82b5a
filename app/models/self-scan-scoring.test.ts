import { describe, expect, it } from "vitest";
import { normaliseScan, type SelfScanFile } from "~/content/self-scan-schema.ts";
import {
  aggregateDuos,
  answersFromForm,
  answersToValues,
  changeBetweenMoments,
  combineScores,
  formatDelta,
  formatMeasureValue,
  formatScore,
  MIN_DUOS_FOR_AGGREGATE,
  missingAnswers,
  questionMeasures,
  scanMeasures,
  scoreAnswers,
} from "./self-scan-scoring.ts";

const scale = { min: 1 as const, max: 5, minLabel: "Helemaal niet", maxLabel: "Helemaal wel" };
const file: SelfScanFile = {
  title: "Test",
  summary: "Een scan om te testen.",
  order: 1,
  source: "bron",
  scale,
  sections: [
    {
      id: "a",
      title: "Onderdeel A",
      questions: [
        { id: "a1", type: "scale", text: "Vraag a1" },
        { id: "a2", type: "scale", text: "Vraag a2" },
      ],
    },
    { id: "b", title: "Onderdeel B", questions: [{ id: "b1", type: "scale", text: "Vraag b1" }] },
    {
      id: "c",
      title: "Ladder",
      questions: [
        { id: "onderwerp", type: "text", text: "Onderwerp" },
        {
          id: "trede",
          type: "ladder",
          text: "Trede",
          rungs: [
            { id: "informeren", label: "Informeren", description: "x" },
            { id: "raadplegen", label: "Raadplegen", description: "x" },
            { id: "adviseren", label: "Adviseren", description: "x" },
          ],
        },
      ],
    },
    { id: "d", title: "Oordeel", questions: [{ id: "besluit", type: "judgement", text: "Door?" }] },
  ],
};
const scan = normaliseScan("test", file, "Bron");

describe("self-scan measures", () => {
  it("has one measure per section with scale questions, and now/wanted per ladder question", () => {
    expect(scanMeasures(scan).map((measure) => [measure.key, measure.label, measure.max])).toEqual([
      ["section:a", "Onderdeel A", 5],
      ["section:b", "Onderdeel B", 5],
      ["ladder:trede:now", "Nu", 3],
      ["ladder:trede:wanted", "Gewenst", 3],
    ]);
    expect(questionMeasures(scan).map((measure) => measure.key)).toEqual([
      "a1",
      "a2",
      "b1",
      "trede:now",
      "trede:wanted",
    ]);
  });
});

describe("answersFromForm", () => {
  it("reads every kind of answer, drops empty ones and unknown fields", () => {
    const { answers, errors } = answersFromForm(scan, {
      "a1.value": "4",
      "a1.remark": "  Vooral bij de directie. ",
      "a2.value": "",
      "b1.value": "2",
      "onderwerp.text": "Armoedebeleid",
      "trede.now": "1",
      "trede.wanted": "3",
      "besluit.choice": "nog-niet",
      "besluit.reasons": "Eerst geld regelen.",
      "onbekend.value": "5",
    });
    expect(errors).toEqual({});
    expect(answers).toEqual({
      a1: { value: 4, remark: "Vooral bij de directie." },
      b1: { value: 2 },
      onderwerp: { text: "Armoedebeleid" },
      trede: { now: 1, wanted: 3 },
      besluit: { choice: "nog-niet", reasons: "Eerst geld regelen." },
    });
    expect(answersToValues(answers)).toMatchObject({
      "a1.value": "4",
      "trede.wanted": "3",
      "besluit.choice": "nog-niet",
    });
  });

  it("refuses values outside the scale or ladder, and unknown judgements, with Dutch messages", () => {
    const { answers, errors } = answersFromForm(scan, {
      "a1.value": "6",
      "a2.value": "2.5",
      "trede.now": "4",
      "besluit.choice": "misschien",
    });
    expect(errors["a1.value"]).toEqual(["Kies een waarde van 1 tot en met 5."]);
    expect(errors["a2.value"]).toBeDefined();
    expect(errors["trede.now"]).toEqual(["Kies een waarde van 1 tot en met 3."]);
    expect(errors["besluit.choice"]).toEqual(["Kies go, nog niet of no-go."]);
    expect(answers).toEqual({});
  });

  it("refuses a remark that is too long", () => {
    const { errors } = answersFromForm(scan, { "a1.value": "3", "a1.remark": "x".repeat(2001) });
    expect(errors["a1.remark"]?.[0]).toMatch(/maximaal 2\.000 tekens/);
  });
});

describe("missingAnswers", () => {
  it("lists what must be answered before completing, including the reasons of the judgement", () => {
    expect(
      missingAnswers(scan, { a1: { value: 3 }, trede: { now: 2 }, besluit: { choice: "go" } }).map(
        (item) => item.field,
      ),
    ).toEqual(["a2.value", "b1.value", "onderwerp.text", "trede.wanted", "besluit.reasons"]);
    const complete = {
      a1: { value: 3 },
      a2: { value: 4 },
      b1: { value: 1 },
      onderwerp: { text: "Re-integratie" },
      trede: { now: 1, wanted: 2 },
      besluit: { choice: "go" as const, reasons: "Draagvlak is er." },
    };
    expect(missingAnswers(scan, complete)).toEqual([]);
  });
});

describe("scoring", () => {
  it("averages the scale questions per section, ignoring unanswered ones", () => {
    const score = scoreAnswers(scan, {
      a1: { value: 2 },
      a2: { value: 5 },
      trede: { now: 1, wanted: 3 },
      besluit: { choice: "go" },
    });
    expect(score.measures).toEqual({
      "section:a": 3.5,
      "section:b": null,
      "ladder:trede:now": 1,
      "ladder:trede:wanted": 3,
    });
    expect(score.questions).toMatchObject({ a1: 2, a2: 5, b1: null, "trede:now": 1 });
    expect(score.judgements).toEqual(["go"]);
  });

  it("combines members who answered on their own as the mean per measure", () => {
    const lisa = scoreAnswers(scan, {
      a1: { value: 2 },
      a2: { value: 2 },
      b1: { value: 4 },
      besluit: { choice: "go" },
    });
    const erik = scoreAnswers(scan, { a1: { value: 4 }, a2: { value: 4 }, besluit: { choice: "nog-niet" } });
    const duo = combineScores([lisa, erik])!;
    expect(duo.measures["section:a"]).toBe(3);
    expect(duo.measures["section:b"]).toBe(4); // only Lisa answered b1
    expect(duo.judgements).toEqual(["go", "nog-niet"]);
    expect(combineScores([])).toBeNull();
    // One response is its own score, as the mean of the same response twice.
    for (const one of [lisa, erik]) {
      const twice = combineScores([one, one])!;
      expect(combineScores([one])).toEqual({ ...twice, judgements: one.judgements });
      expect(Object.keys(combineScores([one])!.measures)).toEqual(Object.keys(twice.measures));
    }
  });

  it("gives the change from the first to the last answered moment", () => {
    const intake = scoreAnswers(scan, { a1: { value: 2 }, a2: { value: 2 }, trede: { now: 1, wanted: 3 } });
    const midway = scoreAnswers(scan, { a1: { value: 3 }, a2: { value: 3 } });
    const end = scoreAnswers(scan, {
      a1: { value: 4 },
      a2: { value: 5 },
      b1: { value: 3 },
      trede: { now: 2, wanted: 3 },
    });
    expect(changeBetweenMoments(scan, { INTAKE: intake })).toBeNull();
    const change = changeBetweenMoments(scan, { INTAKE: intake, MIDWAY: midway, END: end })!;
    expect([change.from, change.to]).toEqual(["INTAKE", "END"]);
    expect(change.deltas).toEqual({
      "section:a": 2.5,
      "section:b": null,
      "ladder:trede:now": 1,
      "ladder:trede:wanted": 0,
    });
    expect(changeBetweenMoments(scan, { MIDWAY: midway, END: end })!.deltas["section:a"]).toBe(1.5);
  });
});

describe("anonymised cohort aggregate", () => {
  const duo = (a: number, choice: "go" | "nog-niet" | "no-go") =>
    scoreAnswers(scan, { a1: { value: a }, a2: { value: a }, besluit: { choice } });

  it("shows nothing but the count when fewer than three duos answered", () => {
    expect(MIN_DUOS_FOR_AGGREGATE).toBe(3);
    expect(aggregateDuos([])).toEqual({ shown: false, duoCount: 0 });
    const two = aggregateDuos([duo(1, "go"), duo(5, "no-go")]);
    expect(two).toEqual({ shown: false, duoCount: 2 });
    // No averages, no per-question numbers, no judgements leak in the hidden case.
    expect(Object.keys(two)).toEqual(["shown", "duoCount"]);
  });

  it("averages over the duos from three on, without anything that names a duo", () => {
    const members = combineScores([duo(2, "go"), duo(4, "nog-niet")])!; // a duo whose members disagree
    const aggregate = aggregateDuos([duo(1, "go"), duo(3, "go"), members]);
    expect(aggregate.shown).toBe(true);
    if (!aggregate.shown) return;
    expect(aggregate.duoCount).toBe(3);
    expect(aggregate.measures["section:a"]).toBeCloseTo((1 + 3 + 3) / 3);
    expect(aggregate.questions.a1).toBeCloseTo(7 / 3);
    expect(aggregate.judgements).toEqual({ go: 2, "nog-niet": 0, "no-go": 0, verdeeld: 1 });
  });
});

describe("formatting", () => {
  it("writes numbers the Dutch way with a real minus sign", () => {
    expect(formatScore(3.25)).toBe("3,3");
    expect(formatScore(null)).toBe("–");
    expect(formatDelta(0.84)).toBe("+0,8");
    expect(formatDelta(-0.26)).toBe("−0,3");
    expect(formatDelta(0.01)).toBe("0,0");
    expect(formatMeasureValue({ rungs: ["Informeren", "Raadplegen"] }, 2)).toBe("2 · Raadplegen");
    expect(formatMeasureValue({ rungs: ["Informeren", "Raadplegen"] }, 1.5)).toBe("1,5");
  });
});
