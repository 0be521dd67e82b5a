// Reads and validates the evaluation forms in content/evaluaties/<form-id>.yaml. Called by loadLibrary, so the
// forms are cached with the rest of the content and checked by `npm run content:check` (schema, exactly one
// form per kind, and the copy check against the seeds).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { describeZodError } from "./frontmatter.ts";
import { evaluationFileSchema, evaluationKinds, type EvaluationForm } from "./evaluation-schema.ts";

export const EVALUATION_DIR = "evaluaties";
const FORM_FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.yaml$/;

type Problem = { file: string; line?: number; message: string };

export function loadEvaluations(
  directory: string,
  relative: (file: string) => string,
): { forms: EvaluationForm[]; errors: Problem[]; texts: { file: string; text: string }[] } {
  const formDir = path.join(directory, EVALUATION_DIR);
  const forms: EvaluationForm[] = [];
  const errors: Problem[] = [];
  const texts: { file: string; text: string }[] = [];
  let names: string[];
  try {
    names = readdirSync(formDir).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { forms, errors, texts };
    throw error;
  }
  for (const name of names) {
    const file = path.join(formDir, name);
    const label = relative(file);
    const match = FORM_FILE.exec(name);
    if (!match) {
      errors.push({ file: label, message: "bestandsnaam van een evaluatie: naam-van-de-evaluatie.yaml" });
      continue;
    }
    let raw: unknown;
    try {
      raw = parseYaml(readFileSync(file, "utf8"));
    } catch (error) {
      errors.push({ file: label, message: `geen geldige YAML: ${(error as Error).message}` });
      continue;
    }
    const parsed = evaluationFileSchema.safeParse(raw);
    if (!parsed.success) {
      describeZodError(parsed.error).forEach((message) => {
        errors.push({ file: label, message });
      });
      continue;
    }
    const form = { ...parsed.data, id: match[1]! };
    forms.push(form);
    texts.push({
      file: label,
      text: [
        form.title,
        form.summary,
        form.scale.minLabel,
        form.scale.maxLabel,
        ...form.questions.flatMap((q) => [q.text, q.hint ?? ""]),
      ]
        .filter(Boolean)
        .join("\n"),
    });
  }
  // The pages ask for "the" form of a kind: there must be exactly one of each (when there are any forms at all).
  if (names.length > 0) {
    for (const kind of evaluationKinds) {
      const count = forms.filter((form) => form.kind === kind).length;
      if (count !== 1)
        errors.push({
          file: `content/${EVALUATION_DIR}`,
          message: `er moet precies één evaluatie met kind: ${kind} zijn (nu ${count})`,
        });
    }
  }
  return { forms, errors, texts };
}
