import Markdoc from "@markdoc/markdoc";
import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { MarkdocContent } from "./render.tsx";
import { instructionProblems, renderInstructions, serializedInstructions } from "./assignment-text.server.ts";

const html = (source: string) => Markdoc.renderers.html(renderInstructions(source));

describe("assignment instructions (Markdoc by coordinators)", () => {
  it("keeps links to the platform's own pages, http(s) and mailto, and nothing else", () => {
    expect(html("Lees [de les](/leren/ontsluiten/wat-is-ervaringskennis) eerst.")).toContain(
      '<a href="/leren/ontsluiten/wat-is-ervaringskennis">de les</a>',
    );
    expect(html("[Movisie](https://www.movisie.nl)")).toContain('<a href="https://www.movisie.nl">Movisie</a>');
    expect(html("[klik](javascript:alert(1))")).not.toContain("href");
    // A protocol-relative address leaves the platform: only the text stays.
    expect(html("[elders](//evil.test/x)")).not.toContain("href");
  });

  it("shows headings as bold text and images as their description", () => {
    expect(html("## Stap 1")).toContain("<p><strong>Stap 1</strong></p>");
    expect(html("![Schema van de lemniscaat](https://x.test/a.png)")).toContain("Schema van de lemniscaat");
    expect(html("![Schema](https://x.test/a.png)")).not.toContain("<img");
  });

  it("reports a broken tag, and nothing for plain text", () => {
    expect(instructionProblems("Goed.\n\n{% callout %}\nNiet gesloten")).not.toEqual([]);
    expect(instructionProblems("Gewoon tekst met **nadruk**.")).toEqual([]);
  });

  it("never puts a callout written on one line inside a paragraph (invalid HTML: React hydration error #418)", () => {
    const tree = renderInstructions(
      'Wie ontbreekt er nog?\n\n{% callout type="tip" %}Een foto is ook goed.{% /callout %}',
    );
    const paragraphs: unknown[] = [];
    const walk = (node: unknown, insideP: boolean) => {
      if (!Markdoc.Tag.isTag(node)) return;
      if (insideP && node.name === "Callout") paragraphs.push(node);
      for (const child of node.children) walk(child, insideP || node.name === "p");
    };
    walk(tree, false);
    expect(paragraphs).toEqual([]);
    const text = JSON.stringify(tree);
    expect(text).toContain("Een foto is ook goed.");
    expect(text).toContain("Wie ontbreekt er nog?");
    // Text on the same line as the tag stays, in a paragraph of its own.
    const mixed = JSON.stringify(
      renderInstructions('Let op: {% callout type="tip" %}Kort.{% /callout %} Daarna verder.'),
    );
    expect(mixed).toContain("Let op:");
    expect(mixed).toContain("Daarna verder.");
  });
});

describe("instructions sent as one JSON string", () => {
  it("are the same tree, and show the same as the tree itself", () => {
    const source = "Lees [de les](/leren/x) eerst.\n\n1. **Kijk**\n2. Schrijf";
    const serialized = serializedInstructions(source);
    expect(JSON.parse(serialized.json)).toEqual(JSON.parse(JSON.stringify(renderInstructions(source))));
    const show = (content: Parameters<typeof MarkdocContent>[0]["content"]) =>
      renderToStaticMarkup(createElement(MarkdocContent, { content }));
    expect(show(serialized)).toBe(show(JSON.parse(JSON.stringify(renderInstructions(source)))));
    expect(show({ json: serialized.json })).toBe(show(serialized));
  });
});
