// The lesson body's plain markup, rendered to HTML once (static-html.server.ts), gives the same markup as
// React rendering the tree, and the interactive tags stay components.
import Markdoc, { type RenderableTreeNode, type Tag } from "@markdoc/markdoc";
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { getLibrary } from "./library.server.ts";
import { withStaticHtml } from "./static-html.server.ts";

const isTag = (node: RenderableTreeNode): node is Tag => Markdoc.Tag.isTag(node);
/** React escapes ' in text, Markdoc's HTML renderer does not; the browser reads both the same. */
const normal = (html: string) => html.replaceAll("&#x27;", "'");

/** Walks the original tree and the one with StaticHtml nodes side by side. */
function compare(
  original: RenderableTreeNode,
  split: RenderableTreeNode,
  seen: { staticNodes: number; names: Set<string> },
) {
  if (!isTag(original) || !isTag(split)) {
    expect(split).toEqual(original);
    return;
  }
  if (split.name === "StaticHtml" && original.name !== "StaticHtml") {
    seen.staticNodes++;
    const { tag, attributes, html } = split.attributes as { tag: string; attributes: object; html: string };
    const viaReact = renderToStaticMarkup(Markdoc.renderers.react(original, React) as React.ReactElement);
    const viaHtml = renderToStaticMarkup(
      React.createElement(tag, { ...attributes, dangerouslySetInnerHTML: { __html: html } }),
    );
    expect(normal(viaHtml)).toBe(normal(viaReact));
    return;
  }
  expect(split.name).toBe(original.name);
  expect(split.attributes).toEqual(original.attributes);
  seen.names.add(String(split.name));
  expect(split.children.length).toBe(original.children.length);
  for (const [index, child] of original.children.entries()) compare(child, split.children[index]!, seen);
}

describe("lesson content with plain markup as HTML", () => {
  it("renders the same markup for every lesson and keeps the components", () => {
    const seen = { staticNodes: 0, names: new Set<string>() };
    for (const lesson of getLibrary().lessons.values()) {
      const split = withStaticHtml(lesson.content);
      expect(withStaticHtml(lesson.content)).toBe(split); // made once per lesson
      compare(lesson.content, split, seen);
    }
    expect(seen.staticNodes).toBeGreaterThan(100);
    for (const component of ["Zelfscan", "ZelfscanVraag", "Reflectie", "Opdracht", "Lemniscaat"])
      expect(seen.names, component).toContain(component);
  });
});
