// The one error a model throws when a rule refuses a change: a Dutch message for the person who asked, and
// the form field it is about ("form" when it is about the whole form). Routes turn it into the form's answer
// with `domainErrorReply` (app/utils/forms.server.ts); anything else that is thrown stays a bug (500).
//
// Imports nothing server-only, so pure rule modules (e.g. the intervisie steps) can throw it as well.

/** Field errors per form field; "form" is the whole form. */
export type DomainFieldErrors = Record<string, string[]>;

export class DomainError extends Error {
  /** Every message of this refusal per field (one field unless made with `DomainError.fields`). */
  readonly fieldErrors: DomainFieldErrors;

  constructor(
    message: string,
    readonly field: string = "form",
    fieldErrors?: DomainFieldErrors,
  ) {
    super(message);
    this.name = "DomainError";
    this.fieldErrors = fieldErrors ?? { [field]: [message] };
  }

  /** A refusal with messages at several fields at once (e.g. every problem of a form that is checked whole). */
  static fields(fieldErrors: DomainFieldErrors): DomainError {
    const [field, messages] = Object.entries(fieldErrors).find(([, list]) => list.length > 0) ?? [
      "form",
      ["Dit kan zo niet."],
    ];
    return new DomainError(messages[0]!, field, fieldErrors);
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
