// The intervisie methods (content/intervisie/<slug>.md): Markdoc body plus frontmatter with the steps (name,
// minutes, what the inbrenger does, what the group does). Validated like the lessons and included in
// `npm run content:check`; built once per process like the course library (see library.server.ts).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { RenderableTreeNode } from "@markdoc/markdoc";
import { describeZodError, methodFrontmatterSchema, type MethodFrontmatter } from "./frontmatter.ts";
import {
  contentDirectory,
  documentText,
  getLibrary,
  METHODS_DIRECTORY,
  parseFile,
  transform,
  type ContentError,
} from "./library.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { aantal } from "../utils/plural.ts";

export type MethodStep = MethodFrontmatter["steps"][number];

export type Method = {
  slug: string;
  title: string;
  summary: string;
  order: number;
  /** Where the method comes from; the description and steps are the platform's own. */
  origin: string;
  sources: string[];
  steps: MethodStep[];
  minutes: number;
  content: RenderableTreeNode;
};

export type MethodLibrary = { methods: Method[]; errors: ContentError[]; texts: { file: string; text: string }[] };

const METHOD_FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;

/** `sources`: the keys of content/bronnen.yaml (the course library reads and validates that file). */
export function loadMethods(sources: Set<string>, directory = contentDirectory()): MethodLibrary {
  const folder = path.join(directory, METHODS_DIRECTORY);
  const relative = (file: string) => path.relative(path.dirname(directory), file);
  const errors: ContentError[] = [];
  const texts: MethodLibrary["texts"] = [];
  const methods: Method[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(folder).sort();
  } catch {
    return { methods, errors: [{ file: relative(folder), message: "de map met intervisiemethoden ontbreekt" }], texts };
  }
  for (const name of names) {
    const file = path.join(folder, name);
    const label = relative(file);
    const match = METHOD_FILE.exec(name);
    if (!match) {
      errors.push({ file: label, message: "bestandsnaam van een methode: naam-van-de-methode.md" });
      continue;
    }
    const parsed = parseFile(label, readFileSync(file, "utf8"));
    errors.push(...parsed.errors);
    const meta = methodFrontmatterSchema.safeParse(parsed.frontmatter);
    const stepText = meta.success
      ? [meta.data.origin, ...meta.data.steps.flatMap((step) => [step.name, step.inbrenger, step.groep])].join(" ")
      : "";
    texts.push({ file: label, text: `${documentText(parsed.ast, parsed.frontmatter)} ${stepText}` });
    if (!meta.success) {
      describeZodError(meta.error).forEach((message) => {
        errors.push({ file: label, line: 1, message });
      });
      continue;
    }
    for (const key of meta.data.sources) {
      if (!sources.has(key))
        errors.push({ file: label, line: 1, message: `onbekende bron "${key}" (zie content/bronnen.yaml)` });
    }
    if (methods.some((method) => method.order === meta.data.order)) {
      errors.push({
        file: label,
        line: 1,
        message: `order ${meta.data.order} wordt al door een andere methode gebruikt`,
      });
    }
    methods.push({
      slug: match[1]!,
      ...meta.data,
      minutes: meta.data.steps.reduce((sum, step) => sum + step.minutes, 0),
      content: transform(parsed.ast),
    });
  }
  methods.sort((a, b) => a.order - b.order);
  return { methods, errors, texts };
}

let cached: { methods: MethodLibrary; builtAt: number } | null = null;

/** The methods, built once per process in production and at most once a second in development. */
export function getMethods(): Method[] {
  const development = getEnv().NODE_ENV !== "production";
  if (!cached || (development && Date.now() - cached.builtAt > 1000)) {
    const methods = loadMethods(new Set(Object.keys(getLibrary().sources)));
    if (methods.errors.length)
      console.warn(
        `Inhoud: ${aantal(methods.errors.length, "fout", "fouten")} in content/intervisie — draai npm run content:check`,
      );
    cached = { methods, builtAt: Date.now() };
  }
  return cached.methods.methods;
}

export function findMethod(slug: string | null | undefined): Method | undefined {
  if (!slug) return undefined;
  return getMethods().find((method) => method.slug === slug);
}
