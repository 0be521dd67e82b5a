// Reads the YAML files of one content folder (content/zelfscans, content/evaluaties): each file name is its id
// (kebab-case, .yaml), each file is parsed and validated with a Zod schema. Problems are collected per file with
// a Dutch message, so `npm run content:check` lists them all; a missing folder is no problem (no files).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import { describeZodError } from "./frontmatter.ts";

export type ContentProblem = { file: string; line?: number; message: string };

const ID_FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.yaml$/;

/**
 * The valid files of a folder, in name order, each with its id, its label (path for messages) and its data.
 * `what` names one file in the message for a bad file name ("een zelfscan", "een evaluatie").
 */
export function readYamlFolder<S extends z.ZodTypeAny>(
  folder: string,
  schema: S,
  options: { relative: (file: string) => string; what: string; example: string },
): { files: { id: string; label: string; data: z.infer<S> }[]; errors: ContentProblem[]; found: number } {
  const files: { id: string; label: string; data: z.infer<S> }[] = [];
  const errors: ContentProblem[] = [];
  let names: string[];
  try {
    names = readdirSync(folder).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { files, errors, found: 0 };
    throw error;
  }
  for (const name of names) {
    const label = options.relative(path.join(folder, name));
    const match = ID_FILE.exec(name);
    if (!match) {
      errors.push({ file: label, message: `bestandsnaam van ${options.what}: ${options.example}.yaml` });
      continue;
    }
    let raw: unknown;
    try {
      raw = parseYaml(readFileSync(path.join(folder, name), "utf8"));
    } catch (error) {
      errors.push({ file: label, message: `geen geldige YAML: ${(error as Error).message}` });
      continue;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      for (const message of describeZodError(parsed.error)) errors.push({ file: label, message });
      continue;
    }
    files.push({ id: match[1]!, label, data: parsed.data });
  }
  return { files, errors, found: names.length };
}
