// Reading the session form (new and edit): the schema, then the schedule rules with the cohort's context.
// Errors stop the save; warnings stop it once, until the coordinator chooses "Toch opslaan".
import { parseForm, type FieldErrors, type FormValues } from "~/utils/forms.ts";
import { checkSessionTimes } from "./schedule.ts";
import { sessionSchema } from "./schedule-forms.ts";
import { getScheduleContext, type SessionFields } from "./session.server.ts";

export type SessionFormOutcome =
  | { ok: true; fields: SessionFields; warnings: string[]; values: FormValues }
  | { ok: false; errors: FieldErrors; warnings: string[]; values: FormValues };

export async function readSessionForm(
  formData: FormData,
  cohortId: string,
  existing?: { id: string; startsAt: Date; endsAt: Date },
): Promise<SessionFormOutcome> {
  const form = parseForm(sessionSchema, formData);
  if (!form.ok) return { ok: false, errors: form.errors, warnings: [], values: form.values };
  const context = await getScheduleContext(cohortId);
  if (!context) return { ok: false, errors: { title: ["Dit leernetwerk bestaat niet meer."] }, warnings: [], values: form.values };
  const check = checkSessionTimes(
    { id: existing?.id, date: form.data.date, start: form.data.start, end: form.data.end, previous: existing },
    context,
  );
  if (Object.keys(check.errors).length || !check.startsAt || !check.endsAt) {
    return { ok: false, errors: check.errors, warnings: [], values: form.values };
  }
  if (check.warnings.length && form.data.confirmWarnings !== "yes") {
    return { ok: false, errors: {}, warnings: check.warnings, values: form.values };
  }
  const { data } = form;
  return {
    ok: true,
    warnings: check.warnings,
    values: form.values,
    fields: {
      number: data.number,
      title: data.title,
      startsAt: check.startsAt,
      endsAt: check.endsAt,
      format: data.format,
      // An online session has no place; an in-person one no meeting link.
      location: data.format === "ONLINE" ? null : data.location || null,
      meetingUrl: data.format === "IN_PERSON" ? null : data.meetingUrl || null,
      agenda: data.agenda,
      preparation: data.preparation,
    },
  };
}
