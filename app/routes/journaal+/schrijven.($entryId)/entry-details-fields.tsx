import { Field, SelectField } from "~/components/forms.tsx";
import { formatDate } from "~/utils/dates.ts";
import type { Draft } from "./draft.ts";

/** Date, labels and the session the entry belongs to. */
export function EntryDetailsFields({
  draft,
  change,
  errors,
  sessions,
}: {
  draft: Draft;
  change: (field: keyof Draft, value: string) => void;
  errors: Partial<Record<string, string[] | undefined>> | undefined;
  sessions: { id: string; label: string; startsAt: Date | string }[];
}) {
  return (
    <>
      <Field
        label="Datum"
        name="writtenOn"
        type="date"
        value={draft.writtenOn}
        onChange={(event) => change("writtenOn", event.target.value)}
        errors={errors?.writtenOn}
      />
      <Field
        label="Labels (mag leeg blijven)"
        name="tags"
        value={draft.tags}
        onChange={(event) => change("tags", event.target.value)}
        hint="Gescheiden door komma's, bijvoorbeeld: leefwereld, bijeenkomst 1"
        errors={errors?.tags}
      />
      {sessions.length ? (
        <SelectField
          label="Hoort bij bijeenkomst (mag leeg blijven)"
          name="sessionId"
          value={draft.sessionId}
          onChange={(event) => change("sessionId", event.target.value)}
          errors={errors?.sessionId}
        >
          <option value="">— Geen bijeenkomst —</option>
          {sessions.map((session) => (
            <option key={session.id} value={session.id}>
              {session.label} ({formatDate(session.startsAt)})
            </option>
          ))}
        </SelectField>
      ) : (
        <input type="hidden" name="sessionId" value="" />
      )}
    </>
  );
}
