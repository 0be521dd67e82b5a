// The Markdoc configuration of the course content: our tags, and headings that carry ids (for the table
// of contents and for links to a part of a page).
import Markdoc, { type Config, type Node, type RenderableTreeNode, type Schema } from "@markdoc/markdoc";
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

export const markdocConfig: Config = {
  nodes: { heading },
  tags: { ...tags },
};
