// A part rendered once (app/components/prerendered.tsx) gives the page the HTML React renders for it in place,
// so the browser hydrates it unchanged; a part that cannot be rendered on its own is rendered with the page.
import * as React from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { Link } from "./link.tsx";
import { Prerendered, prerenderedHtml } from "./prerendered.tsx";
import { prerender } from "./prerendered.server.ts";

const h = React.createElement;

/** A part like a lesson's breadcrumbs: links, texts next to each other (React marks them), a keyed list. */
function breadcrumbs(position: number) {
  return h(
    React.Fragment,
    null,
    h(Link, { to: "/leren" }, "Leren"),
    " ",
    h("span", { "aria-hidden": "true" }, "›"),
    " Les ",
    position,
    " van ",
    3,
    h(
      "ul",
      null,
      ["een", "twee"].map((item) => h("li", { key: item }, h("a", { href: `#${item}` }, item, " & meer"))),
    ),
  );
}

describe("Prerendered", () => {
  it("puts the part's kept HTML in its element: the same HTML as the part rendered in place", () => {
    const part = breadcrumbs(2);
    prerender([part]);
    expect(prerenderedHtml.has(part)).toBe(true);

    const once = renderToString(
      h(Prerendered, { as: "nav", "aria-label": "Kruimelpad", className: "x", children: part }),
    );
    const inPlace = renderToString(h("nav", { "aria-label": "Kruimelpad", className: "x" }, part));
    expect(once).toBe(inPlace);
    expect(once).toContain('<a data-discover="true" href="/leren">Leren</a>');
    expect(once).toContain("Les <!-- -->2<!-- --> van <!-- -->3");
  });

  it("renders from the kept HTML, not the part, once it is kept", () => {
    const part = breadcrumbs(1);
    prerenderedHtml.set(part, "<b>eerder gemaakt</b>");
    expect(renderToString(h(Prerendered, { as: "section", children: part }))).toBe(
      "<section><b>eerder gemaakt</b></section>",
    );
  });

  it("renders the part itself when nothing was kept for it", () => {
    const part = breadcrumbs(3);
    expect(renderToString(h(Prerendered, { as: "nav", children: part }))).toBe(renderToString(h("nav", null, part)));
  });

  it("keeps nothing for a part that needs the page around it (a Link outside the router), and goes on", () => {
    // React reports the failed render on the console; here that is expected (the set-up fails on any other).
    const logged: unknown[][] = [];
    vi.mocked(console.error).mockImplementation((...args: unknown[]) => void logged.push(args));
    const needsRouter = h(Link, { to: "verder" }, "Verder"); // relative: Remix's Link, which needs the router
    const plain = breadcrumbs(1);
    prerender([needsRouter, null, plain]);
    expect(logged.length).toBeLessThanOrEqual(1);
    expect(prerenderedHtml.has(needsRouter)).toBe(false);
    expect(prerenderedHtml.has(plain)).toBe(true);
  });
});
