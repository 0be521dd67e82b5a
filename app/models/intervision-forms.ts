// The Zod schemas of the intervisie forms (one per form, Dutch messages).
import { z } from "zod";
import { checkBox, optionalText, requiredText } from "~/utils/forms.ts";
import { isCalendarDate } from "./schedule.ts";

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export const meetingFields = z.object({
  sessionId: optionalText(36, "Kies een bijeenkomst uit de lijst."),
  date: z.string({ required_error: "Vul een datum in." }).trim().refine(isCalendarDate, "Vul een geldige datum in."),
  start: z
    .string({ required_error: "Vul een begintijd in." })
    .trim()
    .regex(TIME, "Vul een begintijd in, bijvoorbeeld 14:00."),
  end: z
    .string({ required_error: "Vul een eindtijd in." })
    .trim()
    .regex(TIME, "Vul een eindtijd in, bijvoorbeeld 15:30."),
  location: optionalText(200, "De plaats mag maximaal 200 tekens hebben."),
  meetingUrl: optionalText(500, "De link mag maximaal 500 tekens hebben.").refine(
    (value) => value === "" || /^https?:\/\/[^\s]+\.[^\s]+$/i.test(value),
    "Vul een volledige link in die begint met https://.",
  ),
  methodSlug: optionalText(60, "Kies een methode uit de lijst."),
});

/** The checks across the meeting form's fields. */
export function checkMeeting(data: z.output<typeof meetingFields>, ctx: z.RefinementCtx) {
  if (data.end <= data.start)
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["end"], message: "De eindtijd moet na de begintijd liggen." });
  if (!data.location && !data.meetingUrl) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["location"], message: "Vul een plaats of een link in." });
  }
}

export const meetingSchema = meetingFields.superRefine(checkMeeting);

export const caseSchema = z.object({
  title: requiredText(
    3,
    120,
    "Geef je casus een korte titel (minstens 3 tekens).",
    "De titel mag maximaal 120 tekens hebben.",
  ),
  situation: requiredText(
    10,
    5000,
    "Beschrijf de situatie (minstens 10 tekens).",
    "De situatie mag maximaal 5000 tekens hebben.",
  ),
  question: requiredText(5, 500, "Schrijf je vraag aan de groep op.", "Je vraag mag maximaal 500 tekens hebben."),
  wish: optionalText(1000, "Dit mag maximaal 1000 tekens hebben."),
});

export const agreementsSchema = z.object({
  agreements: requiredText(
    10,
    5000,
    "Schrijf de afspraken op (minstens 10 tekens).",
    "De afspraken mogen maximaal 5000 tekens hebben.",
  ),
});

export const noteSchema = z.object({
  caseId: z.string({ required_error: "Kies een casus." }).uuid("Kies een casus."),
  kind: z.enum(["QUESTION", "INSIGHT"], { errorMap: () => ({ message: "Kies: open vraag of inzicht." }) }),
  body: requiredText(2, 1000, "Schrijf de vraag of het inzicht op.", "Een notitie mag maximaal 1000 tekens hebben."),
});

export const takeawaySchema = z.object({
  takeaway: requiredText(
    5,
    5000,
    "Schrijf op wat je meeneemt (minstens 5 tekens).",
    "Dit mag maximaal 5000 tekens hebben.",
  ),
  toJournal: checkBox,
});

export const noteKindLabels = { QUESTION: "Open vraag", INSIGHT: "Inzicht" } as const;
