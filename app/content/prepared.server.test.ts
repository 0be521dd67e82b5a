// Prepared content (app/content/prepared.ts) gives the same HTML as rendering the Markdoc tree with React, for
// every lesson, module introduction, intervisie method and the glossary, for a participant with answers and
// assignments and for staff; and it is prepared once per tree.
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { getLibrary } from "./library.server.ts";
import type { PreparedNode } from "./prepared.ts";
import { prepareContent } from "./prepared.server.ts";
import { type LessonContextValue, MarkdocContent, PreparedContent } from "./render.tsx";

// Outside a Remix app: a link and a form as the HTML they render to, no navigation under way.
vi.mock("@remix-run/react", () => ({
  Link: ({ to, ...props }: { to: string }) => React.createElement("a", { href: to, ...props }),
  Form: ({ preventScrollReset: _, ...props }: { preventScrollReset?: boolean }) => React.createElement("form", props),
  useNavigation: () => ({ state: "idle" }),
}));

const library = getLibrary();
const lessons = [...library.lessons.values()];

function contextFor(lesson: (typeof lessons)[number], staff: boolean): LessonContextValue {
  if (staff) return { answers: {}, sources: {}, canWriteJournal: false };
  return {
    answers: Object.fromEntries(
      lesson.zelfscans.map((scan) => [
        scan.id,
        Object.fromEntries(
          scan.questions.map((q, i) => [q.id, { checked: i % 2 === 0, note: `<notitie ${i}> & "zo"` }]),
        ),
      ]),
    ),
    savedScan: lesson.zelfscans[0] ? { scanId: lesson.zelfscans[0].id } : null,
    sources: Object.fromEntries(
      Object.entries(library.sources).map(([key, source]) => [key, { title: source.title, author: source.author }]),
    ),
    canWriteJournal: true,
    assignments: { "ontsluiten-opdracht-ophaalplan": { href: "/a/1", title: "Plan", statusLabel: "open", dueAt: "" } },
  };
}

const html = (element: React.ReactElement) => renderToStaticMarkup(element);

describe("prepared content", () => {
  it("has lessons to compare", () => {
    expect(lessons.length).toBeGreaterThan(10);
  });

  it.each(lessons.map((lesson) => [lesson.id, lesson] as const))(
    "renders lesson %s as React renders its tree",
    (_, lesson) => {
      for (const staff of [false, true]) {
        const context = contextFor(lesson, staff);
        const expected = html(React.createElement(MarkdocContent, { content: lesson.content, context }));
        const actual = html(React.createElement(PreparedContent, { tree: prepareContent(lesson.content), context }));
        expect(actual).toBe(expected);
        // As in the browser: the tree from the page data's JSON, parsed there.
        const sent = JSON.parse(JSON.stringify(prepareContent(lesson.content))) as PreparedNode;
        expect(html(React.createElement(PreparedContent, { tree: sent, context }))).toBe(expected);
      }
    },
  );

  it("renders the other content (module introductions, glossary) as React renders its tree", () => {
    const trees = [...library.modules.map((module) => module.intro), library.glossary?.content].filter(Boolean);
    expect(trees.length).toBeGreaterThan(1);
    for (const tree of trees) {
      const expected = html(React.createElement(MarkdocContent, { content: tree! }));
      expect(html(React.createElement(PreparedContent, { tree: prepareContent(tree!) }))).toBe(expected);
    }
  });

  it("renders a document request's tree as the full tree, numbered, and sends none of its HTML", () => {
    const shells = lessons.filter((lesson) =>
      /"name":"(Callout|Praktijkvoorbeeld)"/.test(JSON.stringify(lesson.content)),
    );
    expect(shells.length).toBeGreaterThan(5);
    for (const lesson of lessons) {
      const context = contextFor(lesson, false);
      const full = prepareContent(lesson.content);
      const lean = prepareContent(lesson.content, { forDocument: true, sources: context.sources });
      expect(prepareContent(lesson.content, { forDocument: true, sources: context.sources })).toBe(lean);
      const fullHtml = html(React.createElement(PreparedContent, { tree: full, context }));
      const leanHtml = html(React.createElement(PreparedContent, { tree: lean, context }));
      expect(leanHtml).toContain('data-h="0"');
      expect(leanHtml.replace(/ data-h="\d+"/g, "")).toBe(fullHtml);
      // What the page data sends: no HTML, the elements' numbers instead.
      const sent = JSON.stringify(lean);
      expect(sent).not.toMatch(/"h":"/);
      // Callouts and praktijkvoorbeelden are the same for every viewer: sent as their element's number only.
      expect(sent).not.toMatch(/"t":"(Callout|Praktijkvoorbeeld)"/);
      expect(sent.length).toBeLessThan(JSON.stringify(full).length);
      const numbers = [...sent.matchAll(/"h":(\d+)/g)].map((m) => Number(m[1]));
      expect(numbers).toEqual(numbers.map((_, i) => i));
    }
  });

  it("keeps our components as components and plain parts as HTML, once per tree", () => {
    const lesson = lessons.find((candidate) => candidate.zelfscans.length > 0)!;
    const prepared = prepareContent(lesson.content);
    expect(prepareContent(lesson.content)).toBe(prepared);
    const json = JSON.stringify(prepared);
    expect(json).toContain('"t":"Zelfscan"');
    expect(json).toContain('"h":');
  });
});
