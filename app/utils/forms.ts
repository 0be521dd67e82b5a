// One Zod schema per form, used by the action (and available to the component). On an error the action
// returns the field errors with status 400 together with what the user typed, so nothing is lost.
import { z } from "zod";

export type FieldErrors = Record<string, string[] | undefined>;
export type FormValues = Record<string, string>;

export type FormResult<T> =
  | { ok: true; data: T; values: FormValues }
  | { ok: false; errors: FieldErrors; formError?: string; values: FormValues };

/** What the user typed, minus secrets (passwords are never sent back to the browser). */
export function formValues(formData: FormData, secretFields: string[] = []): FormValues {
  const values: FormValues = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !secretFields.includes(key)) values[key] = value;
  }
  return values;
}

export function parseForm<S extends z.ZodTypeAny>(
  schema: S,
  formData: FormData,
  options: { secretFields?: string[] } = {},
): FormResult<z.output<S>> {
  const raw: Record<string, FormDataEntryValue> = {};
  for (const [key, value] of formData.entries()) raw[key] = value;
  const values = formValues(formData, options.secretFields);
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data, values };
  const flattened = result.error.flatten();
  return {
    ok: false,
    errors: flattened.fieldErrors as FieldErrors,
    formError: flattened.formErrors[0],
    values,
  };
}

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
