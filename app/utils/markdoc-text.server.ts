// Short texts written by coordinators (a session's agenda) may be plain text or Markdoc. They are
// rendered to a Markdoc render tree on the server and shown with Markdoc's React renderer, never as
// raw HTML. Links only to http(s) and mailto; images are shown as their description; unknown tags drop.
import Markdoc, { type Config, type Node, type RenderableTreeNode } from "@markdoc/markdoc";
import { memoByText } from "./text-memo.server.ts";

const SAFE_HREF = /^(https?:|mailto:)/i;

/**
 * The nodes for text written by staff: links only where `safeHref` allows (otherwise just the link text),
 * images as their description, and headings as bold paragraphs (the page has its own heading order).
 * Shared with assignment instructions (app/content/assignment-text.server.ts), which also allow links
 * to the platform's own pages.
 */
export function staffTextNodes(safeHref: RegExp): NonNullable<Config["nodes"]> {
  return {
    link: {
      ...Markdoc.nodes.link,
      transform(node: Node, cfg: Config) {
        const href = String(node.attributes.href ?? "").trim();
        const children = node.transformChildren(cfg);
        if (!safeHref.test(href)) return children;
        return new Markdoc.Tag("a", { href }, children);
      },
    },
    image: {
      ...Markdoc.nodes.image,
      transform(node: Node) {
        return String(node.attributes.alt ?? "");
      },
    },
    heading: {
      ...Markdoc.nodes.heading,
      transform(node: Node, cfg: Config) {
        return new Markdoc.Tag("p", {}, [new Markdoc.Tag("strong", {}, node.transformChildren(cfg))]);
      },
    },
  };
}

const config: Config = { nodes: staffTextNodes(SAFE_HREF), tags: {} };

/** The render tree of a staff or participant text (kept per text: see app/utils/text-memo.server.ts). */
export const renderText: (source: string) => RenderableTreeNode = memoByText(renderTextUncached);

function renderTextUncached(source: string): RenderableTreeNode {
  const ast = Markdoc.parse(source);
  // Unknown or broken tags ({% … %}) are left out rather than shown half-rendered.
  for (const node of ast.walk()) {
    if (node.type === "tag" && !(node.tag && config.tags?.[node.tag])) {
      node.children = [];
    }
  }
  return Markdoc.transform(ast, config);
}

/**
 * The render tree of a text as one JSON string (kept per text, as renderText), for a page's data: the page
 * data's encoder walks every node of a tree given as objects, but a string is sent as it is (issue 18: the
 * trees were much of the assignment page's serialisation). MarkdocText shows both forms.
 */
export const serializedText: (source: string) => SerializedTree = memoByText((source) => ({
  json: JSON.stringify(renderTextUncached(source)),
}));

export type SerializedTree = { json: string };
