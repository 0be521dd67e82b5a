// Shows a Markdoc render tree made on the server (see app/utils/markdoc-text.server.ts) as React elements:
// no HTML string is ever injected. A small renderer of our own instead of Markdoc's keeps the Markdoc
// parser (≈150 kB) out of the browser bundle; it only creates elements from an allow-list.
import { createElement, Fragment, type ReactNode } from "react";

const ALLOWED = new Set([
  "article",
  "p",
  "ul",
  "ol",
  "li",
  "strong",
  "em",
  "s",
  "a",
  "code",
  "pre",
  "blockquote",
  "hr",
  "br",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
]);

type TagNode = { $$mdtype: "Tag"; name: string; attributes?: Record<string, unknown>; children?: unknown[] };

function isTag(node: unknown): node is TagNode {
  return typeof node === "object" && node !== null && (node as { $$mdtype?: unknown }).$$mdtype === "Tag";
}

function render(node: unknown, key: number | string): ReactNode {
  if (typeof node === "string" || typeof node === "number") return node;
  if (Array.isArray(node))
    return createElement(
      Fragment,
      { key },
      node.map((child, index) => render(child, index)),
    );
  if (!isTag(node)) return null;
  const children = (node.children ?? []).map((child, index) => render(child, index));
  if (!ALLOWED.has(node.name)) return createElement(Fragment, { key }, children);
  const props: Record<string, string | number> = { key };
  const href = node.attributes?.href;
  if (node.name === "a" && typeof href === "string" && /^(https?:|mailto:)/i.test(href)) props.href = href;
  if (node.name === "ol" && typeof node.attributes?.start === "number") props.start = node.attributes.start;
  return createElement(node.name, props, ...(children.length ? children : []));
}

/** A tree sent as one JSON string (serializedText in app/utils/markdoc-text.server.ts). */
type SerializedTree = { json: string };

function isSerialized(tree: unknown): tree is SerializedTree {
  return (
    typeof tree === "object" &&
    tree !== null &&
    !("$$mdtype" in tree) &&
    typeof (tree as { json?: unknown }).json === "string"
  );
}

// The elements of a serialised tree, per JSON text (the same text gives the same elements; React elements
// are immutable, so they can be shown again). At most MAX_KEPT texts.
const MAX_KEPT = 200;
const renderedTexts = new Map<string, ReactNode>();

function renderSerialized(json: string): ReactNode {
  let node = renderedTexts.get(json);
  if (node === undefined) {
    node = render(JSON.parse(json), "root");
    if (renderedTexts.size >= MAX_KEPT) renderedTexts.delete(renderedTexts.keys().next().value as string);
    renderedTexts.set(json, node);
  }
  return node;
}

export function MarkdocText({ tree }: { tree: unknown }) {
  return <div className="rich-text">{isSerialized(tree) ? renderSerialized(tree.json) : render(tree, "root")}</div>;
}
