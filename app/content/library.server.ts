// The course library: every module and lesson in content/, parsed, validated and transformed once, then
// kept in memory (the transformed trees are plain JSON, ready to send to the page). In development the
// library is rebuilt on every request so edits show at once; CONTENT_CACHE=off does the same in production
// (the benchmark uses it to measure what the cache saves).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import Markdoc, { type Node, type RenderableTreeNode } from "@markdoc/markdoc";
import { parse as parseYaml } from "yaml";
import { markdocConfig, textOf } from "./config.ts";
import {
  describeZodError,
  glossaryFrontmatterSchema,
  lessonFrontmatterSchema,
  moduleFrontmatterSchema,
  sourcesSchema,
  type Source,
} from "./frontmatter.ts";
import type { EvaluationForm, EvaluationKind } from "./evaluation-schema.ts";
import { EVALUATION_DIR, loadEvaluations } from "./evaluations.server.ts";
import type { SelfScan } from "./self-scan-schema.ts";
import { loadSelfScans, SELF_SCAN_DIR } from "./self-scans.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { aantal } from "../utils/plural.ts";

export type ContentError = { file: string; line?: number; message: string };
export type TocEntry = { id: string; title: string; level: number };
export type ZelfscanDefinition = { id: string; title: string; questions: { id: string; text: string }[] };

export type LessonMeta = {
  id: string;
  slug: string;
  moduleSlug: string;
  title: string;
  summary: string;
  order: number;
  minutes: number;
  words: number;
  sources: string[];
};

export type Lesson = LessonMeta & {
  file: string;
  content: RenderableTreeNode;
  toc: TocEntry[];
  reflecties: { id: string; text: string }[];
  opdrachten: { id: string; title: string }[];
  zelfscans: ZelfscanDefinition[];
};

export type Module = {
  slug: string;
  title: string;
  summary: string;
  order: number;
  intro: RenderableTreeNode;
  lessons: LessonMeta[];
  minutes: number;
  sources: string[];
};

export type Glossary = { title: string; summary: string; content: RenderableTreeNode; termIds: string[] };

export type Library = {
  modules: Module[];
  lessons: Map<string, Lesson>;
  /** All lessons in reading order, across modules. */
  readingOrder: LessonMeta[];
  glossary: Glossary | null;
  sources: Record<string, Source>;
  /** The structured self-scans (content/zelfscans/*.yaml), in their order. */
  selfScans: SelfScan[];
  /** The programme's evaluation forms (content/evaluaties/*.yaml): one per kind. */
  evaluations: EvaluationForm[];
  errors: ContentError[];
  /** Plain text per file, for the check that nothing is copied from the seeds. */
  texts: { file: string; text: string }[];
};

const LESSON_FILE = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;
const MODULE_DIR = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const GLOSSARY_PATH = "/leren/begrippen";
export const METHODS_DIRECTORY = "intervisie";

export function contentDirectory(): string {
  return path.resolve(getEnv().CONTENT_DIR);
}

type Parsed = { ast: Node; frontmatter: unknown; errors: ContentError[] };

// Markdoc's own validation messages, in Dutch for our authors.
const markdocMessages: [RegExp, (...groups: string[]) => string][] = [
  [
    /^Attribute '(.+)' must match one of (.+)\. Got '(.*)' instead\.$/,
    (name, options, got) => `attribuut ${name}="${got}" is niet toegestaan; kies uit ${options}`,
  ],
  [/^Missing required attribute: '(.+)'$/, (name) => `verplicht attribuut ${name} ontbreekt`],
  [/^Undefined tag: '(.+)'$/, (name) => `onbekende tag {% ${name} %} (zie content/AUTHORING.md)`],
  [/^Invalid attribute: '(.+)'$/, (name) => `onbekend attribuut ${name}`],
  [/^Attribute '(.+)' must be type of '(.+)'$/, (name, type) => `attribuut ${name} moet van het type ${type} zijn`],
  [/^Can't nest '(.+)' in '(.+)'$/, (child, parent) => `${child} mag niet binnen ${parent} staan`],
  [/^Node '(.+)' is missing closing$/, (name) => `{% ${name} %} wordt niet afgesloten met {% /${name} %}`],
];

function dutch(message: string): string {
  for (const [pattern, translate] of markdocMessages) {
    const match = pattern.exec(message);
    if (match) return translate(...match.slice(1));
  }
  return message;
}

export function parseFile(file: string, source: string): Parsed {
  const ast = Markdoc.parse(source);
  const errors: ContentError[] = [];
  let frontmatter: unknown = {};
  try {
    frontmatter = parseYaml((ast.attributes.frontmatter as string | undefined) ?? "") ?? {};
  } catch (error) {
    errors.push({ file, line: 1, message: `frontmatter is geen geldige YAML: ${(error as Error).message}` });
  }
  for (const problem of Markdoc.validate(ast, markdocConfig)) {
    if (problem.error.level === "debug" || problem.error.level === "info") continue;
    errors.push({ file, line: (problem.lines[0] ?? 0) + 1, message: dutch(problem.error.message) });
  }
  return { ast, frontmatter, errors };
}

export function transform(ast: Node): RenderableTreeNode {
  // A JSON round trip turns Markdoc's Tag instances into plain objects that survive serialisation to the
  // browser; Markdoc's React renderer recognises them by their $$mdtype field.
  return JSON.parse(JSON.stringify(Markdoc.transform(ast, markdocConfig))) as RenderableTreeNode;
}

type PlainTag = { $$mdtype?: string; name?: string; attributes?: Record<string, unknown>; children?: unknown[] };

function walkTree(node: unknown, visit: (tag: PlainTag) => void) {
  if (Array.isArray(node))
    return node.forEach((child) => {
      walkTree(child, visit);
    });
  if (!node || typeof node !== "object") return;
  const tag = node as PlainTag;
  if (tag.$$mdtype === "Tag") {
    visit(tag);
    tag.children?.forEach((child) => {
      walkTree(child, visit);
    });
  }
}

function plainText(node: unknown): string {
  if (typeof node === "string") return node;
  if (Array.isArray(node)) return node.map(plainText).join("");
  if (node && typeof node === "object") return plainText((node as PlainTag).children ?? []);
  return "";
}

function tableOfContents(tree: RenderableTreeNode): TocEntry[] {
  const toc: TocEntry[] = [];
  walkTree(tree, (tag) => {
    const match = /^h([23])$/.exec(tag.name ?? "");
    if (match && typeof tag.attributes?.id === "string") {
      toc.push({ id: tag.attributes.id, title: plainText(tag.children).trim(), level: Number(match[1]) });
    }
  });
  return toc;
}

function headingIds(tree: RenderableTreeNode): string[] {
  const ids: string[] = [];
  walkTree(tree, (tag) => {
    if (/^h[1-6]$/.test(tag.name ?? "") && typeof tag.attributes?.id === "string") ids.push(tag.attributes.id);
  });
  return ids;
}

/** Text for the copy check and the word count: every text node plus the text attributes of tags. */
export function documentText(ast: Node, frontmatter: unknown): string {
  const parts: string[] = [];
  if (frontmatter && typeof frontmatter === "object") {
    for (const key of ["title", "summary"]) {
      const value = (frontmatter as Record<string, unknown>)[key];
      if (typeof value === "string") parts.push(value);
    }
  }
  for (const node of ast.walk()) {
    if (node.type === "tag") {
      for (const key of ["title", "setting"]) {
        const value = node.attributes[key];
        if (typeof value === "string") parts.push(value);
      }
    }
    if (node.type === "text" && typeof node.attributes.content === "string") parts.push(node.attributes.content);
  }
  return parts.join(" ");
}

function countWords(ast: Node): number {
  return documentText(ast, null)
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

function tagsNamed(ast: Node, name: string): Node[] {
  return [...ast.walk()].filter((node) => node.type === "tag" && node.tag === name);
}

function linksOf(ast: Node): { href: string; line: number }[] {
  return [...ast.walk()]
    .filter((node) => node.type === "link" && typeof node.attributes.href === "string")
    .map((node) => ({ href: node.attributes.href as string, line: (node.lines[0] ?? 0) + 1 }));
}

export function loadLibrary(directory = contentDirectory()): Library {
  const errors: ContentError[] = [];
  const texts: Library["texts"] = [];
  const relative = (file: string) => path.relative(path.dirname(directory), file);

  let sources: Record<string, Source> = {};
  const sourcesFile = path.join(directory, "bronnen.yaml");
  try {
    const parsed = sourcesSchema.safeParse(parseYaml(readFileSync(sourcesFile, "utf8")));
    if (parsed.success) sources = parsed.data;
    else
      describeZodError(parsed.error).forEach((message) => {
        errors.push({ file: relative(sourcesFile), message });
      });
  } catch (error) {
    errors.push({ file: relative(sourcesFile), message: `kan bronnen niet lezen: ${(error as Error).message}` });
  }

  const modules: Module[] = [];
  const lessons = new Map<string, Lesson>();
  const links: { file: string; href: string; line: number; pageIds: string[] }[] = [];
  const tagIds = new Map<string, string>();

  const claimId = (kind: string, id: unknown, file: string, line: number) => {
    if (typeof id !== "string") return;
    const key = `${kind}:${id}`;
    const owner = tagIds.get(key);
    if (owner) errors.push({ file, line, message: `${kind}-id "${id}" bestaat al (in ${owner})` });
    else tagIds.set(key, file);
  };

  const checkSource = (file: string, key: string, line?: number) => {
    if (!sources[key]) errors.push({ file, line, message: `onbekende bron "${key}" (zie content/bronnen.yaml)` });
  };

  const checkDuplicateHeadings = (file: string, tree: RenderableTreeNode) => {
    const seen = new Set<string>();
    for (const id of headingIds(tree)) {
      if (seen.has(id)) errors.push({ file, message: `twee koppen met dezelfde id "${id}"` });
      seen.add(id);
    }
  };

  const entries = readdirSync(directory).sort();
  for (const entry of entries) {
    const moduleDir = path.join(directory, entry);
    if (!statSync(moduleDir).isDirectory()) continue;
    // Not modules: the self-scans (self-scans.server.ts), the evaluation forms (evaluations.server.ts) and the
    // intervisie methods (methods.server.ts).
    if (entry === SELF_SCAN_DIR || entry === EVALUATION_DIR || entry === METHODS_DIRECTORY) continue;
    if (!MODULE_DIR.test(entry)) {
      errors.push({
        file: relative(moduleDir),
        message: "mapnaam van een module: alleen kleine letters, cijfers en streepjes",
      });
      continue;
    }
    const moduleFile = path.join(moduleDir, "module.md");
    let moduleSource: string;
    try {
      moduleSource = readFileSync(moduleFile, "utf8");
    } catch {
      errors.push({ file: relative(moduleFile), message: "module.md ontbreekt" });
      continue;
    }
    const parsedModule = parseFile(relative(moduleFile), moduleSource);
    errors.push(...parsedModule.errors);
    texts.push({ file: relative(moduleFile), text: documentText(parsedModule.ast, parsedModule.frontmatter) });
    const moduleMeta = moduleFrontmatterSchema.safeParse(parsedModule.frontmatter);
    if (!moduleMeta.success) {
      describeZodError(moduleMeta.error).forEach((message) => {
        errors.push({ file: relative(moduleFile), line: 1, message });
      });
      continue;
    }
    const moduleLessons: LessonMeta[] = [];
    const orders = new Set<number>();
    for (const name of readdirSync(moduleDir).sort()) {
      if (name === "module.md") continue;
      const file = path.join(moduleDir, name);
      const label = relative(file);
      const match = LESSON_FILE.exec(name);
      if (!match) {
        errors.push({ file: label, message: "bestandsnaam van een les: NN-naam-van-de-les.md" });
        continue;
      }
      const slug = match[2]!;
      const parsed = parseFile(label, readFileSync(file, "utf8"));
      errors.push(...parsed.errors);
      texts.push({ file: label, text: documentText(parsed.ast, parsed.frontmatter) });
      const meta = lessonFrontmatterSchema.safeParse(parsed.frontmatter);
      if (!meta.success) {
        describeZodError(meta.error).forEach((message) => {
          errors.push({ file: label, line: 1, message });
        });
        continue;
      }
      if (meta.data.module !== entry)
        errors.push({ file: label, line: 1, message: `module: "${meta.data.module}" moet "${entry}" zijn (de map)` });
      if (meta.data.order !== Number(match[1]))
        errors.push({
          file: label,
          line: 1,
          message: `order: ${meta.data.order} klopt niet met het nummer in de bestandsnaam (${Number(match[1])})`,
        });
      if (orders.has(meta.data.order))
        errors.push({
          file: label,
          line: 1,
          message: `order ${meta.data.order} komt twee keer voor in module ${entry}`,
        });
      orders.add(meta.data.order);
      meta.data.sources.forEach((key) => {
        checkSource(label, key, 1);
      });

      for (const tag of tagsNamed(parsed.ast, "praktijkvoorbeeld")) {
        if (typeof tag.attributes.source === "string")
          checkSource(label, tag.attributes.source, (tag.lines[0] ?? 0) + 1);
      }
      for (const kind of ["reflectie", "opdracht", "zelfscan"]) {
        for (const tag of tagsNamed(parsed.ast, kind)) claimId(kind, tag.attributes.id, label, (tag.lines[0] ?? 0) + 1);
      }

      const content = transform(parsed.ast);
      checkDuplicateHeadings(label, content);
      const lesson: Lesson = {
        id: `${entry}/${slug}`,
        slug,
        moduleSlug: entry,
        title: meta.data.title,
        summary: meta.data.summary,
        order: meta.data.order,
        minutes: meta.data.minutes,
        sources: meta.data.sources,
        words: countWords(parsed.ast),
        file: label,
        content,
        toc: tableOfContents(content),
        reflecties: tagsNamed(parsed.ast, "reflectie").map((tag) => ({
          id: tag.attributes.id as string,
          text: textOf(tag),
        })),
        opdrachten: tagsNamed(parsed.ast, "opdracht").map((tag) => ({
          id: tag.attributes.id as string,
          title: tag.attributes.title as string,
        })),
        zelfscans: tagsNamed(parsed.ast, "zelfscan").map((tag) => ({
          id: tag.attributes.id as string,
          title: tag.attributes.title as string,
          questions: tagsNamed(tag, "vraag").map((question) => ({
            id: question.attributes.id as string,
            text: textOf(question),
          })),
        })),
      };
      lessons.set(lesson.id, lesson);
      linksOf(parsed.ast).forEach((link) => {
        links.push({ file: label, ...link, pageIds: headingIds(content) });
      });
      const {
        file: _file,
        content: _content,
        toc: _toc,
        reflecties: _r,
        opdrachten: _o,
        zelfscans: _z,
        ...lessonMeta
      } = lesson;
      moduleLessons.push(lessonMeta);
    }
    moduleLessons.sort((a, b) => a.order - b.order);
    if (moduleLessons.length === 0) errors.push({ file: relative(moduleDir), message: "module zonder lessen" });
    linksOf(parsedModule.ast).forEach((link) => {
      links.push({ file: relative(moduleFile), ...link, pageIds: [] });
    });
    modules.push({
      slug: entry,
      ...moduleMeta.data,
      intro: transform(parsedModule.ast),
      lessons: moduleLessons,
      minutes: moduleLessons.reduce((sum, lesson) => sum + lesson.minutes, 0),
      sources: [...new Set(moduleLessons.flatMap((lesson) => lesson.sources))],
    });
  }
  modules.sort((a, b) => a.order - b.order);
  const moduleOrders = new Set<number>();
  for (const module of modules) {
    if (moduleOrders.has(module.order))
      errors.push({
        file: `content/${module.slug}/module.md`,
        line: 1,
        message: `order ${module.order} wordt al door een andere module gebruikt`,
      });
    moduleOrders.add(module.order);
  }

  let glossary: Glossary | null = null;
  const glossaryFile = path.join(directory, "begrippen.md");
  try {
    const label = relative(glossaryFile);
    const parsed = parseFile(label, readFileSync(glossaryFile, "utf8"));
    errors.push(...parsed.errors);
    texts.push({ file: label, text: documentText(parsed.ast, parsed.frontmatter) });
    const meta = glossaryFrontmatterSchema.safeParse(parsed.frontmatter);
    if (!meta.success)
      describeZodError(meta.error).forEach((message) => {
        errors.push({ file: label, line: 1, message });
      });
    const content = transform(parsed.ast);
    checkDuplicateHeadings(label, content);
    glossary = {
      title: meta.success ? meta.data.title : "Begrippen",
      summary: meta.success ? meta.data.summary : "",
      content,
      termIds: headingIds(content),
    };
    linksOf(parsed.ast).forEach((link) => {
      links.push({ file: label, ...link, pageIds: glossary!.termIds });
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }

  const selfScans = loadSelfScans(directory, sources, relative);
  errors.push(...selfScans.errors);
  texts.push(...selfScans.texts);
  selfScans.links.forEach((link) => {
    links.push({ ...link, pageIds: [] });
  });

  const evaluations = loadEvaluations(directory, relative);
  errors.push(...evaluations.errors);
  texts.push(...evaluations.texts);

  // Internal links must lead somewhere: a module, a lesson (and a heading in it), or a glossary term.
  const moduleSlugs = new Set(modules.map((module) => module.slug));
  for (const link of links) {
    const { href, file, line } = link;
    if (/^(https?:|mailto:)/.test(href)) continue;
    if (href.startsWith("#")) {
      if (!link.pageIds.includes(href.slice(1)))
        errors.push({ file, line, message: `link naar onbekend anker "${href}"` });
      continue;
    }
    const [pathname = "", anchor] = href.split("#");
    const parts = pathname.split("/").filter(Boolean);
    if (parts[0] !== "leren") {
      errors.push({ file, line, message: `link "${href}": gebruik /leren/… voor lessen, of een volledige https-link` });
      continue;
    }
    if (parts[1] === "begrippen" && parts.length === 2) {
      if (!glossary) errors.push({ file, line, message: `link "${href}": er is geen begrippenlijst` });
      else if (anchor && !glossary.termIds.includes(anchor))
        errors.push({ file, line, message: `link "${href}": begrip "${anchor}" staat niet in content/begrippen.md` });
      continue;
    }
    if (parts.length === 2 && parts[1] && moduleSlugs.has(parts[1]) && !anchor) continue;
    if (parts.length === 3) {
      const lesson = lessons.get(`${parts[1]}/${parts[2]}`);
      if (lesson && (!anchor || headingIds(lesson.content).includes(anchor))) continue;
    }
    if (parts.length >= 2)
      errors.push({ file, line, message: `link "${href}" leidt naar een pagina die niet bestaat` });
    else errors.push({ file, line, message: `link "${href}" leidt naar een pagina die niet bestaat` });
  }

  const readingOrder = modules.flatMap((module) => module.lessons);
  return {
    modules,
    lessons,
    readingOrder,
    glossary,
    sources,
    selfScans: selfScans.scans,
    evaluations: evaluations.forms,
    errors,
    texts,
  };
}

let cached: { library: Library; builtAt: number } | null = null;

/**
 * "on": build the library once per process; "dev": rebuild it at most once a second; "off": keep the
 * library's index but parse, validate and transform a lesson's file again on every request (no cache of
 * transformed content — what the benchmark compares against).
 */
function cacheMode(): "on" | "off" | "dev" {
  const env = getEnv();
  return env.CONTENT_CACHE ?? (env.NODE_ENV === "production" ? "on" : "dev");
}

/** The library, built once per process (see cacheMode). Logs content errors when it is (re)built. */
export function getLibrary(): Library {
  const mode = cacheMode();
  if (cached && (mode !== "dev" || Date.now() - cached.builtAt < 1000)) return cached.library;
  const library = loadLibrary();
  if (library.errors.length > 0)
    console.warn(
      `Inhoud: ${aantal(library.errors.length, "fout", "fouten")} in content/ — draai npm run content:check`,
    );
  cached = { library, builtAt: Date.now() };
  return library;
}

function transformFresh(lesson: Lesson): Lesson {
  const file = path.resolve(path.dirname(contentDirectory()), lesson.file);
  const parsed = parseFile(lesson.file, readFileSync(file, "utf8"));
  const content = transform(parsed.ast);
  return { ...lesson, content, toc: tableOfContents(content) };
}

export function findModule(slug: string | undefined): Module | undefined {
  return getLibrary().modules.find((module) => module.slug === slug);
}

export function findLesson(moduleSlug: string | undefined, lessonSlug: string | undefined): Lesson | undefined {
  const lesson = getLibrary().lessons.get(`${moduleSlug}/${lessonSlug}`);
  return lesson && cacheMode() === "off" ? transformFresh(lesson) : lesson;
}

/** The previous and next lesson in reading order (across modules). */
export function neighbours(lessonId: string): { previous: LessonMeta | null; next: LessonMeta | null } {
  const order = getLibrary().readingOrder;
  const index = order.findIndex((lesson) => lesson.id === lessonId);
  return { previous: index > 0 ? order[index - 1]! : null, next: index >= 0 ? (order[index + 1] ?? null) : null };
}

/** Titles for a content id: "<module>" or "<module>/<lesson>"; null if it does not exist (any more). */
export function describeContent(
  contentId: string,
): { href: string; title: string; moduleTitle: string; minutes: number; lessonIds: string[] } | null {
  const library = getLibrary();
  const lesson = library.lessons.get(contentId);
  if (lesson) {
    const module = library.modules.find((candidate) => candidate.slug === lesson.moduleSlug)!;
    return {
      href: `/leren/${lesson.id}`,
      title: lesson.title,
      moduleTitle: module.title,
      minutes: lesson.minutes,
      lessonIds: [lesson.id],
    };
  }
  const module = library.modules.find((candidate) => candidate.slug === contentId);
  if (module) {
    return {
      href: `/leren/${module.slug}`,
      title: module.title,
      moduleTitle: module.title,
      minutes: module.minutes,
      lessonIds: module.lessons.map((l) => l.id),
    };
  }
  return null;
}

/** A lesson's `reflectie` prompt by its id (unique across all content), with the lesson it is in. */
export function findReflectie(
  id: string | null | undefined,
): { id: string; text: string; lesson: { id: string; title: string; href: string }; moduleTitle: string } | null {
  if (!id) return null;
  const library = getLibrary();
  for (const lesson of library.lessons.values()) {
    const reflectie = lesson.reflecties.find((candidate) => candidate.id === id);
    if (reflectie) {
      const module = library.modules.find((candidate) => candidate.slug === lesson.moduleSlug);
      return {
        id: reflectie.id,
        text: reflectie.text,
        lesson: { id: lesson.id, title: lesson.title, href: `/leren/${lesson.id}#reflectie-${reflectie.id}` },
        moduleTitle: module?.title ?? "",
      };
    }
  }
  return null;
}

/** A structured self-scan by its id (the file name in content/zelfscans/). */
export function findSelfScan(id: string | undefined): SelfScan | undefined {
  return getLibrary().selfScans.find((scan) => scan.id === id);
}

/** The evaluation form of a kind: after a session, or at the end of the cohort. */
export function findEvaluationForm(kind: EvaluationKind): EvaluationForm | undefined {
  return getLibrary().evaluations.find((form) => form.kind === kind);
}

// In production, build the library right after start-up instead of on the first lesson request.
if (getEnv().NODE_ENV === "production" && cacheMode() === "on") {
  setTimeout(() => {
    try {
      getLibrary();
    } catch (error) {
      console.error("Inhoud: de cursusbibliotheek kon niet worden geladen", error);
    }
  }, 0).unref();
}
