// A lesson's content for the page, with the parts that never change rendered to HTML once (issue 18).
// A transformed Markdoc tree is rendered by React on the server and again on the client when the page
// hydrates, and the whole tree travels in the loader data. Most of a lesson is plain markup (paragraphs,
// lists, headings); only our tags (Zelfscan, Reflectie, Opdracht, …) are React components that read the
// viewer's data or hold a form. So every element whose subtree holds no component is kept as one
// "StaticHtml" node: the same element, with its inner HTML rendered by Markdoc's HTML renderer. React then
// renders it with dangerouslySetInnerHTML (the same DOM, no wrapper element), and the components keep
// working as before. Content is immutable per process, so the result is kept per transformed tree.
import Markdoc, { type RenderableTreeNode } from "@markdoc/markdoc";

const { Tag } = Markdoc;

/** Elements that cannot have content (React refuses dangerouslySetInnerHTML on them). */
const VOID_ELEMENTS = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);

const isComponent = (name: string) => name.length > 0 && name[0] !== name[0]!.toLowerCase();

/** Whether the node and everything in it is plain markup (no component, nothing but strings and tags). */
function isStatic(node: RenderableTreeNode): boolean {
  if (node === null || typeof node !== "object") return true;
  if (Array.isArray(node)) return node.every(isStatic);
  if (!Tag.isTag(node)) return false;
  if (typeof node.name !== "string" || isComponent(node.name)) return false;
  for (const value of Object.values(node.attributes ?? {}))
    if (value !== null && typeof value === "object") return false;
  return node.children.every(isStatic);
}

function withStaticParts(node: RenderableTreeNode): RenderableTreeNode {
  if (node === null || typeof node !== "object" || !Tag.isTag(node)) return node;
  const name = typeof node.name === "string" ? node.name : "";
  if (
    name &&
    !isComponent(name) &&
    !VOID_ELEMENTS.has(name) &&
    node.children.length > 0 &&
    node.children.some((child) => Tag.isTag(child)) &&
    isStatic(node)
  ) {
    // React's names for the attributes, as Markdoc's React renderer gives them.
    const { class: className, ...attributes } = node.attributes ?? {};
    if (className) attributes.className = className;
    return new Tag("StaticHtml", { tag: name, attributes, html: Markdoc.renderers.html(node.children) }, []);
  }
  return new Tag(node.name, node.attributes, node.children.map(withStaticParts));
}

const cache = new WeakMap<object, RenderableTreeNode>();

/** The tree with its component-free elements as StaticHtml nodes (see above); kept per tree. */
export function withStaticHtml(content: RenderableTreeNode): RenderableTreeNode {
  if (!Tag.isTag(content)) return content;
  let kept = cache.get(content);
  if (kept === undefined) {
    kept = withStaticParts(content);
    cache.set(content, kept);
  }
  return kept;
}
