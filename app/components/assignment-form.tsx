// The coordinator's form for an assignment (new and edit): session, title, instructions, due date and
// time (Europe/Amsterdam), duo or individual, files allowed, and the lesson's opdracht it belongs to.
import { Form } from "@remix-run/react";
import { ErrorSummary, Field, SelectField, TextareaField } from "~/components/forms.tsx";
import { formatDate } from "~/utils/dates.ts";

export type AssignmentFormValues = Record<string, string | string[] | undefined>;

export function AssignmentForm({
  sessions,
  opdrachten,
  values,
  errors,
  submitLabel,
  busy,
}: {
  sessions: { id: string; number: number; title: string; startsAt: Date | string }[];
  opdrachten: { id: string; title: string; lessonTitle: string }[];
  values: AssignmentFormValues;
  errors?: Record<string, string[] | undefined>;
  submitLabel: string;
  busy: boolean;
}) {
  const kind = values.kind ?? "DUO";
  return (
    <>
      <ErrorSummary errors={errors} />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="save" />
        <SelectField
          label="Bij bijeenkomst"
          name="sessionId"
          defaultValue={values.sessionId ?? ""}
          errors={errors?.sessionId}
          required
        >
          <option value="">— Kies een bijeenkomst —</option>
          {sessions.map((session) => (
            <option key={session.id} value={session.id}>
              {session.number}: {session.title} ({formatDate(session.startsAt)})
            </option>
          ))}
        </SelectField>
        <Field
          label="Titel"
          name="title"
          defaultValue={values.title ?? ""}
          maxLength={200}
          required
          errors={errors?.title}
        />
        <TextareaField
          label="Uitleg (mag leeg blijven)"
          name="instructions"
          rows={10}
          defaultValue={values.instructions ?? ""}
          errors={errors?.instructions}
          hint="In Markdown. Verwijs naar een les met een link, bijvoorbeeld [De leefwereld](/leren/module/les). Ook {% callout type=&quot;tip&quot; %}…{% /callout %} werkt."
        />
        <div className="field-row">
          <Field
            label="Inleveren vóór (datum)"
            name="dueDate"
            type="date"
            defaultValue={values.dueDate ?? ""}
            required
            errors={errors?.dueDate}
          />
          <Field
            label="Tijd"
            name="dueTime"
            type="time"
            defaultValue={values.dueTime ?? "17:00"}
            required
            errors={errors?.dueTime}
            hint="Nederlandse tijd"
          />
        </div>
        <fieldset className="fieldset" aria-describedby={errors?.kind ? "kind-error" : undefined}>
          <legend>Soort opdracht</legend>
          <label className="radio">
            <input type="radio" name="kind" value="DUO" defaultChecked={kind === "DUO"} />
            <span>Duo-opdracht: de twee duoleden leveren samen één uitwerking in</span>
          </label>
          <label className="radio">
            <input type="radio" name="kind" value="INDIVIDUAL" defaultChecked={kind === "INDIVIDUAL"} />
            <span>Individueel: ieder levert een eigen uitwerking in</span>
          </label>
          {errors?.kind ? (
            <p id="kind-error" className="field-error">
              {errors.kind.join(" ")}
            </p>
          ) : null}
        </fieldset>
        <div className="checkbox-field">
          <input
            type="checkbox"
            id="allowFiles"
            name="allowFiles"
            defaultChecked={values.allowFiles !== "off" && values.allowFiles !== ""}
          />
          <label htmlFor="allowFiles">
            Deelnemers mogen bestanden toevoegen (PDF, Word, Excel, PowerPoint, afbeeldingen)
          </label>
        </div>
        <SelectField
          label="Hoort bij de opdracht in een les (mag leeg blijven)"
          name="opdrachtId"
          defaultValue={values.opdrachtId ?? ""}
          errors={errors?.opdrachtId}
          hint="Dan staat bij die opdracht in de les een link naar deze opdracht, met de status voor de deelnemer."
        >
          <option value="">— Geen —</option>
          {opdrachten.map((opdracht) => (
            <option key={opdracht.id} value={opdracht.id}>
              {opdracht.title} (les: {opdracht.lessonTitle})
            </option>
          ))}
        </SelectField>
        <div>
          <button type="submit" disabled={busy}>
            {submitLabel}
          </button>
        </div>
      </Form>
    </>
  );
}
