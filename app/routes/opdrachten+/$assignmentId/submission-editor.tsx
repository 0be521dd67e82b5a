import { Form, type useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { AutosaveConflictPanel, AutosaveStatus, useAutosave } from "~/components/autosave.tsx";
import { ErrorSummary, FormAlert, TextareaField } from "~/components/forms.tsx";
import { MarkdocText } from "~/components/markdoc-text.tsx";
import type { action, loader } from "./route.tsx";
import { isFormError, textValue } from "~/utils/forms.ts";

export type PageActionData = ReturnType<typeof useActionData<typeof action>>;

/** The duo's (or participant's) text: the editor while it may change, else the handed-in text. */
export function SubmissionSection({ actionData, busy }: { actionData: PageActionData; busy: boolean }) {
  const { assignment, submission, editable, withdrawable } = useLoaderData<typeof loader>();
  const isDuo = assignment.kind === "DUO";
  const page = `/opdrachten/${assignment.id}`;
  return (
    <section aria-labelledby="uitwerking">
      <h2 id="uitwerking">{isDuo ? "Jullie uitwerking" : "Je uitwerking"}</h2>
      {editable ? (
        <SubmissionEditor
          action={page}
          body={submission?.body ?? ""}
          version={submission?.version ?? 0}
          isDuo={isDuo}
          hasSubmission={Boolean(submission)}
          actionData={actionData}
          busy={busy}
        />
      ) : (
        <>
          {submission?.bodyTree ? (
            <MarkdocText tree={submission.bodyTree} />
          ) : (
            <p className="muted">Alleen bijlagen ingeleverd.</p>
          )}
          {withdrawable ? (
            <WithdrawForm actionData={actionData} busy={busy} />
          ) : submission?.feedbackAt ? (
            <p className="muted">Er is feedback gegeven, dus de uitwerking ligt vast.</p>
          ) : null}
        </>
      )}
    </section>
  );
}

function SubmissionEditor({
  action,
  body,
  version,
  isDuo,
  hasSubmission,
  actionData,
  busy,
}: {
  action: string;
  body: string;
  version: number;
  isDuo: boolean;
  hasSubmission: boolean;
  actionData: PageActionData;
  busy: boolean;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const autosave = useAutosave({
    formRef,
    action,
    version,
    // Nothing to keep yet: an empty text does not create a submission.
    shouldSave: (values) => hasSubmission || Boolean(values.body?.trim()),
  });
  const preview = useFetcher<{ status: "preview"; tree: unknown }>();

  // Handing in refused because the duo partner saved in between: one autosave brings both versions up.
  const conflictOnSubmit = actionData?.status === "conflict";
  const handled = useRef<unknown>(null);
  const { save } = autosave;
  useEffect(() => {
    if (!conflictOnSubmit || handled.current === actionData) return;
    handled.current = actionData;
    save();
  }, [conflictOnSubmit, save, actionData]);

  const editorError =
    isFormError(actionData) && ["autosave", "save", "submit"].includes(String(actionData.values.intent))
      ? actionData
      : null;
  const errors = editorError ? editorError.fieldErrors : (autosave.errors ?? undefined);
  const kept = editorError
    ? textValue(editorError.values, "body")
    : actionData?.status === "conflict"
      ? textValue(actionData.values, "body")
      : undefined;

  function showPreview() {
    const text = formRef.current?.elements.namedItem("body");
    if (!(text instanceof HTMLTextAreaElement)) return;
    preview.submit({ intent: "preview", body: text.value }, { method: "post", action });
  }

  return (
    <>
      {autosave.conflict ? (
        <AutosaveConflictPanel
          conflict={autosave.conflict}
          fields={[{ name: "body", label: "Tekst" }]}
          heading={
            isDuo ? "Je duopartner heeft de tekst intussen ook gewijzigd" : "De tekst is in een ander venster gewijzigd"
          }
          theirsLabel={isDuo ? "Opgeslagen versie (van je duopartner)" : "Opgeslagen versie (ander venster)"}
          onKeepMine={autosave.keepMine}
          onTakeTheirs={autosave.takeTheirs}
        />
      ) : null}
      <ErrorSummary errors={editorError?.fieldErrors} />
      {conflictOnSubmit ? (
        <FormAlert message="Niet ingeleverd: je duopartner heeft de tekst intussen gewijzigd. Er is niets overschreven; kies welke versie je houdt en lever dan in." />
      ) : null}
      <Form ref={formRef} method="post" action={action} className="stack" noValidate {...autosave.formProps}>
        <input type="hidden" name="version" value={autosave.version} />
        <TextareaField
          label={isDuo ? "Jullie tekst" : "Je tekst"}
          name="body"
          rows={16}
          defaultValue={kept ?? body}
          errors={errors?.body}
          hint={`Wat je schrijft wordt elke paar seconden bewaard${isDuo ? "; je duopartner ziet het ook en kan erin verder schrijven" : ""}. Je kunt Markdown gebruiken: **vet**, *schuin*, een regel met - voor een opsomming.`}
        />
        <AutosaveStatus
          autosave={autosave}
          idleText={hasSubmission ? "Alles is opgeslagen." : ""}
          conflictText={
            isDuo
              ? "Niet opgeslagen: je duopartner heeft de tekst intussen gewijzigd."
              : "Niet opgeslagen: de tekst is in een ander venster gewijzigd."
          }
        />
        <div className="button-row">
          <button type="submit" name="intent" value="submit" disabled={busy || Boolean(autosave.conflict)}>
            Inleveren
          </button>
          <button
            type="submit"
            name="intent"
            value="save"
            className="button-secondary"
            disabled={busy || Boolean(autosave.conflict)}
          >
            Opslaan
          </button>
          <button type="button" className="button-secondary" onClick={showPreview}>
            Voorbeeld bekijken
          </button>
        </div>
      </Form>
      {preview.data?.status === "preview" ? (
        <section className="panel" aria-labelledby="voorbeeld">
          <h3 id="voorbeeld">Voorbeeld</h3>
          <MarkdocText tree={preview.data.tree} />
        </section>
      ) : null}
    </>
  );
}

/** After handing in, until there is feedback: take the submission back to change it. */
function WithdrawForm({ actionData, busy }: { actionData: PageActionData; busy: boolean }) {
  return (
    <Form method="post" className="stack">
      <input type="hidden" name="intent" value="withdraw" />
      <FormAlert
        message={isFormError(actionData) && actionData.values.intent === "withdraw" ? actionData.formError : null}
      />
      <p>
        Nog iets veranderen? Trek de opdracht terug, pas hem aan en lever hem opnieuw in. Dat kan tot er feedback is.
      </p>
      <div>
        <button type="submit" className="button-secondary" disabled={busy}>
          Terugtrekken om aan te passen
        </button>
      </div>
    </Form>
  );
}
