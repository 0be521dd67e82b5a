import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { aantal, woord } from "./plural.ts";

describe("counts in plain Dutch", () => {
  it("uses the singular for exactly one and the plural otherwise", () => {
    expect(aantal(1, "uitnodiging", "uitnodigingen")).toBe("1 uitnodiging");
    expect(aantal(2, "uitnodiging", "uitnodigingen")).toBe("2 uitnodigingen");
    expect(aantal(0, "e-mail", "e-mails")).toBe("0 e-mails");
    expect(woord(1, "kon", "konden")).toBe("kon");
    expect(woord(3, "kon", "konden")).toBe("konden");
  });

  it('leaves no "(en)", "(s)", "(n)" or "(sen)" count in the app\'s texts', () => {
    const root = path.resolve(import.meta.dirname, "..");
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (name === "generated") continue;
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) files.push(full);
      }
    };
    walk(root);
    // A Dutch word with a bracketed plural ending: uitnodiging(en), e-mail(s), gemeente(n), deelnemer(s),
    // casus(sen).
    const bracketed = /\p{L}\((?:en|s|n|sen)\)/gu;
    const found = files.flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, index) => {
          if (/^\s*(\/\/|\*|\/\*)/.test(line)) return []; // comments are for developers
          const hits = [...line.matchAll(bracketed)].filter(
            (hit) => !/https?\(s\)|\bcase\(s\)/.test(line.slice(hit.index! - 6, hit.index! + 4)),
          );
          return hits.length ? [`${path.relative(root, file)}:${index + 1}: ${line.trim()}`] : [];
        }),
    );
    expect(found).toEqual([]);
  });
});
