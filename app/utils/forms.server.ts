// The server half of the action contract (app/utils/forms.ts): answering invalid input, and turning a
// model's DomainError into that same answer.
import { data } from "@remix-run/node";
import { DomainError } from "./domain-error.ts";
import { type FormError, type FormValues, formError } from "./forms.ts";

/** The one answer to invalid input, with status 400 unless the page needs another (409, 410, 429). */
export function invalid(error: FormError, status = 400) {
  return data(error, { status });
}

/**
 * The form's answer to a rule a model refused (DomainError): its messages at their fields, what was
 * submitted kept. `field` puts the message at that field instead (for a form whose only field it is about).
 * Anything else is thrown on: that is a bug, not a refusal.
 */
export function domainErrorReply(error: unknown, values: FormValues, options: { field?: string; status?: number } = {}) {
  if (!(error instanceof DomainError)) throw error;
  const fieldErrors = options.field ? { [options.field]: Object.values(error.fieldErrors).flat() } : error.fieldErrors;
  return invalid(formError(values, fieldErrors), options.status);
}
