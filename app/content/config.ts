// The Markdoc configuration of the course content: our tags, and headings that carry ids (for the table
// of contents and for links to a part of a page).
import Markdoc, {
  type Config,
  type Node,
  type RenderableTreeNode,
  type RenderableTreeNodes,
  type Schema,
} from "@markdoc/markdoc";
import * as tags from "./tags/index.ts";

const { Tag } = Markdoc;

export function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** The text of a Markdoc AST node (and its descendants), without markup. */
export function textOf(node: Node): string {
  let text = "";
  for (const child of node.walk()) {
    if (child.type === "text" && typeof child.attributes.content === "string") text += child.attributes.content;
    else if (child.type === "softbreak" || child.type === "hardbreak") text += " ";
  }
  return text.replace(/\s+/g, " ").trim();
}

const heading: Schema = {
  children: ["inline"],
  attributes: {
    id: { type: String },
    level: { type: Number, required: true, default: 1 },
  },
  transform(node: Node, config: Config): RenderableTreeNode {
    const { level: _level, id: givenId, ...attributes } = node.transformAttributes(config);
    const children = node.transformChildren(config);
    const id = (givenId as string | undefined) ?? slugify(textOf(node));
    return new Tag(`h${node.attributes.level as number}`, { ...attributes, id }, children);
  },
};

/** Our transforms are synchronous (no async tag or function in this configuration). */
const sync = (nodes: unknown) => nodes as RenderableTreeNodes;

/** Our tags render as blocks (a <div>, <aside>, <figure>, …), never inside a paragraph. */
const blockTags = new Set(Object.keys(tags));

/**
 * A tag written on one line with text (`{% callout %}…{% /callout %}`) is inline to Markdoc, so the default
 * paragraph would wrap the tag's box in a <p>. That is invalid HTML: the browser closes the <p> before the
 * box, so React's tree no longer matches the server's HTML (a hydration error, #418). The block tags are
 * taken out of the paragraph; the text around them stays in paragraphs of its own.
 */
const paragraph: Schema = {
  ...Markdoc.nodes.paragraph,
  transform(node: Node, config: Config): RenderableTreeNode | RenderableTreeNode[] {
    const inline = node.children.flatMap((child) => (child.type === "inline" ? child.children : [child]));
    const isBlock = (child: Node) => child.type === "tag" && typeof child.tag === "string" && blockTags.has(child.tag);
    if (!inline.some(isBlock)) return new Tag("p", node.transformAttributes(config), node.transformChildren(config));
    const out: RenderableTreeNode[] = [];
    let run: Node[] = [];
    const flush = () => {
      const visible = run.some(
        (child) =>
          child.type !== "softbreak" && !(child.type === "text" && !String(child.attributes.content ?? "").trim()),
      );
      if (visible)
        out.push(
          new Tag(
            "p",
            {},
            run.flatMap((child) => sync(child.transform(config))),
          ),
        );
      run = [];
    };
    for (const child of inline) {
      if (isBlock(child)) {
        flush();
        out.push(...[sync(child.transform(config))].flat());
      } else run.push(child);
    }
    flush();
    return out;
  },
};

export const markdocConfig: Config = {
  nodes: { heading, paragraph },
  tags: { ...tags },
};
