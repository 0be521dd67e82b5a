// Every content file is valid: Markdoc with our schema, frontmatter, links and ids resolve, no duplicate
// ids, lessons of 5–15 minutes, and no run of 10 or more words copied from a seed publication.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
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
    expect(library.glossary?.termIds).toEqual(
      expect.arrayContaining(["ervaringskennis", "leefwereld", "systeemwereld", "lemniscaat", "kwartiermaken"]),
    );
    // "Focusgroep" came from no source and no lesson used it.
    expect(library.glossary?.termIds).not.toContain("focusgroep");
  });

  it("says where a lesson explains more than its source, and spells as the Woordenlijst does", () => {
    const texts = readContentFiles();
    // The Participatiewet factsheet only names the ladder's rungs; what each means is ours.
    expect(texts.get("participatiewet/02-participatieladder.md")).toContain("toelichting van dit leernetwerk");
    expect(texts.get("begrippen.md")).toMatch(/participatieladder[\s\S]*toelichting van dit leernetwerk/i);
    for (const [file, text] of texts) {
      expect(text, file).not.toMatch(/mede-onderzoeker/i);
      expect(text, file).not.toMatch(/\bde PR\b/);
    }
  });
});

function readContentFiles(): Map<string, string> {
  const root = path.resolve(import.meta.dirname, "../../content");
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith(".md")) files.set(path.relative(root, full), readFileSync(full, "utf8"));
    }
  };
  walk(root);
  return files;
}

describe("content/intervisie (methods)", () => {
  const { methods } = checkContent();

  it("has the incidentmethode, the Balintmethode, a roddelmethode variant and an open round, each with timed steps", () => {
    expect(methods.errors).toEqual([]);
    expect(methods.methods.map((method) => method.slug)).toEqual([
      "incidentmethode",
      "balintmethode",
      "roddelmethode",
      "open-ronde",
    ]);
    for (const method of methods.methods) {
      expect(method.steps.length, method.slug).toBeGreaterThanOrEqual(4);
      for (const step of method.steps) expect(step.minutes * 60, `${method.slug}: ${step.name}`).toBeGreaterThan(0);
      expect(method.minutes).toBe(method.steps.reduce((sum, step) => sum + step.minutes, 0));
      expect(method.sources.length).toBeGreaterThan(0);
      // The handreiking gives only the frame and themes: each method says where it comes from, and that the
      // description is the platform's own.
      expect(method.origin, method.slug).toMatch(/eigen (uitwerking|werkvorm) van dit leernetwerk/);
    }
  });

  it("reports a broken method file in Dutch", async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, cpSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const root = mkdtempSync(path.join(tmpdir(), "methods-"));
    const dir = path.join(root, "content");
    mkdirSync(path.join(dir, "intervisie"), { recursive: true });
    cpSync(path.resolve("content/bronnen.yaml"), path.join(dir, "bronnen.yaml"));
    writeFileSync(
      path.join(dir, "intervisie", "kapot.md"),
      "---\ntitle: Kapot\nsummary: x\norder: 1\nsources: [onbekend]\nsteps:\n  - name: Een\n    minutes: 0\n    inbrenger: a\n    groep: b\n---\nTekst\n",
    );
    const { loadMethods } = await import("./methods.server.ts");
    const result = loadMethods(new Set(["movisie-ervaringskennis-in-beleid"]), dir);
    expect(result.errors.map((error) => error.message)).toEqual(
      expect.arrayContaining([
        "steps.0.minutes: een stap duurt minstens 1 minuut",
        "steps: een methode heeft minstens 2 stappen",
      ]),
    );
  });
});
