// Accessible form fields: a visible label, the error linked with aria-describedby, aria-invalid when wrong.
import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";

type Common = { label: string; errors?: string[]; hint?: ReactNode };

/** The ids that tie a control to its hint and error, and the ARIA attributes that use them. */
function useFieldIds(id: string | undefined, hint: ReactNode, errors: string[] | undefined) {
  const fallbackId = useId();
  const inputId = id ?? fallbackId;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = errors?.length ? `${inputId}-error` : undefined;
  return {
    inputId,
    hintId,
    errorId,
    aria: {
      "aria-invalid": errors?.length ? true : undefined,
      "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
    },
  };
}

function FieldMessages({
  hint,
  hintId,
  errors,
  errorId,
}: {
  hint?: ReactNode;
  hintId?: string;
  errors?: string[];
  errorId?: string;
}) {
  return (
    <>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p className="field-error" id={errorId}>
          {errors.join(" ")}
        </p>
      ) : null}
    </>
  );
}

export function Field({ label, errors, hint, id, ...props }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const { inputId, hintId, errorId, aria } = useFieldIds(id, hint, errors);
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      <input id={inputId} {...aria} {...props} />
      <FieldMessages hint={hint} hintId={hintId} errors={errors} errorId={errorId} />
    </div>
  );
}

export function TextareaField({
  label,
  errors,
  hint,
  id,
  ...props
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const { inputId, hintId, errorId, aria } = useFieldIds(id, hint, errors);
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      <textarea id={inputId} {...aria} {...props} />
      <FieldMessages hint={hint} hintId={hintId} errors={errors} errorId={errorId} />
    </div>
  );
}

export function SelectField({
  label,
  errors,
  hint,
  id,
  children,
  ...props
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  const { inputId, hintId, errorId, aria } = useFieldIds(id, hint, errors);
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      <select id={inputId} {...aria} {...props}>
        {children}
      </select>
      <FieldMessages hint={hint} hintId={hintId} errors={errors} errorId={errorId} />
    </div>
  );
}

/** A message about the whole form, announced to screen readers. */
export function FormAlert({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <div className="alert alert-error" role="alert">
      {message}
    </div>
  );
}

/** Shown above a form with errors: how many fields need attention. */
export function ErrorSummary({ errors }: { errors?: Record<string, string[] | undefined> }) {
  const count = errors ? Object.values(errors).filter((list) => list?.length).length : 0;
  if (!count) return null;
  return (
    <div className="alert alert-error" role="alert">
      {count === 1 ? "Eén veld is niet goed ingevuld." : `${count} velden zijn niet goed ingevuld.`} Kijk hieronder wat
      er mis is.
    </div>
  );
}

/** "Choose a password" and "repeat it", as on the invitation, reset and account pages. */
export function NewPasswordFields({
  label,
  repeatLabel,
  errors,
  hint,
}: {
  label: string;
  repeatLabel: string;
  errors?: Record<string, string[] | undefined>;
  hint?: ReactNode;
}) {
  return (
    <>
      <Field
        label={label}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={hint}
        errors={errors?.password}
      />
      <Field
        label={repeatLabel}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        errors={errors?.confirmPassword}
      />
    </>
  );
}
