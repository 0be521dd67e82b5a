// The library's validation gives clear errors for every kind of authoring mistake. Each case writes a small
// content folder to a temporary directory and loads it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadLibrary } from "./library.server.ts";

const dirs: string[] = [];
afterEach(() =>
  dirs.splice(0).forEach((dir) => {
    rmSync(dir, { recursive: true, force: true });
  }),
);

const lessonFrontmatter = (extra = "") => `---
title: Een les
summary: Waar de les over gaat.
module: proef
order: 1
minutes: 6
sources: [bron-a]
${extra}---
`;

function library(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), "leernetwerk-content-"));
  dirs.push(dir);
  const all: Record<string, string> = {
    "bronnen.yaml": "bron-a:\n  title: Een publicatie\n  author: Movisie\n  year: '2024'\n",
    "proef/module.md": "---\ntitle: Proefmodule\nsummary: Om te testen.\norder: 1\n---\nInleiding.\n",
    "begrippen.md": "---\ntitle: Begrippen\nsummary: Woorden.\n---\n## Leefwereld {% #leefwereld %}\nUitleg.\n",
    ...files,
  };
  for (const [name, text] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return loadLibrary(dir);
}

const messages = (lib: ReturnType<typeof library>) =>
  lib.errors.map((error) => `${error.file}:${error.line ?? ""} ${error.message}`);

describe("content library validation", () => {
  it("accepts a valid lesson and derives its id, toc, tags and neighbours", () => {
    const lib = library({
      "proef/01-eerste-les.md": `${lessonFrontmatter()}
## Deel een
Zie [leefwereld](/leren/begrippen#leefwereld) en [de module](/leren/proef).

{% reflectie id="proef-vraag" %}Wat merk je?{% /reflectie %}

{% zelfscan id="proef-scan" title="Scan" %}
Kort.

{% vraag id="a" %}Eerste vraag?{% /vraag %}
{% vraag id="b" %}Tweede vraag?{% /vraag %}
{% /zelfscan %}

{% lemniscaat fase="vertalen" /%}
`,
    });
    expect(messages(lib)).toEqual([]);
    const lesson = lib.lessons.get("proef/eerste-les")!;
    expect(lesson.toc).toEqual([{ id: "deel-een", title: "Deel een", level: 2 }]);
    expect(lesson.reflecties).toEqual([{ id: "proef-vraag", text: "Wat merk je?" }]);
    expect(lesson.zelfscans).toEqual([
      {
        id: "proef-scan",
        title: "Scan",
        questions: [
          { id: "a", text: "Eerste vraag?" },
          { id: "b", text: "Tweede vraag?" },
        ],
      },
    ]);
  });

  it("rejects bad frontmatter with a message per field", () => {
    const lib = library({
      "proef/01-les.md": "---\ntitle: Les\nmodule: proef\norder: 1\nminutes: 30\nsources: []\n---\nTekst.\n",
    });
    expect(messages(lib)).toEqual(
      expect.arrayContaining([
        expect.stringContaining("summary: summary is verplicht"),
        expect.stringContaining("minutes: een les duurt hoogstens 15 minuten"),
        expect.stringContaining("sources: noem minstens één bron"),
      ]),
    );
  });

  it("rejects wrong tag attributes: callout type, lemniscaat phase, missing or malformed ids", () => {
    const lib = library({
      "proef/01-les.md": `${lessonFrontmatter()}
{% callout type="waarschuwing" %}Tekst.{% /callout %}

{% lemniscaat fase="fase-5" /%}

{% reflectie %}Zonder id.{% /reflectie %}

{% opdracht id="Met Hoofdletters" title="Opdracht" %}Doe iets.{% /opdracht %}

{% onbekend %}Wat is dit?{% /onbekend %}
`,
    });
    const text = messages(lib).join("\n");
    // Line numbers count from the top of the file, frontmatter included.
    expect(text).toContain(
      'proef/01-les.md:10 attribuut type="waarschuwing" is niet toegestaan; kies uit ["tip","let-op","voorbeeld"]',
    );
    expect(text).toContain('proef/01-les.md:12 attribuut fase="fase-5" is niet toegestaan');
    expect(text).toContain("proef/01-les.md:14 verplicht attribuut id ontbreekt");
    expect(text).toContain('id "Met Hoofdletters" van {% opdracht %} mag alleen kleine letters');
    expect(text).toContain("proef/01-les.md:18 onbekende tag {% onbekend %}");
  });

  it("rejects a zelfscan without questions, with duplicate question ids, or with other tags inside", () => {
    const lib = library({
      "proef/01-les.md": `${lessonFrontmatter()}
{% zelfscan id="leeg" title="Leeg" %}
Alleen tekst.
{% /zelfscan %}

{% zelfscan id="dubbel" title="Dubbel" %}
{% vraag id="x" %}Een?{% /vraag %}
{% vraag id="x" %}Twee?{% /vraag %}
{% reflectie id="binnen" %}Mag niet.{% /reflectie %}
{% /zelfscan %}
`,
    });
    const text = messages(lib).join("\n");
    expect(text).toContain('zelfscan "leeg" heeft geen {% vraag %}');
    expect(text).toContain('vraag-id "x" komt twee keer voor in zelfscan "dubbel"');
    expect(text).toContain("in een zelfscan mag alleen {% vraag %} staan, niet {% reflectie %}");
  });

  it("rejects duplicate ids across files, broken links, unknown sources and a wrong module", () => {
    const lib = library({
      "proef/01-een.md": `${lessonFrontmatter()}
{% reflectie id="zelfde" %}Een.{% /reflectie %}
[kapot](/leren/proef/bestaat-niet) [begrip](/leren/begrippen#onbekend) [anker](/leren/proef/twee#nergens) [elders](/account)

{% praktijkvoorbeeld title="Voorbeeld" setting="Ergens" source="bron-x" %}Verhaal.{% /praktijkvoorbeeld %}
`,
      "proef/02-twee.md": `${lessonFrontmatter().replace("order: 1", "order: 2").replace("module: proef", "module: andere")}\n{% reflectie id="zelfde" %}Twee.{% /reflectie %}\n`,
    });
    const text = messages(lib).join("\n");
    expect(text).toContain('reflectie-id "zelfde" bestaat al (in');
    expect(text).toContain('link "/leren/proef/bestaat-niet" leidt naar een pagina die niet bestaat');
    expect(text).toContain('begrip "onbekend" staat niet in content/begrippen.md');
    expect(text).toContain('link "/leren/proef/twee#nergens" leidt naar een pagina die niet bestaat');
    expect(text).toContain('link "/account": gebruik /leren/');
    expect(text).toContain('onbekende bron "bron-x"');
    expect(text).toContain('module: "andere" moet "proef" zijn (de map)');
  });

  it("rejects badly named files and duplicate heading ids", () => {
    const lib = library({
      "proef/les-zonder-nummer.md": lessonFrontmatter(),
      "proef/01-les.md": `${lessonFrontmatter()}\n## Zelfde kop\nA.\n\n## Zelfde kop\nB.\n`,
    });
    const text = messages(lib).join("\n");
    expect(text).toContain("bestandsnaam van een les: NN-naam-van-de-les.md");
    expect(text).toContain('twee koppen met dezelfde id "zelfde-kop"');
  });
});
