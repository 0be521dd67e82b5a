import type { ReactNode } from "react";
import { Field, TextareaField } from "~/components/forms.tsx";
import { judgementChoices, judgementLabels, type SelfScanSection } from "~/content/self-scan-schema.ts";
import { type FormValues, textValue } from "~/utils/forms.ts";

export function fieldError(errors: Record<string, string[] | undefined> | undefined, name: string) {
  return errors?.[name]?.length ? errors[name]!.join(" ") : null;
}

export function SectionFields({
  section,
  values,
  errors,
}: {
  section: SelfScanSection;
  values: FormValues;
  errors: Record<string, string[] | undefined> | undefined;
}) {
  return (
    <section className="self-scan-section" aria-labelledby={`section-${section.id}`}>
      <h2 id={`section-${section.id}`}>{section.title}</h2>
      {section.intro ? <p>{section.intro}</p> : null}
      {section.questions.map((question) => {
        const id = question.id;
        if (question.type === "text") {
          return (
            <Field
              key={id}
              label={question.text}
              name={`${id}.text`}
              defaultValue={textValue(values, `${id}.text`) ?? ""}
              maxLength={300}
              hint={question.hint}
              errors={errors?.[`${id}.text`]}
            />
          );
        }
        const remark = (
          <TextareaField
            label="Toelichting (mag leeg blijven)"
            name={`${id}.remark`}
            rows={2}
            defaultValue={textValue(values, `${id}.remark`) ?? ""}
            errors={errors?.[`${id}.remark`]}
          />
        );
        return (
          <div key={id} className="self-scan-question">
            {question.type === "scale" && section.scale ? (
              <RadioGroup
                name={`${id}.value`}
                legend={question.text}
                hint={question.hint}
                value={textValue(values, `${id}.value`)}
                error={fieldError(errors, `${id}.value`)}
                className="scale-options"
                options={Array.from({ length: section.scale.max }, (_, index) => {
                  const value = index + 1;
                  const end =
                    value === 1
                      ? section.scale!.minLabel
                      : value === section.scale!.max
                        ? section.scale!.maxLabel
                        : null;
                  return { value: String(value), label: end ? `${value}: ${end}` : String(value) };
                })}
              >
                {remark}
              </RadioGroup>
            ) : null}
            {question.type === "judgement" ? (
              <RadioGroup
                name={`${id}.choice`}
                legend={question.text}
                hint={question.hint}
                value={textValue(values, `${id}.choice`)}
                error={fieldError(errors, `${id}.choice`)}
                options={judgementChoices.map((choice) => ({ value: choice, label: judgementLabels[choice] }))}
              >
                <TextareaField
                  label="Waarom? Jullie redenen"
                  name={`${id}.reasons`}
                  rows={4}
                  defaultValue={textValue(values, `${id}.reasons`) ?? ""}
                  errors={errors?.[`${id}.reasons`]}
                />
              </RadioGroup>
            ) : null}
            {question.type === "ladder" ? (
              <fieldset className="choice-group">
                <legend>{question.text}</legend>
                {(["now", "wanted"] as const).map((field) => (
                  <RadioGroup
                    key={field}
                    name={`${id}.${field}`}
                    legend={
                      field === "now"
                        ? "Waar staan inwoners met ervaringskennis nu?"
                        : "Waar willen jullie dat ze komen te staan?"
                    }
                    value={textValue(values, `${id}.${field}`)}
                    error={fieldError(errors, `${id}.${field}`)}
                    options={question.rungs.map((rung, index) => ({
                      value: String(index + 1),
                      label: `${index + 1}. ${rung.label}`,
                      description: rung.description,
                    }))}
                  />
                ))}
                {remark}
              </fieldset>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}

export function RadioGroup({
  name,
  legend,
  hint,
  value,
  error,
  options,
  className,
  children,
}: {
  name: string;
  legend: string;
  hint?: string;
  value: string | undefined;
  error: string | null;
  options: { value: string; label: string; description?: string }[];
  className?: string;
  children?: ReactNode;
}) {
  const baseId = `field-${name.replace(/\W/g, "-")}`;
  const describedBy =
    [hint ? `${baseId}-hint` : null, error ? `${baseId}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className="choice-group" aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="field-hint" id={`${baseId}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${baseId}-error`}>
          {error}
        </p>
      ) : null}
      <div className={className ?? "choice-list"}>
        {options.map((option) => (
          <label className="choice" key={option.value}>
            <input
              type="radio"
              name={name}
              value={option.value}
              defaultChecked={value === option.value}
              aria-invalid={error ? true : undefined}
            />
            <span>
              {option.label}
              {option.description ? <span className="choice-description">{option.description}</span> : null}
            </span>
          </label>
        ))}
      </div>
      {children}
    </fieldset>
  );
}
