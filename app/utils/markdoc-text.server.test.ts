import Markdoc from "@markdoc/markdoc";
import { describe, expect, it } from "vitest";
import { renderText } from "./markdoc-text.server.ts";

const html = (source: string) => Markdoc.renderers.html(renderText(source));

describe("agenda text (plain text or Markdoc)", () => {
  it("renders plain text as paragraphs and Markdoc lists and emphasis", () => {
    expect(html("Ontvangst met lunch.\n\nKennismaking.")).toBe("<article><p>Ontvangst met lunch.</p><p>Kennismaking.</p></article>");
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
