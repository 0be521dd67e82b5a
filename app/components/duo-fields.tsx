// The duo of a municipality in a form: two members (a beleidsmedewerker and a leidinggevende or
// strategisch beleidsadviseur) and, optionally, the municipality's own ervaringsdeskundige. Used by the
// public application form and by the coordinator's direct enrolment.
import { Field, SelectField } from "~/components/forms.tsx";
import type { FieldErrors, FormValues } from "~/utils/forms.ts";
import { duoFunctionLabels } from "~/utils/labels.ts";

const memberFunctions = ["BELEIDSMEDEWERKER", "LEIDINGGEVENDE", "STRATEGISCH_BELEIDSADVISEUR"] as const;

function Member({
  slot,
  legend,
  defaultFunction,
  values,
  errors,
}: {
  slot: "member1" | "member2";
  legend: string;
  defaultFunction: (typeof memberFunctions)[number];
  values: FormValues;
  errors: FieldErrors;
}) {
  return (
    <fieldset className="fieldset stack">
      <legend>{legend}</legend>
      <Field
        label="Naam"
        name={`${slot}Name`}
        autoComplete="off"
        required
        defaultValue={values[`${slot}Name`] ?? ""}
        errors={errors[`${slot}Name`]}
      />
      <Field
        label="E-mailadres"
        name={`${slot}Email`}
        type="email"
        autoComplete="off"
        required
        defaultValue={values[`${slot}Email`] ?? ""}
        errors={errors[`${slot}Email`]}
      />
      <SelectField
        label="Functie"
        name={`${slot}Function`}
        required
        defaultValue={values[`${slot}Function`] ?? defaultFunction}
        errors={errors[`${slot}Function`]}
      >
        {memberFunctions.map((value) => (
          <option key={value} value={value}>
            {duoFunctionLabels[value]}
          </option>
        ))}
      </SelectField>
    </fieldset>
  );
}

export function DuoFields({ values, errors }: { values: FormValues; errors: FieldErrors }) {
  return (
    <>
      <p className="field-hint">
        Het duo bestaat uit een beleidsmedewerker en een leidinggevende of strategisch beleidsadviseur. Zo wordt de
        verandering op twee niveaus in de organisatie gedragen. Beiden krijgen na toelating een eigen uitnodiging per
        e-mail.
      </p>
      <Member
        slot="member1"
        legend="Eerste persoon in het duo"
        defaultFunction="BELEIDSMEDEWERKER"
        values={values}
        errors={errors}
      />
      <Member
        slot="member2"
        legend="Tweede persoon in het duo"
        defaultFunction="LEIDINGGEVENDE"
        values={values}
        errors={errors}
      />
      <fieldset className="fieldset stack">
        <legend>Eigen ervaringsdeskundige (mag leeg blijven)</legend>
        <p className="field-hint">Werkt de gemeente al met een ervaringsdeskundige? Dan kan die ook meedoen.</p>
        <Field
          label="Naam"
          name="expertName"
          autoComplete="off"
          defaultValue={values.expertName ?? ""}
          errors={errors.expertName}
        />
        <Field
          label="E-mailadres"
          name="expertEmail"
          type="email"
          autoComplete="off"
          defaultValue={values.expertEmail ?? ""}
          errors={errors.expertEmail}
        />
      </fieldset>
    </>
  );
}
