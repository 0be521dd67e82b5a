// The fields of a cohort (new and edit pages share them).
import type { FieldErrors, FormValues } from "~/utils/forms.ts";
import { cohortStatusLabels } from "~/utils/labels.ts";
import { Field, SelectField, TextareaField } from "./forms.tsx";

export function CohortFields({ values, errors }: { values: FormValues; errors: FieldErrors }) {
  return (
    <>
      <Field label="Naam" name="name" required defaultValue={values.name ?? ""} errors={errors.name} />
      <Field label="Thema (mag leeg blijven)" name="theme" defaultValue={values.theme ?? ""} errors={errors.theme} />
      <TextareaField
        label="Beschrijving (mag leeg blijven)"
        name="description"
        hint="Wat gemeenten in dit leernetwerk doen en wat ze eraan hebben."
        defaultValue={values.description ?? ""}
        errors={errors.description}
      />
      <div className="field-row">
        <Field
          label="Startdatum"
          name="startsOn"
          type="date"
          required
          defaultValue={values.startsOn ?? ""}
          errors={errors.startsOn}
        />
        <Field
          label="Einddatum"
          name="endsOn"
          type="date"
          required
          defaultValue={values.endsOn ?? ""}
          errors={errors.endsOn}
        />
      </div>
      <Field
        label="Capaciteit (aantal gemeenten)"
        name="capacity"
        type="number"
        inputMode="numeric"
        min={1}
        max={100}
        required
        defaultValue={values.capacity ?? "8"}
        errors={errors.capacity}
      />
      <SelectField
        label="Status"
        name="status"
        required
        defaultValue={values.status ?? "CONCEPT"}
        errors={errors.status}
      >
        {Object.entries(cohortStatusLabels).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
    </>
  );
}
