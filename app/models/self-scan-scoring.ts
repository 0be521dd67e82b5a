// Scoring of the self-scans, free of the database so it can be unit-tested: reading answers from a form,
// what is still missing before a scan can be completed, per-section averages, the change between moments,
// and the anonymised cohort aggregate (nothing at all when fewer than three duos answered).
import {
  type Answer,
  type Answers,
  judgementChoices,
  type JudgementChoice,
  type SelfScan,
  selfScanMoments,
  type SelfScanMomentKey,
} from "~/content/self-scan-schema.ts";
import { type FormValues, textValue } from "~/utils/forms.ts";
import { keptPerKey } from "~/utils/kept.ts";

/** Below this number of duos the cohort aggregate shows nothing, so no duo can be recognised in it. */
export const MIN_DUOS_FOR_AGGREGATE = 3;

const MAX_REMARK = 2000;
const MAX_TEXT = 300;

// ---- Measures: what a chart and its table show for a scan ----

export type Measure = {
  key: string;
  label: string;
  min: number;
  max: number;
  /** For ladder measures: the rung names, lowest first (value 1 = the first rung). */
  rungs?: string[];
};

/** One measure per section with scale questions (its average), and "now" / "wanted" per ladder question. */
export function scanMeasures(scan: SelfScan): Measure[] {
  const measures: Measure[] = [];
  for (const section of scan.sections) {
    if (section.scale && section.questions.some((question) => question.type === "scale")) {
      measures.push({
        key: `section:${section.id}`,
        label: section.title,
        min: section.scale.min,
        max: section.scale.max,
      });
    }
    for (const question of section.questions) {
      if (question.type !== "ladder") continue;
      const rungs = question.rungs.map((rung) => rung.label);
      measures.push({ key: `ladder:${question.id}:now`, label: "Nu", min: 1, max: rungs.length, rungs });
      measures.push({ key: `ladder:${question.id}:wanted`, label: "Gewenst", min: 1, max: rungs.length, rungs });
    }
  }
  return measures;
}

/** A measure at the level of single questions (for the per-question breakdown). */
export type QuestionMeasure = Measure & { sectionTitle: string };

export function questionMeasures(scan: SelfScan): QuestionMeasure[] {
  const measures: QuestionMeasure[] = [];
  for (const section of scan.sections) {
    for (const question of section.questions) {
      if (question.type === "scale" && section.scale) {
        measures.push({
          key: question.id,
          label: question.text,
          min: section.scale.min,
          max: section.scale.max,
          sectionTitle: section.title,
        });
      } else if (question.type === "ladder") {
        const rungs = question.rungs.map((rung) => rung.label);
        measures.push({
          key: `${question.id}:now`,
          label: `${question.text} (nu)`,
          min: 1,
          max: rungs.length,
          rungs,
          sectionTitle: section.title,
        });
        measures.push({
          key: `${question.id}:wanted`,
          label: `${question.text} (gewenst)`,
          min: 1,
          max: rungs.length,
          rungs,
          sectionTitle: section.title,
        });
      }
    }
  }
  return measures;
}

// ---- Reading a form ----

function intIn(value: unknown, min: number, max: number): number | undefined {
  if (typeof value !== "string" || !/^\d+$/.test(value)) return undefined;
  const number = Number(value);
  return number >= min && number <= max ? number : undefined;
}

/**
 * The answers in a submitted form (fields `<questionId>.value`, `.remark`, `.choice`, `.reasons`, `.now`,
 * `.wanted`, `.text`). Unknown fields are ignored; values outside the scale are refused with a message.
 */
export function answersFromForm(
  scan: SelfScan,
  form: FormValues,
): { answers: Answers; errors: Record<string, string[]> } {
  const answers: Answers = {};
  const errors: Record<string, string[]> = {};
  const field = (name: string) => textValue(form, name);
  const text = (name: string, max: number, label: string): string | undefined => {
    const value = field(name)?.trim();
    if (!value) return undefined;
    if (value.length > max) errors[name] = [`${label} mag maximaal ${max.toLocaleString("nl-NL")} tekens hebben.`];
    return value.slice(0, max);
  };
  const number = (name: string, min: number, max: number): number | undefined => {
    const raw = field(name);
    if (raw === undefined || raw === "") return undefined;
    const value = intIn(raw, min, max);
    if (value === undefined) errors[name] = [`Kies een waarde van ${min} tot en met ${max}.`];
    return value;
  };
  for (const section of scan.sections) {
    for (const question of section.questions) {
      const answer: Answer = {};
      const id = question.id;
      if (question.type === "scale" && section.scale) {
        answer.value = number(`${id}.value`, section.scale.min, section.scale.max);
        answer.remark = text(`${id}.remark`, MAX_REMARK, "Je toelichting");
      } else if (question.type === "judgement") {
        const choice = field(`${id}.choice`);
        if (choice && (judgementChoices as readonly string[]).includes(choice))
          answer.choice = choice as JudgementChoice;
        else if (choice) errors[`${id}.choice`] = ["Kies go, nog niet of no-go."];
        answer.reasons = text(`${id}.reasons`, MAX_REMARK, "De redenen");
      } else if (question.type === "ladder") {
        answer.now = number(`${id}.now`, 1, question.rungs.length);
        answer.wanted = number(`${id}.wanted`, 1, question.rungs.length);
        answer.remark = text(`${id}.remark`, MAX_REMARK, "Je toelichting");
      } else if (question.type === "text") {
        answer.text = text(`${id}.text`, MAX_TEXT, "Dit antwoord");
      }
      const kept = Object.fromEntries(Object.entries(answer).filter(([, value]) => value !== undefined)) as Answer;
      if (Object.keys(kept).length) answers[id] = kept;
    }
  }
  return { answers, errors };
}

/** The questions (id and text) that still need an answer before the scan can be completed ("afronden"). */
export function missingAnswers(scan: SelfScan, answers: Answers): { id: string; field: string; text: string }[] {
  const missing: { id: string; field: string; text: string }[] = [];
  for (const section of scan.sections) {
    for (const question of section.questions) {
      const answer = answers[question.id] ?? {};
      if (question.type === "scale" && answer.value === undefined)
        missing.push({ id: question.id, field: `${question.id}.value`, text: question.text });
      if (question.type === "judgement") {
        if (!answer.choice) missing.push({ id: question.id, field: `${question.id}.choice`, text: question.text });
        else if (!answer.reasons)
          missing.push({ id: question.id, field: `${question.id}.reasons`, text: `${question.text} (redenen)` });
      }
      if (question.type === "ladder") {
        if (answer.now === undefined)
          missing.push({ id: question.id, field: `${question.id}.now`, text: `${question.text} (nu)` });
        if (answer.wanted === undefined)
          missing.push({ id: question.id, field: `${question.id}.wanted`, text: `${question.text} (gewenst)` });
      }
      if (question.type === "text" && !answer.text)
        missing.push({ id: question.id, field: `${question.id}.text`, text: question.text });
    }
  }
  return missing;
}

// ---- Scores ----

export type Score = {
  /** Per measure key (scanMeasures): the value, or null when nothing was answered. */
  measures: Record<string, number | null>;
  /** Per question measure key (questionMeasures). */
  questions: Record<string, number | null>;
  /** The closing judgement(s): one per respondent who gave one. */
  judgements: JudgementChoice[];
};

const mean = (values: number[]): number | null =>
  values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null;

/** The score of one response: the average of the scale questions per section, and the ladder positions. */
export function scoreAnswers(scan: SelfScan, answers: Answers): Score {
  const measures: Score["measures"] = {};
  const questions: Score["questions"] = {};
  const judgements: JudgementChoice[] = [];
  for (const section of scan.sections) {
    const values: number[] = [];
    for (const question of section.questions) {
      const answer = answers[question.id];
      if (question.type === "scale") {
        questions[question.id] = answer?.value ?? null;
        if (answer?.value !== undefined) values.push(answer.value);
      } else if (question.type === "ladder") {
        measures[`ladder:${question.id}:now`] = answer?.now ?? null;
        measures[`ladder:${question.id}:wanted`] = answer?.wanted ?? null;
        questions[`${question.id}:now`] = answer?.now ?? null;
        questions[`${question.id}:wanted`] = answer?.wanted ?? null;
      } else if (question.type === "judgement" && answer?.choice) {
        judgements.push(answer.choice);
      }
    }
    if (section.scale && section.questions.some((question) => question.type === "scale"))
      measures[`section:${section.id}`] = mean(values);
  }
  return { measures, questions, judgements };
}

/** Several scores as one (a duo whose members answered each on their own): the mean per measure. */
export function combineScores(scores: Score[]): Score | null {
  if (scores.length === 0) return null;
  // One response (a duo answering together): its own score, as the means below would give it.
  if (scores.length === 1) {
    const [score] = scores as [Score];
    return { measures: { ...score.measures }, questions: { ...score.questions }, judgements: [...score.judgements] };
  }
  const combine = (pick: (score: Score) => Record<string, number | null>) => {
    const keys = new Set(scores.flatMap((score) => Object.keys(pick(score))));
    return Object.fromEntries(
      [...keys].map((key) => [
        key,
        mean(scores.map((score) => pick(score)[key]).filter((value): value is number => typeof value === "number")),
      ]),
    );
  };
  return {
    measures: combine((score) => score.measures),
    questions: combine((score) => score.questions),
    judgements: scores.flatMap((score) => score.judgements),
  };
}

export type MomentScores = Partial<Record<SelfScanMomentKey, Score>>;

/** The moments with a score, in order. */
export function answeredMoments(byMoment: MomentScores): SelfScanMomentKey[] {
  return selfScanMoments.filter((moment) => byMoment[moment]);
}

/**
 * The change per measure from the first to the last answered moment (null when a measure lacks a value at
 * either end, or when only one moment was answered).
 */
export function changeBetweenMoments(
  scan: SelfScan,
  byMoment: MomentScores,
): { from: SelfScanMomentKey; to: SelfScanMomentKey; deltas: Record<string, number | null> } | null {
  const moments = answeredMoments(byMoment);
  if (moments.length < 2) return null;
  const from = moments[0]!;
  const to = moments.at(-1)!;
  const deltas: Record<string, number | null> = {};
  for (const measure of scanMeasures(scan)) {
    const start = byMoment[from]?.measures[measure.key];
    const end = byMoment[to]?.measures[measure.key];
    deltas[measure.key] = typeof start === "number" && typeof end === "number" ? end - start : null;
  }
  return { from, to, deltas };
}

// ---- The anonymised cohort aggregate ----

export type JudgementSummary = Record<JudgementChoice | "verdeeld", number>;

export type Aggregate =
  | { shown: false; duoCount: number }
  | {
      shown: true;
      duoCount: number;
      measures: Record<string, number | null>;
      questions: Record<string, number | null>;
      /** Per duo one vote; a duo whose members chose differently counts as "verdeeld" (divided). */
      judgements: JudgementSummary;
    };

/**
 * The cohort's averages for one scan at one moment, over the duos that completed it (one score per duo, no
 * names). With fewer than three duos nothing is returned but the count: not the averages, not the
 * per-question breakdown, not the judgements.
 */
export function aggregateDuos(duoScores: Score[], minimum = MIN_DUOS_FOR_AGGREGATE): Aggregate {
  const duoCount = duoScores.length;
  if (duoCount < minimum) return { shown: false, duoCount };
  const combined = combineScores(duoScores)!;
  const judgements: JudgementSummary = { go: 0, "nog-niet": 0, "no-go": 0, verdeeld: 0 };
  for (const score of duoScores) {
    const distinct = [...new Set(score.judgements)];
    if (distinct.length === 1) judgements[distinct[0]!] += 1;
    else if (distinct.length > 1) judgements.verdeeld += 1;
  }
  return { shown: true, duoCount, measures: combined.measures, questions: combined.questions, judgements };
}

// ---- Display ----

// One formatter for every score: toLocaleString with options builds a new one per call, which was the
// largest single cost of the results page (a table of scores; issue 18).
const scoreFormat = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
// Intl formatting takes a few microseconds a call and a results page asks for dozens: the texts are kept per
// value (averages of a few answers, so few distinct values; bounded all the same).
const formattedScore = keptPerKey(1000, (value: number) => scoreFormat.format(value));

/** A score with one decimal, Dutch style ("3,5"), or "–" when there is none. */
export function formatScore(value: number | null | undefined): string {
  if (value === null || value === undefined) return "–";
  if (value === 0) return scoreFormat.format(value); // 0 and -0 share a key of a Map
  return formattedScore(value);
}

/** "+0,8", "−0,3", "0,0" (a real minus sign, so screen readers say "min"). */
export function formatDelta(value: number | null | undefined): string {
  if (value === null || value === undefined) return "–";
  const rounded = Math.round(value * 10) / 10;
  if (rounded === 0) return "0,0";
  return `${rounded > 0 ? "+" : "−"}${formatScore(Math.abs(rounded))}`;
}

/** A ladder value as its rung ("3 · Adviseren"); a mean between rungs keeps its decimal. */
export function formatMeasureValue(measure: Pick<Measure, "rungs">, value: number | null | undefined): string {
  if (value === null || value === undefined) return "–";
  if (measure.rungs && Number.isInteger(value)) return `${value} · ${measure.rungs[value - 1] ?? ""}`;
  return formatScore(value);
}

/** Stored answers as form values (the inverse of answersFromForm), to fill in the form again. */
export function answersToValues(answers: Answers): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [id, answer] of Object.entries(answers)) {
    for (const [field, value] of Object.entries(answer)) {
      if (value !== undefined && value !== null) values[`${id}.${field}`] = String(value);
    }
  }
  return values;
}
