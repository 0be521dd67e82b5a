// The evaluation forms in content/evaluaties/ are valid (one per kind), a broken form is reported rather than
// skipped, and the pure aggregation keeps to the threshold and reads the form's answers strictly.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { aggregateResponses, answersFromForm } from "~/models/evaluation-results.ts";
import { loadEvaluations } from "./evaluations.server.ts";
import { loadLibrary } from "./library.server.ts";

const library = loadLibrary();

describe("content/evaluaties", () => {
  it("has one valid form per kind, with scale and open questions", () => {
    expect(library.errors.filter((error) => error.file.includes("evaluaties"))).toEqual([]);
    expect(library.evaluations.map((form) => [form.id, form.kind])).toEqual([
      ["bijeenkomst", "session"],
      ["einde", "end"],
    ]);
    for (const form of library.evaluations) {
      expect(form.questions.some((question) => question.type === "scale")).toBe(true);
      expect(form.questions.some((question) => question.type === "open")).toBe(true);
    }
  });

  it("reports a broken form: a wrong scale, a duplicate id, a missing kind", () => {
    const directory = mkdtempSync(path.join(tmpdir(), "evaluaties-"));
    mkdirSync(path.join(directory, "evaluaties"));
    writeFileSync(
      path.join(directory, "evaluaties", "kapot.yaml"),
      [
        "title: Kapot",
        "summary: x",
        "kind: session",
        "scale: { min: 0, max: 5, minLabel: a, maxLabel: b }",
        "questions:",
        "  - { id: q, type: scale, label: Q, text: Vraag }",
      ].join("\n"),
    );
    writeFileSync(
      path.join(directory, "evaluaties", "dubbel.yaml"),
      [
        "title: Dubbel",
        "summary: x",
        "kind: session",
        "scale: { min: 1, max: 5, minLabel: a, maxLabel: b }",
        "questions:",
        "  - { id: q, type: scale, label: Q, text: Vraag }",
        "  - { id: q, type: open, text: Nog een }",
      ].join("\n"),
    );
    const result = loadEvaluations(directory, (file) => path.relative(directory, file));
    const messages = result.errors.map((error) => `${error.file}: ${error.message}`);
    expect(messages.some((message) => message.includes("een schaal begint bij 1"))).toBe(true);
    expect(messages.some((message) => message.includes('vraag-id "q" komt twee keer voor'))).toBe(true);
    expect(messages).toContain("content/evaluaties: er moet precies één evaluatie met kind: session zijn (nu 0)");
    expect(messages).toContain("content/evaluaties: er moet precies één evaluatie met kind: end zijn (nu 0)");
  });
});

describe("evaluation answers and their aggregate", () => {
  const form = library.evaluations.find((candidate) => candidate.kind === "session")!;

  it("needs every scale question, within the scale; open answers are optional and trimmed", () => {
    const { answers, errors } = answersFromForm(form, {
      nuttig: "5",
      beleidswerk: "0",
      ervaringsdeskundigen: "drie",
      waardevol: "  Het gesprek  ",
      beter: "",
    });
    expect(answers).toEqual({ nuttig: 5, waardevol: "Het gesprek" });
    expect(Object.keys(errors).sort()).toEqual(["begeleiding", "beleidswerk", "ervaringsdeskundigen", "uitwisseling"]);
  });

  it("shows nothing below three responses; from three the count, mean, distribution and sorted open answers", () => {
    const two = [
      { nuttig: 5, waardevol: "Zo" },
      { nuttig: 3, waardevol: "Anders" },
    ];
    expect(aggregateResponses(form, two)).toEqual({ shown: false, count: 2 });
    const three = aggregateResponses(form, [...two, { nuttig: 4, waardevol: "Beter" }]);
    expect(three.shown).toBe(true);
    if (!three.shown) return;
    expect(three.scales.find((scale) => scale.id === "nuttig")).toMatchObject({
      count: 3,
      mean: 4,
      distribution: [0, 0, 1, 1, 1],
    });
    expect(three.scales.find((scale) => scale.id === "beleidswerk")).toMatchObject({ count: 0, mean: null });
    expect(three.open.find((question) => question.id === "waardevol")!.answers).toEqual(["Anders", "Beter", "Zo"]);
  });
});
