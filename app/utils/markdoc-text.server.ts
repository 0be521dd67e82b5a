// Short texts written by coordinators (a session's agenda) may be plain text or Markdoc. They are
// rendered to a Markdoc render tree on the server and shown with Markdoc's React renderer, never as
// raw HTML. Links only to http(s) and mailto; images are shown as their description; unknown tags drop.
import Markdoc, { type Config, type Node, type RenderableTreeNode } from "@markdoc/markdoc";

const SAFE_HREF = /^(https?:|mailto:)/i;

const config: Config = {
  nodes: {
    link: {
      ...Markdoc.nodes.link,
      transform(node: Node, cfg: Config) {
        const href = String(node.attributes.href ?? "");
        const children = node.transformChildren(cfg);
        if (!SAFE_HREF.test(href.trim())) return children;
        return new Markdoc.Tag("a", { href }, children);
      },
    },
    image: {
      ...Markdoc.nodes.image,
      transform(node: Node) {
        return String(node.attributes.alt ?? "");
      },
    },
    // Headings inside an agenda would break the page's heading order; show them as bold paragraphs.
    heading: {
      ...Markdoc.nodes.heading,
      transform(node: Node, cfg: Config) {
        return new Markdoc.Tag("p", {}, [new Markdoc.Tag("strong", {}, node.transformChildren(cfg))]);
      },
    },
  },
  tags: {},
};

export function renderText(source: string): RenderableTreeNode {
  const ast = Markdoc.parse(source);
  // Unknown or broken tags ({% … %}) are left out rather than shown half-rendered.
  for (const node of ast.walk()) {
    if (node.type === "tag" && !(node.tag && config.tags?.[node.tag])) {
      node.children = [];
    }
  }
  return Markdoc.transform(ast, config);
}
