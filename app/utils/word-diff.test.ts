import { describe, expect, it } from "vitest";
import { hasChanges, tokenize, wordDiff } from "./word-diff.ts";

const render = (before: string, after: string) =>
  wordDiff(before, after)
    .map((part) => (part.type === "same" ? part.text : part.type === "added" ? `[+${part.text}]` : `[-${part.text}]`))
    .join("");

describe("word diff", () => {
  it("splits into words that carry their following whitespace", () => {
    expect(tokenize("  een  twee\ndrie")).toEqual(["  ", "een  ", "twee\n", "drie"]);
    expect(tokenize("")).toEqual([]);
  });

  it("marks an inserted and a removed word and keeps the rest", () => {
    expect(render("We praten met inwoners.", "We praten elke maand met inwoners.")).toBe(
      "We praten [+elke maand ]met inwoners.",
    );
    expect(render("We praten elke maand met inwoners.", "We praten met inwoners.")).toBe(
      "We praten [-elke maand ]met inwoners.",
    );
  });

  it("shows a replaced word as removed then added", () => {
    expect(render("Start in mei.", "Start in juni.")).toBe("Start in [-mei.][+juni.]");
  });

  it("reads the whole new text when everything changed, and nothing when nothing did", () => {
    const parts = wordDiff("oud", "nieuw");
    expect(parts).toEqual([
      { type: "removed", text: "oud" },
      { type: "added", text: "nieuw" },
    ]);
    expect(hasChanges(wordDiff("gelijk gebleven", "gelijk gebleven"))).toBe(false);
    expect(wordDiff("", "")).toEqual([]);
    expect(render("", "Alles nieuw")).toBe("[+Alles nieuw]");
  });

  it("treats a word that only moved to the next line as unchanged", () => {
    expect(hasChanges(wordDiff("een twee", "een\ntwee"))).toBe(false);
  });

  it("finds the longest common part in the middle of longer texts", () => {
    expect(render("a b c d e f", "a x c d y f")).toBe("a [-b ][+x ]c d [-e ][+y ]f");
  });

  it("falls back to removed-and-added for very long texts without using a huge table", () => {
    const before = Array.from({ length: 2500 }, (_, i) => `w${i}`).join(" ");
    const after = Array.from({ length: 2500 }, (_, i) => `v${i}`).join(" ");
    const parts = wordDiff(before, after);
    expect(parts.map((part) => part.type)).toEqual(["removed", "added"]);
  });
});

describe("word diff on long texts", () => {
  it("keeps the common start and end when the changed middle is too large to search", () => {
    const middleBefore = Array.from({ length: 3000 }, (_, i) => `w${i}`).join(" ");
    const middleAfter = Array.from({ length: 3000 }, (_, i) => `v${i}`).join(" ");
    const parts = wordDiff(`Begin hier. ${middleBefore} Einde.`, `Begin hier. ${middleAfter} Einde.`);
    expect(parts.map((part) => part.type)).toEqual(["same", "removed", "added", "same"]);
    expect(parts[0]!.text).toBe("Begin hier. ");
    expect(parts[3]!.text).toBe("Einde.");
  });

  it("shows a long addition to a short text as added, with the old text unchanged", () => {
    const added = Array.from({ length: 3000 }, (_, i) => `v${i}`).join(" ");
    expect(render("Kort begin.", `Kort begin. ${added}`)).toBe(`Kort begin. [+${added}]`);
  });
});
