// Assignment instructions: Markdoc written by coordinators, rendered with the course content's tags and
// renderer (app/content/render.tsx) so they may use a callout and link lessons (/leren/…). Links only to
// pages of the platform, http(s) and mailto; headings become bold paragraphs (the page has its own).
import Markdoc, { type Config, type RenderableTreeNode } from "@markdoc/markdoc";
import { staffTextNodes } from "~/utils/markdoc-text.server.ts";
import { memoByText } from "~/utils/text-memo.server.ts";
import { markdocConfig } from "./config.ts";
import { getLibrary } from "./library.server.ts";

const SAFE_HREF = /^(https?:|mailto:|\/(?!\/))/i;

const config: Config = { ...markdocConfig, nodes: { ...markdocConfig.nodes, ...staffTextNodes(SAFE_HREF) } };

/** Problems that would break the page (an unknown or unclosed tag), in Dutch, or an empty list. */
export function instructionProblems(source: string): string[] {
  const ast = Markdoc.parse(source);
  return Markdoc.validate(ast, config)
    .filter((problem) => problem.error.level === "error" || problem.error.level === "critical")
    .map((problem) => `Regel ${(problem.lines[0] ?? 0) + 1}: ${problem.error.message}`);
}

/** An assignment's instructions as a render tree (kept per text: see app/utils/text-memo.server.ts). */
export const renderInstructions: (source: string) => RenderableTreeNode = memoByText((source) =>
  Markdoc.transform(Markdoc.parse(source), config),
);

/**
 * The same tree as one JSON string (kept per text), for a page's data: its encoder sends a string as it is
 * instead of walking every node (MarkdocContent shows both forms).
 */
export const serializedInstructions: (source: string) => { json: string } = memoByText((source) => ({
  json: JSON.stringify(Markdoc.transform(Markdoc.parse(source), config)),
}));

/** The lessons' {% opdracht %} blocks, for the "belongs to a lesson" choice: id, title and lesson. */
export function listOpdrachten(): { id: string; title: string; lessonTitle: string; href: string }[] {
  const list: { id: string; title: string; lessonTitle: string; href: string }[] = [];
  for (const lesson of getLibrary().lessons.values()) {
    for (const opdracht of lesson.opdrachten) {
      list.push({
        id: opdracht.id,
        title: opdracht.title,
        lessonTitle: lesson.title,
        href: `/leren/${lesson.id}#opdracht-${opdracht.id}`,
      });
    }
  }
  return list;
}
