// The one contract for forms and actions.
//
// - One Zod schema per form; an action with several buttons declares them as ONE discriminated union on
//   `intent` (`formIntents`). `parseForm` reads the FormData with it: a missing or unknown intent is always
//   refused with UNKNOWN_INTENT, never treated as a default.
// - One answer to invalid input, `FormError`: field errors, a form error and what was submitted (minus
//   secrets), so nothing typed is lost. Actions return it with status 400 (`invalid` and
//   `domainErrorReply` in ./forms.server.ts, which also turns a model's DomainError into it).
//
// Shared by the server and the browser (the components read the answer), so it imports nothing server-only.
import { z } from "zod";

export type FieldErrors = Record<string, string[] | undefined>;
/** What was submitted, as text: one value per field, a list for a field sent more than once (check boxes). */
export type FormValues = Record<string, string | string[]>;

/** The one answer to invalid input (status 400, or 409/410/429 where the page says why). */
export type FormError = {
  status: "error";
  fieldErrors: FieldErrors;
  formError: string | null;
  values: FormValues;
};

export type FormResult<T> = { ok: true; data: T; values: FormValues } | { ok: false; error: FormError };

export const UNKNOWN_INTENT = "Dit formulier kennen we niet (meer). Laad de pagina opnieuw en probeer het nog eens.";

/** A body that is not a form at all (readForm in ./forms.server.ts). */
export const BAD_FORM = "Dit formulier kwam niet goed aan. Laad de pagina opnieuw en probeer het nog eens.";

/** A NUL character cannot be stored (PostgreSQL refuses it in text) and never belongs in what someone types. */
export const NUL_CHARACTER =
  "Hier staat een onzichtbaar teken in dat we niet kunnen opslaan. Haal het weg en probeer het opnieuw.";

/** The answer for messages at fields; a message at "form" is about the whole form. */
export function formError(values: FormValues, fieldErrors: FieldErrors = {}, message: string | null = null): FormError {
  const { form, ...fields } = fieldErrors;
  return { status: "error", fieldErrors: fields, formError: message ?? form?.[0] ?? null, values };
}

/** The answer for one message at one field ("form": the whole form). */
export function fieldError(values: FormValues, field: string, message: string): FormError {
  return field === "form" ? formError(values, {}, message) : formError(values, { [field]: [message] });
}

/** Whether an action's answer is the invalid-input answer (for components reading `useActionData`). */
export function isFormError(answer: unknown): answer is FormError {
  return (
    typeof answer === "object" &&
    answer !== null &&
    "status" in answer &&
    answer.status === "error" &&
    "fieldErrors" in answer
  );
}

/** Every value of a field that may be sent more than once (check boxes), as a list. */
export function listValue(values: FormValues | undefined, field: string): string[] {
  const value = values?.[field];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** One value of a field (the last one, when it was sent more than once). */
export function textValue(values: FormValues | undefined, field: string): string | undefined {
  const value = values?.[field];
  return Array.isArray(value) ? value.at(-1) : value;
}

/** The text fields of the FormData (files left out), minus secrets: passwords are never sent back to the browser. */
export function formValues(formData: FormData, secretFields: string[] = []): FormValues {
  const values: FormValues = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string" || secretFields.includes(key)) continue;
    const previous = values[key];
    values[key] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return values;
}

/**
 * The actions of one form page as ONE discriminated union on `intent`: `formIntents({ save: z.object({…}),
 * delete: z.object({…}) })`. Each intent's fields are a plain object schema; checks across fields go on the
 * union (`.superRefine`) so the intents stay one union.
 */
export function formIntents<const T extends Record<string, z.AnyZodObject>>(
  intents: T,
): z.ZodType<IntentOutput<T>, z.ZodTypeDef, unknown> {
  const options = Object.entries(intents).map(([intent, schema]) => schema.extend({ intent: z.literal(intent) }));
  const union = z.discriminatedUnion("intent", options as [z.AnyZodObject, ...z.AnyZodObject[]]);
  return union as unknown as z.ZodType<IntentOutput<T>, z.ZodTypeDef, unknown>;
}

/** What `formIntents` parses to: each intent's fields with the intent itself. */
export type IntentOutput<T extends Record<string, z.AnyZodObject>> = {
  [K in keyof T & string]: z.output<T[K]> & { intent: K };
}[keyof T & string];

/** The intents a schema accepts, when it is (or wraps) a discriminated union on `intent`. */
function intentsOf(schema: z.ZodTypeAny): string[] | null {
  let current: z.ZodTypeAny = schema;
  for (;;) {
    if (current instanceof z.ZodDiscriminatedUnion) {
      return current.discriminator === "intent" ? [...current.optionsMap.keys()].map(String) : null;
    }
    if (current instanceof z.ZodEffects) current = current.innerType();
    else if (current instanceof z.ZodPipeline) current = current._def.in;
    else return null;
  }
}

/**
 * Dutch for what a schema does not say itself (a field missing or sent twice, a value not in the list). A
 * message the schema gives (`required_error`, `errorMap`) is kept: Zod hands it in as `defaultError`.
 */
const dutchErrors: z.ZodErrorMap = (issue, context) => {
  if (context.defaultError !== z.defaultErrorMap(issue, context).message) return { message: context.defaultError };
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      return { message: issue.received === "undefined" ? "Vul dit veld in." : "Dit veld is niet goed ingevuld." };
    case z.ZodIssueCode.invalid_enum_value:
    case z.ZodIssueCode.invalid_literal:
    case z.ZodIssueCode.invalid_union_discriminator:
      return { message: "Kies een van de mogelijkheden." };
    case z.ZodIssueCode.too_big:
      return {
        message: issue.type === "string" ? `Dit mag maximaal ${issue.maximum} tekens hebben.` : "Dit is te veel.",
      };
    case z.ZodIssueCode.too_small:
      return { message: issue.type === "string" ? "Vul dit veld in." : "Dit is te weinig." };
    default:
      return { message: "Dit veld is niet goed ingevuld." };
  }
};

/**
 * Reads a form with its schema. A field sent more than once reaches the schema as a list (see `formList`).
 * With a union on `intent`, a missing or unknown intent is refused as a whole before anything else; then a
 * field with a NUL character is refused at that field (the one character PostgreSQL cannot store).
 */
export function parseForm<S extends z.ZodTypeAny>(
  schema: S,
  formData: FormData,
  options: { secretFields?: string[] } = {},
): FormResult<z.output<S>> {
  const raw: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key);
    raw[key] = all.length === 1 ? all[0]! : all;
  }
  const values = formValues(formData, options.secretFields);
  const intents = intentsOf(schema);
  if (intents && !(typeof raw.intent === "string" && intents.includes(raw.intent))) {
    return { ok: false, error: formError(values, {}, UNKNOWN_INTENT) };
  }
  const withNul = [...new Set(formData.keys())].filter((key) =>
    formData.getAll(key).some((value) => typeof value === "string" && value.includes("\u0000")),
  );
  if (withNul.length) {
    return { ok: false, error: formError(values, Object.fromEntries(withNul.map((key) => [key, [NUL_CHARACTER]]))) };
  }
  const result = schema.safeParse(raw, { errorMap: dutchErrors });
  if (result.success) return { ok: true, data: result.data, values };
  const flattened = result.error.flatten((issue) => issue.message);
  return { ok: false, error: formError(values, flattened.fieldErrors as FieldErrors, flattened.formErrors[0] ?? null) };
}

// ---------------------------------------------------------------------------------------------------------
// Reusable field rules with Dutch messages.
export const emailField = z
  .string({ required_error: "Vul je e-mailadres in." })
  .trim()
  .toLowerCase()
  .min(1, "Vul je e-mailadres in.")
  .max(254, "Dit e-mailadres is te lang.")
  .email("Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl.");

export const nameField = z
  .string({ required_error: "Vul je naam in." })
  .trim()
  .min(2, "Vul je naam in (minstens 2 tekens).")
  .max(120, "Je naam mag maximaal 120 tekens hebben.");

/** Long passphrases beat complex rules (NCSC/NIST advice). */
export const MIN_PASSWORD_LENGTH = 10;

export function newPasswordFields(min: number) {
  return {
    password: z
      .string({ required_error: "Kies een wachtwoord." })
      .min(min, `Kies een wachtwoord van minstens ${min} tekens.`)
      .max(200, "Je wachtwoord mag maximaal 200 tekens hebben."),
    confirmPassword: z.string({ required_error: "Herhaal je wachtwoord." }),
  };
}

export function passwordsMatch(data: { password: string; confirmPassword: string }, ctx: z.RefinementCtx) {
  if (data.password !== data.confirmPassword) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ["confirmPassword"],
      message: "De twee wachtwoorden zijn niet gelijk.",
    });
  }
}

/** Optional text: trimmed, "" when left empty, at most `max` characters. */
export function optionalText(max: number, message: string) {
  return z
    .string()
    .optional()
    .transform((value) => (value ?? "").trim())
    .pipe(z.string().max(max, message));
}

/** Required text: trimmed, between `min` and `max` characters. */
export function requiredText(min: number, max: number, empty: string, tooLong: string) {
  return z.string({ required_error: empty }).trim().min(min, empty).max(max, tooLong);
}

/** A check box that must be ticked to confirm (its value is "on" or, on older forms, "ja"). */
export function confirmBox(message: string) {
  return z.string({ required_error: message }).refine((value) => value === "on" || value === "ja", message);
}

/** A check box: true when ticked. */
export const checkBox = z
  .string()
  .optional()
  .transform((value) => value === "on" || value === "true");

/** A field that may be sent more than once (check boxes with one name): always a list. */
export function formList<T extends z.ZodTypeAny>(item: T) {
  return z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(item));
}

/** An id (a UUID) chosen in the form; `message` when it is missing or malformed. */
export function idField(message: string) {
  return z.string({ required_error: message }).uuid(message);
}
