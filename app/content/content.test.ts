// Every content file is valid: Markdoc with our schema, frontmatter, links and ids resolve, no duplicate
// ids, lessons of 5–15 minutes, and no run of 10 or more words copied from a seed publication.
import { describe, expect, it } from "vitest";
import { checkContent } from "./check.ts";
import { lemniscaatPhases } from "./tags/lemniscaat.ts";

const { library, errors, copied } = checkContent();

describe("content/", () => {
  it("passes validation (Markdoc schema, frontmatter, links, ids)", () => {
    expect(errors.map((error) => `${error.file}:${error.line ?? ""} ${error.message}`)).toEqual([]);
  });

  it("copies no run of 10 or more consecutive words from any seed", () => {
    expect(copied.map((run) => `${run.file}: "${run.text}"`)).toEqual([]);
  });

  it("has every module of the content map, in order, each split into lessons", () => {
    expect(library.modules.map((module) => module.slug)).toEqual([
      "de-basis",
      "voorafgaand-aan-de-lemniscaat",
      "de-lemniscaat",
      "ontsluiten",
      "vertalen",
      "beleid-en-uitvoering-aanpassen",
      "evalueren-en-terugkoppelen",
      "samenwerken",
      "kwartiermaken",
      "participatiewet",
      "tien-tips-en-rollen",
    ]);
    for (const module of library.modules) expect(module.lessons.length, module.slug).toBeGreaterThan(0);
  });

  it("keeps lessons readable in 5–15 minutes (about 130 words a minute)", () => {
    for (const lesson of library.lessons.values()) {
      expect(lesson.words, lesson.id).toBeGreaterThanOrEqual(400);
      expect(lesson.words, lesson.id).toBeLessThanOrEqual(15 * 130);
    }
  });

  it("names a source for every lesson and uses every kind of tag", () => {
    const lessons = [...library.lessons.values()];
    for (const lesson of lessons) expect(lesson.sources.length, lesson.id).toBeGreaterThan(0);
    expect(lessons.every((lesson) => lesson.reflecties.length > 0)).toBe(true);
    expect(lessons.some((lesson) => lesson.opdrachten.length > 0)).toBe(true);
    expect(lessons.some((lesson) => lesson.zelfscans.length > 0)).toBe(true);
    const text = JSON.stringify(lessons.map((lesson) => lesson.content));
    for (const name of ["Callout", "Praktijkvoorbeeld", "Lemniscaat"]) expect(text).toContain(`"name":"${name}"`);
    // Each phase of the lemniscaat is highlighted in its own module.
    for (const phase of lemniscaatPhases) expect(text).toContain(`"fase":"${phase}"`);
  });

  it("has a glossary whose terms the lessons link to", () => {
    expect(library.glossary?.termIds).toEqual(expect.arrayContaining(["ervaringskennis", "leefwereld", "systeemwereld", "lemniscaat", "kwartiermaken"]));
  });
});
