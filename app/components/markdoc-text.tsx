// Shows a Markdoc render tree made on the server (see app/utils/markdoc-text.server.ts). Markdoc's React
// renderer builds React elements: no HTML string is ever injected.
import Markdoc, { type RenderableTreeNode } from "@markdoc/markdoc";
import * as React from "react";

export function MarkdocText({ tree }: { tree: unknown }) {
  return <div className="rich-text">{Markdoc.renderers.react(tree as RenderableTreeNode, React)}</div>;
}
