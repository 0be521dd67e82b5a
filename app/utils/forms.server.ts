// The server half of the action contract (app/utils/forms.ts): answering invalid input, and turning a
// model's DomainError into that same answer.
import { data } from "@remix-run/node";
import { DomainError } from "./domain-error.ts";
import { BAD_FORM, type FormError, type FormValues, formError } from "./forms.ts";
import { redirectWithToast } from "./toast.server.ts";

/**
 * The form of a POST, for `parseForm`: a urlencoded or multipart body. Anything else — JSON, plain text, no
 * content type, a multipart body without (or with a wrong) boundary, a body cut off — is refused with a 400
 * and a Dutch message, never a 500. Every action reads its form through this.
 */
export async function readForm(request: Request): Promise<FormData> {
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded" && type !== "multipart/form-data") throw badForm();
  try {
    return await request.formData();
  } catch {
    throw badForm();
  }
}

/** The 400 for a body that is not a form we can read (thrown: the page's error boundary shows the message). */
export function badForm(): Response {
  return new Response(BAD_FORM, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** The one answer to invalid input, with status 400 unless the page needs another (409, 410, 429). */
export function invalid<E extends FormError>(error: E, status = 400) {
  return data(error, { status });
}

/**
 * The form's answer to a rule a model refused (DomainError): its messages at their fields, what was
 * submitted kept. `field` puts the message at that field instead (for a form whose only field it is about).
 * Anything else is thrown on: that is a bug, not a refusal.
 */
export function domainErrorReply(
  error: unknown,
  values: FormValues,
  options: { field?: string; status?: number } = {},
) {
  return invalid(domainFormError(error, values, options), options.status);
}

/** `domainErrorReply`'s answer before it is sent, for a page that adds to the one answer (e.g. warnings). */
export function domainFormError(error: unknown, values: FormValues, options: { field?: string } = {}): FormError {
  if (!(error instanceof DomainError)) throw error;
  const fieldErrors = options.field ? { [options.field]: Object.values(error.fieldErrors).flat() } : error.fieldErrors;
  return formError(values, fieldErrors);
}

/**
 * For a button without a form of its own (e.g. in a list): a rule a model refused (DomainError) comes back
 * as an error message at the top of `page`. Anything else is thrown on.
 */
export function domainErrorToast(error: unknown, page: string) {
  if (!(error instanceof DomainError)) throw error;
  return redirectWithToast(page, { type: "error", title: error.message });
}
