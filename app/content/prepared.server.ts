// Prepares a Markdoc content tree for rendering: see app/content/prepared.ts. Once per tree (a lesson of the
// library is the same object on every request; a tree read again, e.g. with CONTENT_CACHE=off, is a new
// object and is prepared anew), so what is kept can never be another version's. The result holds nothing
// per viewer: what differs per viewer comes from the components, rendered per request.
import Markdoc, { type RenderableTreeNode } from "@markdoc/markdoc";
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { keptPerObject } from "~/utils/kept.ts";
import { documentHtml, type PreparedElement, type PreparedNode } from "./prepared.ts";
import { renderPreparedNode, type Sources, sameForEveryViewer } from "./render.tsx";

const prepared = keptPerObject((content: object) => prepare(content as RenderableTreeNode));
const preparedForDocument = keptPerObject((content: object) =>
  keptPerObject((sources: Sources) => withHtmlHidden(prepared(content), sources)),
);

/**
 * The prepared tree, with the HTML of its plain parts. `forDocument` (a document request, see
 * isDocumentNavigation): the same tree whose HTML is there for the server's render but left out of the page
 * data, since the browser takes it from the rendered page while hydrating (PreparedContent in render.tsx).
 * The page data must carry the tree as JSON text made once (keptJsonData), so that the server renders the
 * very objects whose HTML is kept beside them. `sources`: what the lesson's praktijkvoorbeelden name (as
 * LessonContext gives them), the same object every time (kept per object).
 */
export function prepareContent(
  content: RenderableTreeNode,
  { forDocument = false, sources = NO_SOURCES }: { forDocument?: boolean; sources?: Sources } = {},
): PreparedNode {
  if (typeof content !== "object" || content === null) return prepare(content);
  return forDocument ? preparedForDocument(content)(sources) : prepared(content);
}

const NO_SOURCES: Sources = {};

/**
 * A copy of a prepared tree for a document request: each element's HTML (`h`) becomes its number in the
 * tree, and the HTML is kept beside it (documentHtml). React renders it on the server as before (with the
 * number as `data-h`), while the page data leaves it out; the browser takes it from the element with that
 * number. A component that is the same for every viewer (sameForEveryViewer: a callout, a praktijkvoorbeeld)
 * becomes such an element too: the element around it, with everything inside as HTML.
 */
function withHtmlHidden(root: PreparedNode, sources: Sources): PreparedNode {
  let count = 0;
  const copy = (node: PreparedNode): PreparedNode => {
    if (Array.isArray(node)) return node.map(copy);
    if (node === null || typeof node !== "object") return node;
    const shell = sameForEveryViewer[node.t];
    if (shell) {
      const props = { ...node.a, children: renderPreparedNode(node.c ?? []) };
      const { t, a, inner } = shell(props as never, sources);
      const element: PreparedElement = { t, a, h: count++ };
      documentHtml.set(element, renderToStaticMarkup(React.createElement(React.Fragment, null, inner)));
      return element;
    }
    const { h, c, ...rest } = node;
    const element: PreparedElement = rest;
    if (c !== undefined) element.c = c.map(copy);
    if (typeof h === "string") {
      element.h = count++;
      documentHtml.set(element, h);
    }
    return element;
  };
  return copy(root);
}
const isComponent = (name: string) => name[0] !== name[0]!.toLowerCase();

/** A value React renders as is (text, a number) or not at all. */
const isScalar = (value: unknown) => value === null || typeof value !== "object";

/** True when the node holds no component of ours (and no Markdoc tag as an attribute's value). */
function isPlain(node: RenderableTreeNode): boolean {
  if (Array.isArray(node)) return node.every(isPlain);
  if (!Markdoc.Tag.isTag(node)) return isScalar(node);
  if (typeof node.name !== "string" || isComponent(node.name)) return false;
  return Object.values(node.attributes ?? {}).every(isScalar) && node.children.every(isPlain);
}

/** Markdoc's React renderer passes `class` as `className`. */
function attributesOf(tag: InstanceType<typeof Markdoc.Tag>): Record<string, unknown> | undefined {
  const { class: className, ...attributes } = tag.attributes ?? {};
  if (className) attributes.className = className;
  return Object.keys(attributes).length > 0 ? attributes : undefined;
}

function prepare(node: RenderableTreeNode): PreparedNode {
  if (Array.isArray(node)) return node.map(prepare);
  if (!Markdoc.Tag.isTag(node)) {
    if (typeof node === "string" || typeof node === "number") return node;
    return null;
  }
  const element: PreparedElement = { t: node.name };
  const attributes = attributesOf(node);
  if (attributes) element.a = attributes;
  if (node.children.length === 0) return element;
  if (!isComponent(node.name) && isPlain(node)) {
    // React's own HTML for the children (escaping, attribute names, void elements), without hydration marks.
    element.h = renderToStaticMarkup(
      React.createElement(React.Fragment, null, Markdoc.renderers.react(node.children, React)),
    );
  } else element.c = node.children.map(prepare);
  return element;
}
