import { describe, expect, it } from "vitest";
import { journalToMarkdown } from "./journal-export.ts";

describe("journal export as Markdown", () => {
  it("has every entry with its prompt, meta data and replies, quoted so replies cannot break the layout", () => {
    const markdown = journalToMarkdown({
      author: "Lisa Bakker",
      exportedAt: new Date("2027-04-20T10:00:00Z"),
      entries: [
        {
          title: "",
          body: "Ik merkte dat **inwoners** anders praten.",
          writtenOn: new Date("2027-04-14T00:00:00Z"),
          tags: ["leefwereld", "bijeenkomst 1"],
          audiences: ["DUO", "FACILITATORS"],
          reflectie: { text: "Wat valt je op?", lesson: { title: "Wat is ervaringskennis?" } },
          prompt: null,
          session: { number: 1, title: "Kennismaken" },
          replies: [
            {
              body: "Herkenbaar.\n# Geen kop",
              createdAt: new Date("2027-04-15T08:30:00Z"),
              author: { name: "Marco Jansen" },
            },
          ],
        },
        {
          title: "Privé",
          body: "Alleen voor mij.",
          writtenOn: new Date("2027-04-16T00:00:00Z"),
          tags: [],
          audiences: [],
          reflectie: null,
          prompt: { text: "Wat heb je gemerkt?" },
          session: null,
          replies: [],
        },
      ],
    });
    expect(markdown).toContain("# Reflectiejournaal van Lisa Bakker");
    expect(markdown).toContain("2 stukken, met reacties.");
    expect(markdown).toContain("## Journaalstuk van woensdag 14 april 2027");
    expect(markdown).toContain("- Gedeeld met: Mijn duopartner en de begeleiders van mijn leernetwerk");
    expect(markdown).toContain("- Labels: leefwereld, bijeenkomst 1");
    expect(markdown).toContain('Reflectievraag (les "Wat is ervaringskennis?"):\n\n> Wat valt je op?');
    expect(markdown).toContain("Ik merkte dat **inwoners** anders praten.");
    expect(markdown).toContain("**Marco Jansen**, 15 apr 2027, 10:30:\n\n> Herkenbaar.\n> # Geen kop");
    expect(markdown).toContain("## Privé");
    expect(markdown).toContain("Vraag van je begeleider:\n\n> Wat heb je gemerkt?");
  });
});
