// The programme's evaluation, the pure part: reading a participant's answers from the form, and the anonymous
// aggregate that facilitators, coordinators and the CSV export see. Below MIN_ANSWERS responses nothing of an
// evaluation is shown at all (no means, no distribution, no open answers) — only that there are too few.
import {
  type EvaluationAnswers,
  type EvaluationForm,
  type EvaluationQuestion,
  OPEN_ANSWER_MAX,
} from "~/content/evaluation-schema.ts";
import type { FieldErrors, FormValues } from "~/utils/forms.ts";

export const MIN_ANSWERS = 3;
export const TOO_FEW_MESSAGE = `Nog te weinig antwoorden om te tonen (minimaal ${MIN_ANSWERS}).`;

/** The form field of a question: the scale value or the open text. */
export function fieldName(question: EvaluationQuestion): string {
  return question.id;
}

/** The answers as typed in the form, checked against the form: every scale question answered, texts not too long. */
export function answersFromForm(
  form: EvaluationForm,
  values: FormValues,
): { answers: EvaluationAnswers; errors: FieldErrors } {
  const answers: EvaluationAnswers = {};
  const errors: FieldErrors = {};
  for (const question of form.questions) {
    const raw = values[question.id];
    const value = (typeof raw === "string" ? raw : (raw?.[0] ?? "")).trim();
    if (question.type === "scale") {
      const number = Number(value);
      if (!value) errors[question.id] = ["Kies een antwoord op deze vraag."];
      else if (!/^\d+$/.test(value) || number < form.scale.min || number > form.scale.max)
        errors[question.id] = [`Kies een getal van ${form.scale.min} tot en met ${form.scale.max}.`];
      else answers[question.id] = number;
    } else if (value.length > OPEN_ANSWER_MAX) {
      errors[question.id] = [`Dit antwoord is te lang: hoogstens ${OPEN_ANSWER_MAX} tekens (nu ${value.length}).`];
    } else if (value) {
      answers[question.id] = value;
    }
  }
  return { answers, errors };
}

export type ScaleResult = {
  id: string;
  label: string;
  text: string;
  /** How many answered this question. */
  count: number;
  mean: number | null;
  /** distribution[i]: how many answered i + 1. */
  distribution: number[];
};

export type OpenResult = { id: string; text: string; answers: string[] };

export type EvaluationAggregate =
  | { shown: false; count: number }
  | { shown: true; count: number; scales: ScaleResult[]; open: OpenResult[] };

/**
 * The aggregate of some responses to one form. Open answers are sorted alphabetically (Dutch collation), so
 * their order says nothing about who wrote them or when.
 */
export function aggregateResponses(
  form: EvaluationForm,
  responses: EvaluationAnswers[],
  minimum = MIN_ANSWERS,
): EvaluationAggregate {
  const count = responses.length;
  if (count < minimum) return { shown: false, count };
  const collator = new Intl.Collator("nl-NL");
  const scales: ScaleResult[] = [];
  const open: OpenResult[] = [];
  for (const question of form.questions) {
    if (question.type === "scale") {
      const distribution = Array.from({ length: form.scale.max }, () => 0);
      let sum = 0;
      let answered = 0;
      for (const response of responses) {
        const value = response[question.id];
        if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > form.scale.max) continue;
        distribution[value - 1]! += 1;
        sum += value;
        answered += 1;
      }
      scales.push({
        id: question.id,
        label: question.label,
        text: question.text,
        count: answered,
        mean: answered ? sum / answered : null,
        distribution,
      });
    } else {
      const answers = responses
        .map((response) => response[question.id])
        .filter((value): value is string => typeof value === "string" && value.trim() !== "")
        .sort(collator.compare);
      open.push({ id: question.id, text: question.text, answers });
    }
  }
  return { shown: true, count, scales, open };
}

/** Answers read back from the database (JSON), keeping only numbers and strings. */
export function storedAnswers(value: unknown): EvaluationAnswers {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  const answers: EvaluationAnswers = {};
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry === "number" || typeof entry === "string") answers[key] = entry;
  }
  return answers;
}

/** "3,4" — one decimal, Dutch notation. */
export function formatMean(value: number | null): string {
  if (value === null) return "–";
  return value.toLocaleString("nl-NL", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}
