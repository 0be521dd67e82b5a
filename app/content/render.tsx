// Renders transformed Markdoc content with the components for our tags. Interactive tags (zelfscan) read
// the participant's saved answers from LessonContext.
import Markdoc, { type RenderableTreeNode } from "@markdoc/markdoc";
import { Form, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import * as React from "react";
import { createContext, useContext, type ReactNode } from "react";
import { LemniscaatFigure } from "./lemniscaat-figure.tsx";
import { documentHtml, type PreparedElement, type PreparedNode } from "./prepared.ts";
import type { CalloutType } from "./tags/callout.ts";
import type { LemniscaatPhase } from "./tags/lemniscaat.ts";

export type ZelfscanAnswers = Record<string, Record<string, { checked: boolean; note: string }>>;

export type LessonContextValue = {
  answers: ZelfscanAnswers;
  /** Set after a save: which scan was saved, and the error message if it failed. */
  savedScan?: { scanId: string; error?: string; values?: Record<string, { checked: boolean; note: string }> } | null;
  sources: Record<string, { title: string; author: string }>;
  /** Participants get a link that opens a journal entry with this prompt. */
  canWriteJournal?: boolean;
  /** For participants: the cohort's assignment linked to an opdracht block (by its id), with their status. */
  assignments?: Record<string, { href: string; title: string; statusLabel: string; dueAt: string }>;
};

const LessonContext = createContext<LessonContextValue>({ answers: {}, sources: {} });

const calloutLabels: Record<CalloutType, string> = { tip: "Tip", "let-op": "Let op", voorbeeld: "Voorbeeld" };

/**
 * One of our components as the HTML element around it and what is inside. For a component whose HTML
 * depends only on its props and the lesson's sources (sameForEveryViewer), a document's prepared tree holds
 * that element with the HTML inside, made once per lesson (app/content/prepared.server.ts, issue 18).
 */
export type Shell = { t: "div"; a: Record<string, string>; inner: ReactNode };

/** The sources a lesson's praktijkvoorbeelden name, by key (LessonContext). */
export type Sources = LessonContextValue["sources"];
type CalloutProps = { type: CalloutType; title?: string; children: ReactNode };
type PraktijkvoorbeeldProps = { title: string; setting: string; source?: string; children: ReactNode };

const fromShell = ({ t, a, inner }: Shell) => React.createElement(t, a, inner);

function calloutShell({ type, title, children }: CalloutProps): Shell {
  return {
    t: "div",
    a: { className: `callout callout-${type}`, role: "note" },
    inner: (
      <>
        <p className="box-label">
          <strong>
            {calloutLabels[type]}
            {title ? `: ${title}` : ""}
          </strong>
        </p>
        {children}
      </>
    ),
  };
}

function Callout(props: CalloutProps) {
  return fromShell(calloutShell(props));
}

function praktijkvoorbeeldShell({ title, setting, source, children }: PraktijkvoorbeeldProps, sources: Sources): Shell {
  const origin = source ? sources[source] : undefined;
  return {
    t: "div",
    a: { className: "praktijkvoorbeeld", role: "note" },
    inner: (
      <>
        <p className="box-label">
          <strong>Praktijkvoorbeeld: {title}</strong>
          <br />
          <span className="muted">{setting}</span>
        </p>
        {children}
        {origin ? (
          <p className="box-source muted">
            Naverteld uit: {origin.author}, <cite>{origin.title}</cite>
          </p>
        ) : null}
      </>
    ),
  };
}

function Praktijkvoorbeeld(props: PraktijkvoorbeeldProps) {
  return fromShell(praktijkvoorbeeldShell(props, useContext(LessonContext).sources));
}

/** Our components whose HTML is the same for every viewer of a lesson, by tag: their shells. */
export const sameForEveryViewer: Record<string, (props: never, sources: Sources) => Shell> = {
  Callout: calloutShell,
  Praktijkvoorbeeld: praktijkvoorbeeldShell,
};

function Reflectie({ id, children }: { id: string; children: ReactNode }) {
  const { canWriteJournal } = useContext(LessonContext);
  return (
    <div className="reflectie" id={`reflectie-${id}`} role="note">
      <p className="box-label">
        <strong>Reflectievraag</strong>
      </p>
      {children}
      {canWriteJournal ? (
        <p className="reflectie-journal">
          <Link to={`/journaal/schrijven?reflectie=${encodeURIComponent(id)}`}>
            Schrijf in je journaal<span className="visually-hidden"> over deze reflectievraag</span>
          </Link>
        </p>
      ) : (
        <p className="reflectie-journal muted">Deelnemers kunnen over deze vraag schrijven in hun journaal.</p>
      )}
    </div>
  );
}

function Opdracht({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const { assignments } = useContext(LessonContext);
  const assignment = assignments?.[id];
  const headingId = `opdracht-${id}-titel`;
  return (
    <section className="opdracht" id={`opdracht-${id}`} aria-labelledby={headingId}>
      <p className="box-label" id={headingId}>
        <strong>Opdracht voor je duo: {title}</strong>
      </p>
      {children}
      {assignment ? (
        <p className="opdracht-link">
          <Link to={assignment.href}>
            Naar de opdracht in je leernetwerk<span className="visually-hidden">: {assignment.title}</span>
          </Link>{" "}
          <span className="muted">· status: {assignment.statusLabel}</span>
        </p>
      ) : (
        <p className="muted">Werk deze opdracht uit in je eigen gemeente, vóór de volgende bijeenkomst.</p>
      )}
    </section>
  );
}

function Zelfscan({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const { savedScan } = useContext(LessonContext);
  const navigation = useNavigation();
  const saving = navigation.state === "submitting" && navigation.formData?.get("scanId") === id;
  const headingId = `zelfscan-${id}-titel`;
  const result = savedScan?.scanId === id ? savedScan : null;
  return (
    <section className="zelfscan" id={`zelfscan-${id}`} aria-labelledby={headingId}>
      <p className="box-label" id={headingId}>
        <strong>Zelfscan: {title}</strong>
      </p>
      <Form method="post" preventScrollReset>
        <input type="hidden" name="intent" value="zelfscan" />
        <input type="hidden" name="scanId" value={id} />
        {children}
        <div className="zelfscan-actions">
          <button type="submit" disabled={saving}>
            {saving ? "Bezig met opslaan…" : "Zelfscan opslaan"}
          </button>
          <p role="status" className={result?.error ? "form-error" : "muted"}>
            {result ? (result.error ?? "Je antwoorden zijn opgeslagen.") : ""}
          </p>
        </div>
      </Form>
    </section>
  );
}

function ZelfscanIntro({ children }: { children: ReactNode }) {
  return <div className="zelfscan-intro">{children}</div>;
}

function ZelfscanVraag({ scanId, id, children }: { scanId: string; id: string; children: ReactNode }) {
  const { answers, savedScan } = useContext(LessonContext);
  // After a failed save the typed values come back from the action, so nothing is lost.
  const kept = savedScan?.scanId === scanId ? savedScan.values?.[id] : undefined;
  const answer = kept ?? answers[scanId]?.[id];
  const base = `zelfscan-${scanId}-${id}`;
  return (
    <fieldset className="zelfscan-question">
      <legend>{children}</legend>
      <div className="checkbox-field">
        <input type="checkbox" id={`${base}-check`} name={`${id}.checked`} defaultChecked={answer?.checked ?? false} />
        <label htmlFor={`${base}-check`}>Besproken / in orde</label>
      </div>
      <label htmlFor={`${base}-note`} className="note-label">
        Notitie <span className="muted">(optioneel)</span>
      </label>
      <textarea id={`${base}-note`} name={`${id}.note`} rows={2} maxLength={2000} defaultValue={answer?.note ?? ""} />
    </fieldset>
  );
}

function Lemniscaat({ fase }: { fase?: LemniscaatPhase }) {
  return <LemniscaatFigure fase={fase} />;
}

const components = {
  Callout,
  Praktijkvoorbeeld,
  Reflectie,
  Opdracht,
  Zelfscan,
  ZelfscanIntro,
  ZelfscanVraag,
  Lemniscaat,
};

/**
 * React elements per content tree. Elements are immutable and what differs per viewer comes from
 * LessonContext, so a tree that is the same object again (a lesson from the library on the server, the same
 * loader data in the browser) reuses the elements made the first time.
 */
const renderedTrees = new WeakMap<object, ReactNode>();

function renderTree(content: RenderableTreeNode): ReactNode {
  if (typeof content !== "object" || content === null) return Markdoc.renderers.react(content, React, { components });
  if (!renderedTrees.has(content)) renderedTrees.set(content, Markdoc.renderers.react(content, React, { components }));
  return renderedTrees.get(content);
}

/** A tree sent as one JSON string (serializedInstructions): the page data's encoder sends a string as it is. */
export type SerializedContent = { json: string };

function isSerialized(content: unknown): content is SerializedContent {
  return (
    typeof content === "object" &&
    content !== null &&
    !("$$mdtype" in content) &&
    typeof (content as { json?: unknown }).json === "string"
  );
}

// The tree per JSON text, so that the same text reuses its elements (renderedTrees). At most MAX_PARSED.
const MAX_PARSED = 200;
const parsedTrees = new Map<string, RenderableTreeNode>();

function parsedTree(json: string): RenderableTreeNode {
  let tree = parsedTrees.get(json);
  if (tree === undefined) {
    tree = JSON.parse(json) as RenderableTreeNode;
    if (parsedTrees.size >= MAX_PARSED) parsedTrees.delete(parsedTrees.keys().next().value as string);
    parsedTrees.set(json, tree);
  }
  return tree;
}

export function MarkdocContent({
  content,
  context,
}: {
  content: RenderableTreeNode | SerializedContent;
  context?: LessonContextValue;
}) {
  const rendered = renderTree(isSerialized(content) ? parsedTree(content.json) : content);
  return <LessonContext.Provider value={context ?? { answers: {}, sources: {} }}>{rendered}</LessonContext.Provider>;
}

/**
 * React elements per prepared content (app/content/prepared.ts): the elements whose content is plain HTML
 * get it as inner HTML, our components are rendered with their props. Kept per prepared tree like above.
 */
const renderedPrepared = new WeakMap<object, ReactNode>();

/**
 * True in the browser until a prepared content has been shown: only then is the page in the document the
 * one the server rendered, whose elements hold the HTML that a document request's data leaves out.
 */
let hydratingServerPage = typeof document !== "undefined";

/**
 * The HTML of an element whose `h` is a number (the data of a document request): on the server it is kept
 * beside the tree (documentHtml); in the browser, while hydrating, it is the content of the element the server rendered with that
 * number, so React finds the same HTML and leaves the page as it is. Data fetched in the browser (a
 * client-side navigation, a revalidation) always holds the HTML itself.
 */
function serverRenderedHtml(node: PreparedElement & { h: number }): string {
  const html = documentHtml.get(node);
  if (html !== undefined) return html;
  if (!hydratingServerPage) return "";
  return document.querySelector(`[data-h="${node.h}"]`)?.innerHTML ?? "";
}

/** React elements for a prepared node (what PreparedContent renders for a tree). */
export function renderPreparedNode(node: PreparedNode): ReactNode {
  if (Array.isArray(node)) return React.createElement(React.Fragment, null, ...node.map(renderPreparedNode));
  if (node === null || typeof node !== "object") return node;
  const type =
    node.t[0] !== node.t[0]?.toLowerCase()
      ? (components as Record<string, React.ComponentType<never>>)[node.t]
      : node.t;
  if (!type) return null;
  if (typeof node.h === "string")
    return React.createElement(type, { ...node.a, dangerouslySetInnerHTML: { __html: node.h } } as never);
  if (typeof node.h === "number") {
    const html = serverRenderedHtml(node as PreparedElement & { h: number });
    return React.createElement(type, {
      ...node.a,
      "data-h": node.h,
      dangerouslySetInnerHTML: { __html: html },
    } as never);
  }
  return React.createElement(type, (node.a ?? null) as never, ...(node.c ?? []).map(renderPreparedNode));
}

export function PreparedContent({ tree, context }: { tree: PreparedNode; context?: LessonContextValue }) {
  let rendered: ReactNode;
  if (typeof tree !== "object" || tree === null) rendered = tree;
  else {
    if (!renderedPrepared.has(tree)) renderedPrepared.set(tree, renderPreparedNode(tree));
    rendered = renderedPrepared.get(tree);
  }
  React.useEffect(() => {
    hydratingServerPage = false;
  }, []);
  return <LessonContext.Provider value={context ?? { answers: {}, sources: {} }}>{rendered}</LessonContext.Provider>;
}
