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

export function MarkdocText({ tree }: { tree: unknown }) {
  return <div className="rich-text">{render(tree, "root")}</div>;
}
