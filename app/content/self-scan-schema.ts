// The structured self-scans (zelfscans) in content/zelfscans/*.yaml: the definition format, validated with
// Zod so a broken scan never ships (checked by `npm run content:check` and the content tests). Free of the
// file system, so the scoring and the pages can use the types.
import { z } from "zod";

const id = z
  .string({ required_error: "id is verplicht" })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "id: alleen kleine letters, cijfers en streepjes");
const text = (what: string) =>
  z
    .string({ required_error: `${what} is verplicht`, invalid_type_error: `${what} moet tekst zijn` })
    .trim()
    .min(1, `${what} is leeg`);

const scaleSchema = z
  .object({
    min: z.literal(1, { errorMap: () => ({ message: "een schaal begint bij 1" }) }),
    max: z.number().int().min(3, "een schaal heeft minstens 3 punten").max(10, "een schaal heeft hoogstens 10 punten"),
    minLabel: text("minLabel"),
    maxLabel: text("maxLabel"),
  })
  .strict();

const base = { id, text: text("text"), hint: z.string().trim().optional() };

const questionSchema = z.discriminatedUnion("type", [
  // A statement scored on the scale of its section (or of the scan), with room for a remark.
  z.object({ ...base, type: z.literal("scale") }).strict(),
  // The closing judgement: go / not yet / no-go, with reasons.
  z.object({ ...base, type: z.literal("judgement") }).strict(),
  // Where residents stand now and where the duo wants them: one rung each, lowest rung first.
  z
    .object({
      ...base,
      type: z.literal("ladder"),
      rungs: z
        .array(z.object({ id, label: text("label"), description: text("description") }).strict())
        .min(2, "een ladder heeft minstens twee treden"),
    })
    .strict(),
  // A short free answer (e.g. the policy topic of the participatieladder).
  z.object({ ...base, type: z.literal("text") }).strict(),
]);

const sectionSchema = z
  .object({
    id,
    title: text("title").refine(
      (value) => value.length <= 32,
      "title van een onderdeel: hoogstens 32 tekens (past in de grafiek)",
    ),
    intro: z.string().trim().optional(),
    scale: scaleSchema.optional(),
    questions: z.array(questionSchema).min(1, "een onderdeel heeft minstens één vraag"),
  })
  .strict();

export const selfScanFileSchema = z
  .object({
    title: text("title"),
    summary: text("summary"),
    order: z.number().int().positive(),
    /** A key of content/bronnen.yaml: the publication the scan is written from. */
    source: id,
    /** A lesson or module (/leren/…) to read for background. */
    lesson: z
      .string()
      .regex(/^\/leren\//, "lesson: een link naar /leren/…")
      .optional(),
    scale: scaleSchema.optional(),
    sections: z.array(sectionSchema).min(1, "een zelfscan heeft minstens één onderdeel"),
  })
  .strict()
  .superRefine((scan, ctx) => {
    const seen = new Set<string>();
    scan.sections.forEach((section, sectionIndex) => {
      if (seen.has(`section:${section.id}`)) {
        ctx.addIssue({
          code: "custom",
          path: ["sections", sectionIndex, "id"],
          message: `onderdeel-id "${section.id}" komt twee keer voor`,
        });
      }
      seen.add(`section:${section.id}`);
      section.questions.forEach((question, questionIndex) => {
        const path = ["sections", sectionIndex, "questions", questionIndex];
        if (seen.has(question.id))
          ctx.addIssue({
            code: "custom",
            path: [...path, "id"],
            message: `vraag-id "${question.id}" komt twee keer voor`,
          });
        seen.add(question.id);
        if (question.type === "scale" && !section.scale && !scan.scale) {
          ctx.addIssue({
            code: "custom",
            path,
            message: "een schaalvraag heeft een schaal nodig (scale in het onderdeel of de zelfscan)",
          });
        }
      });
    });
  });

export type Scale = z.infer<typeof scaleSchema>;
export type SelfScanQuestion = z.infer<typeof questionSchema>;
export type SelfScanFile = z.infer<typeof selfScanFileSchema>;

/** A scan as the app uses it: every section carries the scale its scale questions use. */
export type SelfScan = Omit<SelfScanFile, "sections" | "scale"> & {
  id: string;
  sourceTitle: string;
  sections: (Omit<SelfScanFile["sections"][number], "scale"> & { scale: Scale | null })[];
};

export type SelfScanSection = SelfScan["sections"][number];

/** Each section gets its effective scale, so nobody has to look it up again. */
export function normaliseScan(scanId: string, file: SelfScanFile, sourceTitle: string): SelfScan {
  const { scale, sections, ...rest } = file;
  return {
    ...rest,
    id: scanId,
    sourceTitle,
    sections: sections.map((section) => ({ ...section, scale: section.scale ?? scale ?? null })),
  };
}

/** What the results pages show of a scan (the titles, the questions and the scale's top), not the whole definition. */
export type ResultsScan = {
  id: string;
  title: string;
  sourceTitle: string;
  sections: {
    id: string;
    title: string;
    scale: { max: number } | null;
    questions: ResultsQuestion[];
  }[];
};
export type ResultsQuestion = { id: string; text: string; type: SelfScanQuestion["type"]; rungs?: { label: string }[] };

const resultsScans = new WeakMap<SelfScan, ResultsScan>();

/** The part of a scan the results pages show (made once per scan: the scans do not change while the app runs). */
export function resultsScan(scan: SelfScan): ResultsScan {
  let kept = resultsScans.get(scan);
  if (!kept) {
    kept = {
      id: scan.id,
      title: scan.title,
      sourceTitle: scan.sourceTitle,
      sections: scan.sections.map((section) => ({
        id: section.id,
        title: section.title,
        scale: section.scale ? { max: section.scale.max } : null,
        questions: section.questions.map((question) => ({
          id: question.id,
          text: question.text,
          type: question.type,
          ...(question.type === "ladder" ? { rungs: question.rungs.map((rung) => ({ label: rung.label })) } : {}),
        })),
      })),
    };
    resultsScans.set(scan, kept);
  }
  return kept;
}

// ---- Moments and fixed choices ----

export const selfScanMoments = ["INTAKE", "MIDWAY", "END"] as const;
export type SelfScanMomentKey = (typeof selfScanMoments)[number];

export const momentLabels: Record<SelfScanMomentKey, string> = { INTAKE: "Intake", MIDWAY: "Halverwege", END: "Einde" };
export const momentSlugs: Record<SelfScanMomentKey, string> = { INTAKE: "intake", MIDWAY: "halverwege", END: "einde" };

export function momentFromSlug(slug: string | undefined): SelfScanMomentKey | null {
  const entry = Object.entries(momentSlugs).find(([, value]) => value === slug);
  return entry ? (entry[0] as SelfScanMomentKey) : null;
}

export const judgementChoices = ["go", "nog-niet", "no-go"] as const;
export type JudgementChoice = (typeof judgementChoices)[number];
export const judgementLabels: Record<JudgementChoice, string> = {
  go: "Go: we gaan door",
  "nog-niet": "Nog niet: eerst moet er iets veranderen",
  "no-go": "No-go: we beginnen er (nu) niet aan",
};
export const judgementShortLabels: Record<JudgementChoice, string> = {
  go: "Go",
  "nog-niet": "Nog niet",
  "no-go": "No-go",
};

/** What a duo (or a member) answered, per question id. Stored as JSON; checked against the scan on saving. */
export type Answer = {
  value?: number;
  remark?: string;
  choice?: JudgementChoice;
  reasons?: string;
  now?: number;
  wanted?: number;
  text?: string;
};
export type Answers = Record<string, Answer>;
