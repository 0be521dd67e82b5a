// The frontmatter of every content file, validated with Zod. Messages are in Dutch because authors read
// them in `npm run content:check` and in the test output.
import { z } from "zod";

const slug = z
  .string({ required_error: "verplicht" })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "alleen kleine letters, cijfers en streepjes");

const text = (what: string) =>
  z
    .string({ required_error: `${what} is verplicht`, invalid_type_error: `${what} moet tekst zijn` })
    .trim()
    .min(1, `${what} is leeg`);

export const moduleFrontmatterSchema = z
  .object({
    title: text("title"),
    summary: text("summary"),
    order: z.number({ required_error: "order is verplicht" }).int().positive(),
  })
  .strict();

export const lessonFrontmatterSchema = z
  .object({
    title: text("title"),
    summary: text("summary"),
    module: slug,
    order: z.number({ required_error: "order is verplicht" }).int().positive(),
    minutes: z
      .number({ required_error: "minutes is verplicht" })
      .int()
      .min(5, "een les duurt minstens 5 minuten; voeg lessen samen")
      .max(15, "een les duurt hoogstens 15 minuten; splits de les"),
    sources: z.array(slug).min(1, "noem minstens één bron"),
  })
  .strict();

/** An intervisie method (content/intervisie/<slug>.md): its steps drive the live meeting view. */
export const methodFrontmatterSchema = z
  .object({
    title: text("title"),
    summary: text("summary"),
    order: z.number({ required_error: "order is verplicht" }).int().positive(),
    /**
     * Where the method comes from, and that the description and steps are this platform's own: the sources
     * (the kwartiermaken handreiking) give only the frame of intervisie (a group of 4–8, an inbrenger with open
     * questions) and the themes, not the methods.
     */
    origin: text("origin"),
    sources: z.array(slug).min(1, "noem minstens één bron"),
    steps: z
      .array(
        z
          .object({
            name: text("name"),
            minutes: z
              .number({ required_error: "minutes is verplicht" })
              .int()
              .min(1, "een stap duurt minstens 1 minuut")
              .max(60, "een stap duurt hoogstens 60 minuten"),
            inbrenger: text("inbrenger"),
            groep: text("groep"),
          })
          .strict(),
        { required_error: "steps is verplicht" },
      )
      .min(2, "een methode heeft minstens 2 stappen")
      .max(12, "een methode heeft hoogstens 12 stappen"),
  })
  .strict();

export type MethodFrontmatter = z.infer<typeof methodFrontmatterSchema>;

export const glossaryFrontmatterSchema = z.object({ title: text("title"), summary: text("summary") }).strict();

export const sourcesSchema = z.record(
  slug,
  z.object({ title: text("title"), author: text("author"), year: z.string().default("") }).strict(),
);

export type ModuleFrontmatter = z.infer<typeof moduleFrontmatterSchema>;
export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>;
export type Source = z.infer<typeof sourcesSchema>[string];

export function describeZodError(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join(".") || "frontmatter"}: ${issue.message}`);
}
