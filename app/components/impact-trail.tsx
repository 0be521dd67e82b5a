// Parts of the impact trail's pages: the phase progress of a topic, a step on the timeline, and the step form
// (its fields follow app/models/impact-trail-phases.ts).
import { Link } from "~/components/link.tsx";
import type { ReactNode } from "react";
import { Field, SelectField, TextareaField } from "~/components/forms.tsx";
import {
  PERSONAL_DATA_HINT,
  phaseOf,
  type TrailPhaseId,
  trailFieldName,
  trailFieldText,
  trailPhases,
} from "~/models/impact-trail-phases.ts";
import { calendarDate, formatDate } from "~/utils/dates.ts";
import type { FieldErrors, FormValues } from "~/utils/forms.ts";

export type PhaseProgress = {
  round: number;
  rounds: number;
  doneCount: number;
  phases: { id: string; short: string; number: number; done: boolean }[];
};

/** "Ronde 2: 3 van 4 fasen", with each phase marked in text (not by colour alone). */
export function PhaseProgressList({ progress, label }: { progress: PhaseProgress; label: string }) {
  return (
    <div className="trail-progress">
      <p className="trail-progress-summary">
        Ronde {progress.round}: {progress.doneCount} van 4 fasen
      </p>
      <ol className="trail-phases" aria-label={label}>
        {progress.phases.map((phase) => (
          <li key={phase.id} className={phase.done ? "trail-phase done" : "trail-phase"}>
            <span aria-hidden="true">{phase.done ? "✓" : "○"}</span> {phase.number}. {phase.short}
            <span className="visually-hidden">{phase.done ? " (gedaan)" : " (nog niet)"}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

export const dateText = (value: string) => formatDate(calendarDate(value));

type StepLink = { href: string; label: string; external: boolean } | { missing: true; label: string } | null;

/** The fields of one step, as a definition list. */
export function StepValues({ phase, content }: { phase: TrailPhaseId; content: Record<string, string> }) {
  const definition = phaseOf(phase)!;
  const filled = definition.fields.filter((field) => content[field.id]);
  if (!filled.length) return <p className="muted">Nog niets ingevuld.</p>;
  return (
    <dl className="trail-values">
      {filled.map((field) => (
        <div key={field.id}>
          <dt>{field.label}</dt>
          <dd className="pre-line">{trailFieldText(field, content[field.id], dateText)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function StepLinkView({ link }: { link: StepLink }) {
  if (!link) return null;
  if ("missing" in link) return <p className="muted">Koppeling: {link.label} (niet meer beschikbaar)</p>;
  return (
    <p>
      Koppeling:{" "}
      {link.external ? (
        <a href={link.href} rel="noopener noreferrer">
          {link.label}
        </a>
      ) : (
        <Link to={link.href}>{link.label}</Link>
      )}
    </p>
  );
}

const value = (values: FormValues | undefined, name: string) => {
  const raw = values?.[name];
  return Array.isArray(raw) ? (raw[0] ?? "") : (raw ?? "");
};
const list = (values: FormValues | undefined, name: string) => {
  const raw = values?.[name];
  if (Array.isArray(raw)) return raw;
  return raw ? raw.split(",") : [];
};

/**
 * The fields of the step form. `values` fills them (the stored step, or what was typed when the save was
 * refused); `rounds` are the rounds to choose from (the last one is a new round).
 */
export function StepFormFields({
  phase,
  values,
  errors,
  rounds,
  linkOptions,
}: {
  phase: TrailPhaseId;
  values: FormValues;
  errors?: FieldErrors;
  rounds: number[];
  linkOptions: { value: string; label: string }[];
}) {
  const definition = phaseOf(phase)!;
  const newest = Math.max(...rounds);
  return (
    <>
      <div className="field-row">
        <SelectField label="Ronde" name="round" defaultValue={value(values, "round")} errors={errors?.round}>
          {rounds.map((round) => (
            <option key={round} value={round}>
              Ronde {round}
              {round === newest && rounds.length > 1 && !values.stepId ? " (nieuwe ronde)" : ""}
            </option>
          ))}
        </SelectField>
        <Field
          label="Datum"
          name="happenedOn"
          type="date"
          required
          defaultValue={value(values, "happenedOn")}
          errors={errors?.happenedOn}
        />
      </div>
      <Field
        label="Korte titel van deze stap"
        name="title"
        required
        maxLength={200}
        defaultValue={value(values, "title")}
        errors={errors?.title}
        hint="Bijvoorbeeld: Gesprek met de cliëntenraad."
      />
      {definition.fields.map((field) => {
        const name = trailFieldName(field);
        if (field.kind === "checks")
          return (
            <fieldset
              key={field.id}
              className="fieldset"
              aria-describedby={errors?.[name] ? `${name}-error` : undefined}
            >
              <legend>{field.label}</legend>
              {field.options!.map((option) => (
                <label key={option.value} className="choice">
                  <input
                    type="checkbox"
                    name={name}
                    value={option.value}
                    defaultChecked={list(values, name).includes(option.value)}
                  />{" "}
                  {option.label}
                </label>
              ))}
              {errors?.[name] ? (
                <p className="field-error" id={`${name}-error`}>
                  {errors[name]!.join(" ")}
                </p>
              ) : null}
            </fieldset>
          );
        if (field.kind === "select")
          return (
            <SelectField
              key={field.id}
              label={field.label}
              name={name}
              defaultValue={value(values, name)}
              errors={errors?.[name]}
            >
              <option value="">Kies…</option>
              {field.options!.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </SelectField>
          );
        if (field.kind === "textarea")
          return (
            <TextareaField
              key={field.id}
              label={field.label}
              name={name}
              rows={4}
              hint={field.hint}
              defaultValue={value(values, name)}
              errors={errors?.[name]}
            />
          );
        return (
          <Field
            key={field.id}
            label={field.label}
            name={name}
            type={field.kind === "date" ? "date" : "text"}
            hint={field.hint}
            defaultValue={value(values, name)}
            errors={errors?.[name]}
          />
        );
      })}
      <fieldset className="fieldset">
        <legend>Koppeling (niet verplicht)</legend>
        <p className="field-hint">
          Verwijs naar jullie aanpak, een zelfscan, een bijeenkomst of een document. Kies uit de lijst óf vul een
          webadres in.
        </p>
        <SelectField
          label="Onderdeel van het leernetwerk"
          name="linkTarget"
          defaultValue={value(values, "linkTarget")}
          errors={errors?.linkTarget}
        >
          <option value="">Geen</option>
          {linkOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </SelectField>
        <Field
          label="Of een webadres van een document"
          name="linkUrl"
          type="url"
          inputMode="url"
          placeholder="https://"
          defaultValue={value(values, "linkUrl")}
          errors={errors?.linkUrl}
        />
        <Field
          label="Naam van de koppeling"
          name="linkLabel"
          maxLength={200}
          defaultValue={value(values, "linkLabel")}
          errors={errors?.linkLabel}
          hint="Bijvoorbeeld: Raadsinformatiebrief van 12 mei."
        />
      </fieldset>
    </>
  );
}

/** The privacy reminder above every step form. */
export function PersonalDataNotice(): ReactNode {
  return (
    <div className="alert alert-warning" role="note">
      <p>
        <strong>Geen persoonsgegevens van inwoners.</strong> {PERSONAL_DATA_HINT} Noteer wel dát mensen toestemming
        gaven en hoe, maar niet wie.
      </p>
    </div>
  );
}

/** Form values of a stored step (to fill the form). */
export function stepFormValues(step: {
  id?: string;
  round: number;
  phase: TrailPhaseId;
  title: string;
  happenedOn: string;
  content: Record<string, string>;
  linkTarget: string | null;
  linkUrl: string | null;
  linkLabel: string;
}): FormValues {
  const values: FormValues = {
    round: String(step.round),
    title: step.title,
    happenedOn: step.happenedOn,
    linkTarget: step.linkTarget ?? "",
    linkUrl: step.linkUrl ?? "",
    linkLabel: step.linkLabel,
  };
  if (step.id) values.stepId = step.id;
  for (const field of phaseOf(step.phase)!.fields) {
    const stored = step.content[field.id] ?? "";
    values[trailFieldName(field)] = field.kind === "checks" ? stored.split(",").filter(Boolean) : stored;
  }
  return values;
}

export { trailPhases };
