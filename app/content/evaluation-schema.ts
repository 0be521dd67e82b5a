// The programme's evaluation forms in content/evaluaties/*.yaml: one for after each session ("bijeenkomst")
// and one for the end of the cohort ("einde"). A few statements on a scale and a few open questions, validated
// with Zod like the self-scans, so a broken form never ships (`npm run content:check` and the content tests).
// Free of the file system, so the pages and the aggregation can use the types.
import { z } from "zod";

const id = z
  .string({ required_error: "id is verplicht" })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "id: alleen kleine letters, cijfers en streepjes");
const text = (what: string) =>
  z
    .string({ required_error: `${what} is verplicht`, invalid_type_error: `${what} moet tekst zijn` })
    .trim()
    .min(1, `${what} is leeg`);

const evaluationScaleSchema = z
  .object({
    min: z.literal(1, { errorMap: () => ({ message: "een schaal begint bij 1" }) }),
    max: z.number().int().min(3, "een schaal heeft minstens 3 punten").max(7, "een schaal heeft hoogstens 7 punten"),
    minLabel: text("minLabel"),
    maxLabel: text("maxLabel"),
  })
  .strict();

const evaluationQuestionSchema = z.discriminatedUnion("type", [
  // A statement answered on the form's scale; required.
  z
    .object({
      id,
      type: z.literal("scale"),
      text: text("text"),
      /** A short name for the chart and the table (at most 32 characters). */
      label: text("label").refine((value) => value.length <= 32, "label: hoogstens 32 tekens (past in de grafiek)"),
      hint: z.string().trim().optional(),
    })
    .strict(),
  // An open question; may stay empty.
  z.object({ id, type: z.literal("open"), text: text("text"), hint: z.string().trim().optional() }).strict(),
]);

export const evaluationKinds = ["session", "end"] as const;
export type EvaluationKind = (typeof evaluationKinds)[number];

export const evaluationFileSchema = z
  .object({
    title: text("title"),
    summary: text("summary"),
    /** session: after each session that took place; end: once, after the last session. */
    kind: z.enum(evaluationKinds, { errorMap: () => ({ message: "kind: session of end" }) }),
    scale: evaluationScaleSchema,
    questions: z.array(evaluationQuestionSchema).min(1, "een evaluatie heeft minstens één vraag"),
  })
  .strict()
  .superRefine((form, ctx) => {
    const seen = new Set<string>();
    form.questions.forEach((question, index) => {
      if (seen.has(question.id))
        ctx.addIssue({
          code: "custom",
          path: ["questions", index, "id"],
          message: `vraag-id "${question.id}" komt twee keer voor`,
        });
      seen.add(question.id);
    });
    if (!form.questions.some((question) => question.type === "scale"))
      ctx.addIssue({ code: "custom", path: ["questions"], message: "een evaluatie heeft minstens één schaalvraag" });
  });

export type EvaluationFile = z.infer<typeof evaluationFileSchema>;
export type EvaluationQuestion = EvaluationFile["questions"][number];
export type EvaluationForm = EvaluationFile & { id: string };

/** What one participant answered: a number per scale question, text per open question (empty ones left out). */
export type EvaluationAnswers = Record<string, number | string>;

/** The most open answers a question keeps (characters). */
export const OPEN_ANSWER_MAX = 2000;
