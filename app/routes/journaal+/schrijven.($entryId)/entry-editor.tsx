import { Form, useActionData, useLoaderData, useNavigate, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { useRef, useState } from "react";
import { AutosaveConflictPanel, AutosaveStatus, useAutosave } from "~/components/autosave.tsx";
import { ErrorSummary, Field, FormAlert, TextareaField } from "~/components/forms.tsx";
import { useDraft, useRestoredValues } from "./draft.ts";
import { EntryDetailsFields } from "./entry-details-fields.tsx";
import type { action, loader } from "./route.tsx";

/**
 * The editor of one entry. Autosave (app/components/autosave.tsx) posts the form every few seconds and on
 * leaving a field; the first save of a new entry gives it an id and the address changes to the entry's own.
 */
export function EntryEditor() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const navigate = useNavigate();
  const { entry, reflectie, prompt, sessions } = loaderData;

  const { draft, setDraft, change } = useDraft({
    title: entry?.title ?? "",
    body: entry?.body ?? "",
    writtenOn: entry?.writtenOn ?? loaderData.today,
    tags: entry?.tags ?? "",
    sessionId: loaderData.preselectedSessionId,
  });
  const [entryId, setEntryId] = useState<string | null>(entry?.id ?? null);
  const formRef = useRef<HTMLFormElement>(null);
  const formAction = entryId ? `/journaal/schrijven/${entryId}` : "/journaal/schrijven";

  const autosave = useAutosave({
    formRef,
    action: formAction,
    version: entry?.version ?? 0,
    // An empty new entry is not created by autosave.
    shouldSave: (values) => Boolean(entryId) || Boolean(values.body?.trim()),
    onSaved: (result) => {
      if (entryId) return;
      setEntryId(result.id);
      navigate(`/journaal/schrijven/${result.id}`, { replace: true, preventScrollReset: true });
    },
    submitActionAfterSave: (result) => `/journaal/schrijven/${result.id}`,
    applyValues: (values) =>
      setDraft((current) => ({ ...current, title: values.title ?? "", body: values.body ?? "" })),
  });

  // Restore what was typed after a failed (non-JavaScript or final) save.
  useRestoredValues(actionData && "values" in actionData ? actionData.values : undefined, setDraft);

  const errors = actionData?.status === "error" ? actionData.fieldErrors : (autosave.errors ?? undefined);
  const submitting = navigation.state === "submitting";

  return (
    <>
      {autosave.conflict ? (
        <AutosaveConflictPanel
          conflict={autosave.conflict}
          fields={[
            { name: "title", label: "Titel" },
            { name: "body", label: "Tekst" },
          ]}
          heading="Dit stuk is in een ander venster gewijzigd"
          theirsLabel="Opgeslagen versie (ander venster)"
          onKeepMine={autosave.keepMine}
          onTakeTheirs={autosave.takeTheirs}
        />
      ) : null}

      <ErrorSummary errors={actionData?.status === "error" ? actionData.fieldErrors : undefined} />
      <FormAlert message={errors?.form?.join(" ")} />
      <Form ref={formRef} method="post" action={formAction} className="stack" noValidate {...autosave.formProps}>
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name="version" value={autosave.version} />
        <input type="hidden" name="reflectieId" value={reflectie?.id ?? ""} />
        <input type="hidden" name="promptId" value={prompt?.id ?? ""} />
        <Field
          label="Titel (mag leeg blijven)"
          name="title"
          value={draft.title}
          maxLength={200}
          onChange={(event) => change("title", event.target.value)}
          errors={errors?.title}
        />
        <TextareaField
          label="Je tekst"
          name="body"
          rows={14}
          value={draft.body}
          onChange={(event) => change("body", event.target.value)}
          errors={errors?.body}
          hint="Wat je schrijft wordt elke paar seconden bewaard en is alleen voor jou, tot je het zelf deelt. Je kunt Markdown gebruiken: **vet**, *schuin*, een regel met - voor een opsomming."
        />
        <AutosaveStatus
          autosave={autosave}
          idleText={entryId ? "Alles is opgeslagen." : ""}
          conflictText="Niet opgeslagen: dit stuk is in een ander venster gewijzigd."
        />
        <EntryDetailsFields draft={draft} change={change} errors={errors} sessions={sessions} />
        <div className="button-row">
          <button type="submit" disabled={submitting || Boolean(autosave.conflict)}>
            {submitting ? "Bezig met opslaan…" : "Opslaan en bekijken"}
          </button>
          {entryId ? (
            <Link to={`/journaal/${entryId}`} className="button-link">
              Terug naar het stuk
            </Link>
          ) : null}
        </div>
        <p className="muted">Met wie je dit stuk deelt, kies je na het opslaan. Standaard is het privé.</p>
      </Form>
    </>
  );
}
