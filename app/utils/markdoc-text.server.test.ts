import Markdoc from "@markdoc/markdoc";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkdocText } from "~/components/markdoc-text.tsx";
import { renderText, serializedText } from "./markdoc-text.server.ts";

const html = (source: string) => Markdoc.renderers.html(renderText(source));

describe("agenda text (plain text or Markdoc)", () => {
  it("renders plain text as paragraphs and Markdoc lists and emphasis", () => {
    expect(html("Ontvangst met lunch.\n\nKennismaking.")).toBe(
      "<article><p>Ontvangst met lunch.</p><p>Kennismaking.</p></article>",
    );
    expect(html("- **12:30** lunch\n- 13:00 start")).toBe(
      "<article><ul><li><strong>12:30</strong> lunch</li><li>13:00 start</li></ul></article>",
    );
  });

  it("never lets HTML or script through", () => {
    const out = html('<script>alert(1)</script> <img src=x onerror="alert(1)">');
    expect(out).not.toContain("<script");
    expect(out).not.toContain("<img");
    expect(out).toContain("&lt;script&gt;");
  });

  it("keeps only http(s) and mailto links; images become their description; headings become bold text", () => {
    expect(html("[site](https://movisie.nl)")).toContain('<a href="https://movisie.nl">site</a>');
    expect(html("[klik](javascript:alert(1))")).not.toContain("href");
    expect(html("[bestand](ftp://x.test/a)")).toBe("<article><p>bestand</p></article>");
    expect(html("![Kaart van Utrecht](https://x.test/kaart.png)")).toBe("<article><p>Kaart van Utrecht</p></article>");
    expect(html("# Programma")).toBe("<article><p><strong>Programma</strong></p></article>");
  });

  it("drops unknown tags", () => {
    expect(html("Voor {% geheim %}niets{% /geheim %} na")).not.toContain("niets");
  });
});

describe("the browser-side renderer", () => {
  const react = (tree: unknown) => renderToStaticMarkup(createElement(MarkdocText, { tree }));

  it("renders the tree as it travels to the browser (JSON), the same as Markdoc's own renderer", () => {
    const source = "Welkom.\n\n1. **Lunch**\n2. [Programma](https://movisie.nl)\n\n---\n\n`code`";
    const tree = JSON.parse(JSON.stringify(renderText(source)));
    // React writes void elements as <hr/>, Markdoc's HTML renderer as <hr>.
    expect(react(tree).replaceAll("<hr/>", "<hr>")).toBe(
      `<div class="rich-text">${Markdoc.renderers.html(renderText(source))}</div>`,
    );
  });

  it("shows a tree sent as one JSON string (serializedText) the same as the tree itself, again from the kept elements", () => {
    const source = "Mooi werk.\n\n- **Eén**\n- [Twee](https://movisie.nl)";
    const serialized = serializedText(source);
    expect(JSON.parse(serialized.json)).toEqual(JSON.parse(JSON.stringify(renderText(source))));
    expect(serializedText(source)).toBe(serialized);
    const expected = react(JSON.parse(JSON.stringify(renderText(source))));
    expect(react(serialized)).toBe(expected);
    expect(react({ json: serialized.json })).toBe(expected);
  });

  it("creates no element outside its allow-list and no unsafe link, whatever the tree says", () => {
    const hostile = {
      $$mdtype: "Tag",
      name: "article",
      attributes: {},
      children: [
        { $$mdtype: "Tag", name: "script", attributes: {}, children: ["alert(1)"] },
        { $$mdtype: "Tag", name: "a", attributes: { href: "javascript:alert(1)", onclick: "x" }, children: ["klik"] },
        { $$mdtype: "Tag", name: "img", attributes: { src: "x", onerror: "alert(1)" }, children: [] },
      ],
    };
    expect(react(hostile)).toBe('<div class="rich-text"><article>alert(1)<a>klik</a></article></div>');
  });
});
