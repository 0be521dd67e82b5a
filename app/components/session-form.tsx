// The fields of a session (new and edit pages share them), and the warnings that ask for confirmation.
import type { FieldErrors, FormValues } from "~/utils/forms.ts";
import { sessionFormatLabels } from "~/utils/labels.ts";
import { ErrorSummary, Field, FormAlert, SelectField, TextareaField } from "./forms.tsx";

export function SessionFormFields({
  values,
  errors,
  formError,
  warnings,
  submitLabel,
}: {
  values: FormValues;
  errors: FieldErrors;
  formError?: string | null;
  warnings: string[];
  submitLabel: string;
}) {
  return (
    <>
      <FormAlert message={formError} />
      <ErrorSummary errors={errors} />
      {warnings.length ? (
        <div className="alert alert-warning" role="alert">
          <p>
            <strong>Let op, nog niet opgeslagen.</strong>
          </p>
          <ul>
            {warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
          <p>Pas de gegevens aan, of kies onderaan &quot;Toch opslaan&quot; als het zo klopt.</p>
        </div>
      ) : null}
      <Field
        label="Nummer"
        name="number"
        type="number"
        inputMode="numeric"
        min={1}
        max={99}
        required
        defaultValue={values.number ?? ""}
        errors={errors.number}
      />
      <Field label="Titel" name="title" required defaultValue={values.title ?? ""} errors={errors.title} />
      <div className="field-row">
        <Field label="Datum" name="date" type="date" required defaultValue={values.date ?? ""} errors={errors.date} />
        <Field
          label="Begintijd"
          name="start"
          type="time"
          required
          hint="Nederlandse tijd"
          defaultValue={values.start ?? ""}
          errors={errors.start}
        />
        <Field
          label="Eindtijd"
          name="end"
          type="time"
          required
          hint="Nederlandse tijd"
          defaultValue={values.end ?? ""}
          errors={errors.end}
        />
      </div>
      <SelectField
        label="Vorm"
        name="format"
        required
        defaultValue={values.format ?? "IN_PERSON"}
        errors={errors.format}
      >
        {Object.entries(sessionFormatLabels).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
      <Field
        label="Locatie"
        name="location"
        hint="Adres of plaats. Nodig bij fysiek en hybride."
        defaultValue={values.location ?? ""}
        errors={errors.location}
      />
      <Field
        label="Link naar de online bijeenkomst"
        name="meetingUrl"
        type="url"
        hint="Bij online en hybride, bijvoorbeeld https://meet.example.nl/sessie."
        defaultValue={values.meetingUrl ?? ""}
        errors={errors.meetingUrl}
      />
      <TextareaField
        label="Programma"
        name="agenda"
        hint="Gewone tekst of Markdoc: een lege regel begint een nieuwe alinea, - maakt een opsomming, **vet** maakt tekst vet."
        defaultValue={values.agenda ?? ""}
        errors={errors.agenda}
      />
      <TextareaField
        label="Voorbereiding voor deelnemers"
        name="preparation"
        defaultValue={values.preparation ?? ""}
        errors={errors.preparation}
      />
      <div className="button-row">
        <button type="submit">{submitLabel}</button>
        {warnings.length ? (
          <button type="submit" name="confirmWarnings" value="yes" className="button-secondary">
            Toch opslaan
          </button>
        ) : null}
      </div>
    </>
  );
}
