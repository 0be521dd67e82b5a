// Reads and validates the evaluation forms in content/evaluaties/<form-id>.yaml. Called by loadLibrary, so the
// forms are cached with the rest of the content and checked by `npm run content:check` (schema, exactly one
// form per kind, and the copy check against the seeds).
import path from "node:path";
import { evaluationFileSchema, evaluationKinds, type EvaluationForm } from "./evaluation-schema.ts";
import { type ContentProblem, readYamlFolder } from "./yaml-files.server.ts";

export const EVALUATION_DIR = "evaluaties";

type Problem = ContentProblem;

export function loadEvaluations(
  directory: string,
  relative: (file: string) => string,
): { forms: EvaluationForm[]; errors: Problem[]; texts: { file: string; text: string }[] } {
  const forms: EvaluationForm[] = [];
  const texts: { file: string; text: string }[] = [];
  const { files, errors, found } = readYamlFolder(path.join(directory, EVALUATION_DIR), evaluationFileSchema, {
    relative,
    what: "een evaluatie",
    example: "naam-van-de-evaluatie",
  });
  if (found === 0) return { forms, errors, texts };
  for (const { id, label, data } of files) {
    const form = { ...data, id };
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
  for (const kind of evaluationKinds) {
    const count = forms.filter((form) => form.kind === kind).length;
    if (count !== 1)
      errors.push({
        file: `content/${EVALUATION_DIR}`,
        message: `er moet precies één evaluatie met kind: ${kind} zijn (nu ${count})`,
      });
  }
  return { forms, errors, texts };
}
