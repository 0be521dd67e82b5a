// The Zod schemas of the cohort and session forms (one per form, Dutch messages). Date and time rules
// that need the cohort's context (past, overlap, period, daylight saving) live in ./schedule.ts.
import { z } from "zod";
import { optionalText } from "~/utils/forms.ts";
import { isCalendarDate } from "./schedule.ts";

const calendarDate = (message: string) =>
  z
    .string({ required_error: message })
    .trim()
    .refine((value) => isCalendarDate(value), message);

export const cohortStatusValues = ["CONCEPT", "APPLICATIONS_OPEN", "RUNNING", "CLOSED"] as const;

export const cohortFields = z.object({
  name: z
    .string({ required_error: "Vul een naam in." })
    .trim()
    .min(3, "Vul een naam in (minstens 3 tekens).")
    .max(160, "De naam mag maximaal 160 tekens hebben."),
  theme: optionalText(200, "Het thema mag maximaal 200 tekens hebben."),
  description: optionalText(4000, "De beschrijving mag maximaal 4000 tekens hebben."),
  startsOn: calendarDate("Vul een geldige startdatum in."),
  endsOn: calendarDate("Vul een geldige einddatum in."),
  capacity: z.coerce
    .number({ invalid_type_error: "Vul een aantal gemeenten in, bijvoorbeeld 8." })
    .int("Vul een heel getal in.")
    .min(1, "Er moet plaats zijn voor minstens 1 gemeente.")
    .max(100, "Maximaal 100 gemeenten."),
  status: z.enum(cohortStatusValues, { errorMap: () => ({ message: "Kies een status." }) }),
});

/** The checks across the cohort form's fields. */
export function checkCohortDates(data: { startsOn: string; endsOn: string }, ctx: z.RefinementCtx) {
  if (data.endsOn < data.startsOn) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ["endsOn"],
      message: "De einddatum moet op of na de startdatum liggen.",
    });
  }
}

export const cohortSchema = cohortFields.superRefine(checkCohortDates);

export const scheduleChoiceSchema = z.object({
  schedule: z.enum(["default", "copy", "none"], {
    errorMap: () => ({ message: "Kies hoe de bijeenkomsten worden gepland." }),
  }),
  copyFromId: z.string().optional(),
});

export const sessionFormatValues = ["IN_PERSON", "ONLINE", "HYBRID"] as const;

export const sessionFields = z.object({
  number: z.coerce
    .number({ invalid_type_error: "Vul een nummer in, bijvoorbeeld 1." })
    .int("Vul een heel getal in.")
    .min(1, "Het nummer is minstens 1.")
    .max(99, "Het nummer is hoogstens 99."),
  title: z
    .string({ required_error: "Vul een titel in." })
    .trim()
    .min(3, "Vul een titel in (minstens 3 tekens).")
    .max(160, "De titel mag maximaal 160 tekens hebben."),
  date: z.string({ required_error: "Vul een datum in." }).trim().min(1, "Vul een datum in."),
  start: z.string({ required_error: "Vul een begintijd in." }).trim().min(1, "Vul een begintijd in."),
  end: z.string({ required_error: "Vul een eindtijd in." }).trim().min(1, "Vul een eindtijd in."),
  format: z.enum(sessionFormatValues, { errorMap: () => ({ message: "Kies de vorm: fysiek, online of hybride." }) }),
  location: optionalText(200, "De locatie mag maximaal 200 tekens hebben."),
  meetingUrl: optionalText(500, "De link mag maximaal 500 tekens hebben.").refine(
    (value) => value === "" || /^https?:\/\/[^\s]+\.[^\s]+$/i.test(value),
    "Vul een volledige link in die begint met https://, bijvoorbeeld https://meet.example.nl/sessie.",
  ),
  agenda: optionalText(10000, "Het programma mag maximaal 10.000 tekens hebben."),
  preparation: optionalText(4000, "De voorbereiding mag maximaal 4000 tekens hebben."),
  confirmWarnings: z.string().optional(),
});

/** The checks across the session form's fields. */
export function checkSessionPlace(data: { format: string; location: string }, ctx: z.RefinementCtx) {
  if (data.format !== "ONLINE" && !data.location) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ["location"],
      message: "Vul de locatie in (bij een fysieke of hybride bijeenkomst).",
    });
  }
}

export const sessionSchema = sessionFields.superRefine(checkSessionPlace);

export type SessionFormData = z.output<typeof sessionSchema>;

export const attendanceStatusValues = ["PRESENT", "SIGNED_OFF", "ABSENT"] as const;

export const signOffSchema = z.object({
  reason: z
    .string({ required_error: "Schrijf kort waarom je er niet bij kunt zijn." })
    .trim()
    .min(3, "Schrijf kort waarom je er niet bij kunt zijn (minstens 3 tekens).")
    .max(500, "De reden mag maximaal 500 tekens hebben."),
});
