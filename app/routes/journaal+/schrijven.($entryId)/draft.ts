import { useEffect, useState } from "react";
import { type FormValues, textValue } from "~/utils/forms.ts";

/** What the writer has in the form, kept in state so autosave and a refused save can fill it in. */
export type Draft = { title: string; body: string; writtenOn: string; tags: string; sessionId: string };

export function useDraft(initial: Draft) {
  const [draft, setDraft] = useState<Draft>(() => initial);
  function change(field: keyof Draft, value: string) {
    setDraft((current) => ({ ...current, [field]: value }));
  }
  return { draft, setDraft, change };
}

/** After a refused save (without JavaScript, or the final one): put back what was typed. */
export function useRestoredValues(
  values: FormValues | undefined,
  setDraft: (update: (current: Draft) => Draft) => void,
) {
  useEffect(() => {
    if (!values) return;
    setDraft((current) => ({
      title: textValue(values, "title") ?? current.title,
      body: textValue(values, "body") ?? current.body,
      writtenOn: textValue(values, "writtenOn") ?? current.writtenOn,
      tags: textValue(values, "tags") ?? current.tags,
      sessionId: textValue(values, "sessionId") ?? current.sessionId,
    }));
  }, [values, setDraft]);
}
