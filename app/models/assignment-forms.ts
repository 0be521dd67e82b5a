// The Zod schema of the assignment form (Dutch messages), shared by the new and edit pages. Checks that need
// the server (the Markdoc of the instructions, the lessons' opdracht ids) are the model's (assignment.server.ts).
import { z } from "zod";
import { amsterdamTime } from "~/utils/dates.ts";
import { optionalText } from "~/utils/forms.ts";
import { isCalendarDate, isClockTime } from "./schedule.ts";

export const assignmentFields = z.object({
  sessionId: z.string({ required_error: "Kies een bijeenkomst." }).uuid("Kies een bijeenkomst."),
  title: z
    .string({ required_error: "Vul een titel in." })
    .trim()
    .min(3, "Vul een titel in (minstens 3 tekens).")
    .max(200, "De titel mag maximaal 200 tekens hebben."),
  instructions: optionalText(20_000, "De uitleg mag maximaal 20.000 tekens hebben."),
  dueDate: z.string({ required_error: "Vul een datum in." }).trim().refine(isCalendarDate, "Vul een geldige datum in."),
  dueTime: z
    .string({ required_error: "Vul een tijd in." })
    .trim()
    .refine(isClockTime, "Vul een tijd in, bijvoorbeeld 17:00."),
  kind: z.enum(["DUO", "INDIVIDUAL"], {
    errorMap: () => ({ message: "Kies of het een duo-opdracht of een individuele opdracht is." }),
  }),
  allowFiles: z
    .string()
    .optional()
    .transform((value) => value === "on" || value === "true"),
  opdrachtId: z
    .string()
    .optional()
    .transform((value) => value?.trim() || null),
});

/** The form's fields as the model's input: the due date and time become one moment. */
export function assignmentInput(fields: z.output<typeof assignmentFields>) {
  const { sessionId, title, instructions, kind, allowFiles, opdrachtId } = fields;
  return {
    sessionId,
    title,
    instructions,
    kind,
    allowFiles,
    opdrachtId,
    dueAt: amsterdamTime(fields.dueDate, fields.dueTime),
  };
}

export const assignmentSchema = assignmentFields.transform(assignmentInput);
