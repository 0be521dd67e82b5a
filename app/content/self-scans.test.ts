// The structured self-scans in content/zelfscans/ are valid, follow the seeds' structure, and a broken scan
// is reported (not silently skipped).
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadLibrary } from "./library.server.ts";
import { loadSelfScans } from "./self-scans.server.ts";

const library = loadLibrary();

describe("content/zelfscans", () => {
  it("has the three scans from the seeds, in order, each naming a known source", () => {
    expect(library.selfScans.map((scan) => scan.id)).toEqual([
      "verkenning",
      "randvoorwaarden-en-lemniscaat",
      "participatieladder",
    ]);
    for (const scan of library.selfScans) expect(scan.sourceTitle, scan.id).not.toBe("");
    expect(library.errors.filter((error) => error.file.includes("zelfscans"))).toEqual([]);
  });

  it("asks the exploratory questions on a scale and ends with the go / nog niet / no-go judgement", () => {
    const verkenning = library.selfScans.find((scan) => scan.id === "verkenning")!;
    const questions = verkenning.sections.flatMap((section) => section.questions);
    expect(questions.filter((question) => question.type === "scale").length).toBeGreaterThanOrEqual(10);
    expect(questions.at(-1)?.type).toBe("judgement");
  });

  it("covers the preconditions and every phase of the lemniscaat, and the five rungs of the ladder", () => {
    const randvoorwaarden = library.selfScans.find((scan) => scan.id === "randvoorwaarden-en-lemniscaat")!;
    expect(randvoorwaarden.sections.map((section) => section.questions.length)).toEqual([6, 4]);
    expect(randvoorwaarden.sections[1]!.scale?.minLabel).toBe("Doen we nog niet");
    const ladder = library.selfScans.find((scan) => scan.id === "participatieladder")!;
    const question = ladder.sections
      .flatMap((section) => section.questions)
      .find((candidate) => candidate.type === "ladder");
    expect(question?.type === "ladder" ? question.rungs.map((rung) => rung.id) : []).toEqual([
      "informeren",
      "raadplegen",
      "adviseren",
      "coproduceren",
      "meebeslissen",
    ]);
  });

  it("reports a broken scan: unknown source, duplicate ids, a scale question without a scale", () => {
    const directory = mkdtempSync(path.join(tmpdir(), "zelfscans-"));
    mkdirSync(path.join(directory, "zelfscans"));
    writeFileSync(
      path.join(directory, "zelfscans", "kapot.yaml"),
      [
        "title: Kapot",
        "summary: Een kapotte scan.",
        "order: 1",
        "source: onbekend",
        "sections:",
        "  - id: a",
        "    title: A",
        "    questions:",
        "      - { id: q, type: scale, text: Vraag }",
        "      - { id: q, type: text, text: Nog een vraag }",
      ].join("\n"),
    );
    writeFileSync(path.join(directory, "zelfscans", "Verkeerde naam.yaml"), "title: x");
    const result = loadSelfScans(directory, {}, (file) => path.relative(directory, file));
    const messages = result.errors.map((error) => `${error.file}: ${error.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining("bestandsnaam van een zelfscan"),
        expect.stringContaining('vraag-id "q" komt twee keer voor'),
        expect.stringContaining("een schaalvraag heeft een schaal nodig"),
      ]),
    );
    writeFileSync(
      path.join(directory, "zelfscans", "kapot.yaml"),
      "title: Kapot\nsummary: x\norder: 1\nsource: onbekend\nsections:\n  - id: a\n    title: A\n    questions:\n      - { id: q, type: text, text: Vraag }\n",
    );
    const second = loadSelfScans(directory, {}, (file) => path.relative(directory, file));
    expect(second.errors.map((error) => error.message)).toContain(
      'onbekende bron "onbekend" (zie content/bronnen.yaml)',
    );
  });
});
