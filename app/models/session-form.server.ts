// Checking the session form (new and edit) after its schema: the schedule rules with the cohort's context.
// Errors stop the save; warnings stop it once, until the coordinator chooses "Toch opslaan".
import { type FormError, type FormValues, formError } from "~/utils/forms.ts";
import { checkSessionTimes } from "./schedule.ts";
import type { SessionFormData } from "./schedule-forms.ts";
import { getScheduleContext, type SessionFields } from "./session.server.ts";

/** The session form's answer to invalid input: the one answer, with the warnings to confirm. */
export type SessionFormError = FormError & { warnings: string[] };

export type SessionFormOutcome =
  | { ok: true; fields: SessionFields; warnings: string[] }
  | { ok: false; error: SessionFormError };

export function sessionFormError(error: FormError, warnings: string[] = []): SessionFormError {
  return { ...error, warnings };
}

export async function checkSessionForm(
  data: SessionFormData,
  values: FormValues,
  cohortId: string,
  existing?: { id: string; startsAt: Date; endsAt: Date },
): Promise<SessionFormOutcome> {
  const context = await getScheduleContext(cohortId);
  if (!context)
    return { ok: false, error: sessionFormError(formError(values, { title: ["Dit leernetwerk bestaat niet meer."] })) };
  const check = checkSessionTimes(
    { id: existing?.id, date: data.date, start: data.start, end: data.end, previous: existing },
    context,
  );
  if (Object.keys(check.errors).length || !check.startsAt || !check.endsAt) {
    return { ok: false, error: sessionFormError(formError(values, check.errors)) };
  }
  if (check.warnings.length && data.confirmWarnings !== "yes") {
    return { ok: false, error: sessionFormError(formError(values), check.warnings) };
  }
  return {
    ok: true,
    warnings: check.warnings,
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
