import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { CommentForms, commentFormId } from "~/components/action-plan.tsx";
import { AutosaveConflictPanel, AutosaveStatus, useAutosave } from "~/components/autosave.tsx";
import { ErrorSummary, FormAlert, SelectField, TextareaField } from "~/components/forms.tsx";
import {
  canvasSections,
  conditionStatuses,
  conditionStatusLabels,
  fieldName,
  fieldTitle,
  MAX_FIELD_LENGTH,
} from "~/models/action-plan-sections.ts";
import { useCohortHeader } from "~/utils/cohort-page.ts";
import { isFormError, textValue } from "~/utils/forms.ts";
import { CommentThreadWithErrors } from "./comment-thread.tsx";
import type { action, loader } from "./route.tsx";

export function DuoEditor() {
  const {
    content,
    version,
    comments,
    sessions,
    defaultSessionId: sessionId,
    enrollmentId,
  } = useLoaderData<typeof loader>();
  const { cohort } = useCohortHeader();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const formRef = useRef<HTMLFormElement>(null);
  // Which button was pressed, in the one intent field (the buttons carry no intent of their own). Kept in state
  // (not only in the DOM): React would reset an uncontrolled hidden field.
  const [intent, setIntent] = useState<"save" | "version">("save");
  const intentRef = useRef<HTMLInputElement>(null);
  const choose = (value: "save" | "version") => {
    if (intentRef.current) intentRef.current.value = value;
    setIntent(value);
  };
  // After a version was saved, a later Enter or "Opslaan" is a plain save again.
  const versionCount = useLoaderData<typeof loader>().versions.length;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a new version arrives, by design
  useEffect(() => setIntent("save"), [versionCount]);
  const here = `/leernetwerken/${cohort.id}/aanpak/${enrollmentId}`;
  const autosave = useAutosave({ formRef, action: here, version });
  const submitting = navigation.state === "submitting" && navigation.formData?.get("intent") !== "comment";

  // A refused save or version (a comment's answer goes to its thread): messages at the canvas fields, at the
  // session (sessionId) or, for "Versie opslaan", about the version as a whole.
  const refusedIntent = isFormError(actionData) ? textValue(actionData.values, "intent") : undefined;
  const refused = isFormError(actionData) && refusedIntent !== "comment" ? actionData : null;
  const saveErrors = refused?.fieldErrors ?? autosave.errors ?? undefined;
  const versionError = refusedIntent === "version" ? refused?.formError : null;
  const conflictFields = autosave.conflict
    ? canvasSections.flatMap((section) =>
        section.fields
          .filter(
            (field) =>
              (autosave.conflict!.mine[fieldName(section, field)] ?? "") !==
              (autosave.conflict!.theirs[fieldName(section, field)] ?? ""),
          )
          .map((field) => ({ name: fieldName(section, field), label: `${section.title} — ${fieldTitle(field)}` })),
      )
    : [];
  const conflictStatus = actionData?.status === "conflict" ? actionData : null;

  return (
    <>
      {autosave.conflict ? (
        <AutosaveConflictPanel
          conflict={autosave.conflict}
          fields={conflictFields}
          heading="Je duopartner heeft de aanpak intussen gewijzigd"
          intro="Er is niets overschreven. Hieronder staan alleen de velden die verschillen. Kies welke versie jullie houden."
          theirsLabel="Opgeslagen versie (door je duopartner)"
          onKeepMine={autosave.keepMine}
          onTakeTheirs={autosave.takeTheirs}
        />
      ) : conflictStatus ? (
        <FormAlert message="Niet opgeslagen: je duopartner heeft de aanpak intussen gewijzigd. Laad de pagina opnieuw om de nieuwste versie te zien; kopieer eerst wat je wilt bewaren." />
      ) : null}
      <ErrorSummary errors={refused?.fieldErrors} />
      <FormAlert message={versionError ? null : refused?.formError} />
      <Form
        ref={formRef}
        method="post"
        action={here}
        className="canvas-form"
        noValidate
        preventScrollReset
        {...autosave.formProps}
      >
        <input ref={intentRef} type="hidden" name="intent" value={intent} />
        <input type="hidden" name="version" value={autosave.version} />
        {canvasSections.map((section) => {
          // Consecutive fields of one precondition form a group with its own legend.
          const groups: { group?: string; fields: typeof section.fields }[] = [];
          for (const field of section.fields) {
            const last = groups[groups.length - 1];
            if (last && last.group === field.group) last.fields.push(field);
            else groups.push({ group: field.group, fields: [field] });
          }
          const control = (field: (typeof section.fields)[number]) => {
            const name = fieldName(section, field);
            const value = content[section.id]?.[field.id] ?? "";
            return field.kind === "status" ? (
              <SelectField
                key={field.id}
                label={field.label}
                name={name}
                defaultValue={value}
                errors={saveErrors?.[name]}
              >
                {conditionStatuses.map((status) => (
                  <option key={status} value={status}>
                    {conditionStatusLabels[status]}
                  </option>
                ))}
              </SelectField>
            ) : (
              <TextareaField
                key={field.id}
                label={field.label}
                name={name}
                rows={field.rows ?? 3}
                defaultValue={value}
                maxLength={MAX_FIELD_LENGTH}
                hint={field.hint}
                errors={saveErrors?.[name]}
              />
            );
          };
          return (
            <section key={section.id} className="canvas-section" aria-labelledby={`sectie-${section.id}`}>
              <h2 id={`sectie-${section.id}`}>{section.title}</h2>
              <p className="muted">{section.intro}</p>
              {groups.map((group, index) =>
                group.group ? (
                  <fieldset key={group.group} className="fieldset canvas-fieldset">
                    <legend>{group.group}</legend>
                    {group.fields.map(control)}
                  </fieldset>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the canvas sections come from code, in a fixed order
                  <div key={index}>{group.fields.map(control)}</div>
                ),
              )}
              <CommentThreadWithErrors
                sectionId={section.id}
                comments={comments}
                label={`Reageren bij “${section.title}”`}
                formId={commentFormId(section.id)}
              />
            </section>
          );
        })}
        <div className="canvas-savebar">
          <AutosaveStatus
            autosave={autosave}
            idleText={version ? "Alles is opgeslagen." : ""}
            conflictText="Niet opgeslagen: je duopartner heeft intussen iets gewijzigd."
          />
          <div className="button-row">
            <button type="submit" disabled={submitting || Boolean(autosave.conflict)} onClick={() => choose("save")}>
              Opslaan
            </button>
          </div>
        </div>
        <div className="canvas-version">
          <fieldset className="fieldset">
            <legend>Versie opslaan</legend>
            <FormAlert message={versionError} />
            <p className="field-hint">
              Leg na een bijeenkomst vast hoe jullie aanpak er nu uitziet. Later zie je wat er sindsdien veranderd is.
            </p>
            {sessions.length ? (
              <SelectField
                label="Bij welke bijeenkomst hoort deze versie?"
                name="sessionId"
                defaultValue={sessionId}
                errors={refused?.fieldErrors.sessionId}
              >
                {sessions.map((session) => (
                  <option key={session.id} value={session.id}>
                    {session.label}
                  </option>
                ))}
              </SelectField>
            ) : (
              <input type="hidden" name="sessionId" value="" />
            )}
            <div className="button-row">
              <button
                type="submit"
                className="button-secondary"
                disabled={submitting || Boolean(autosave.conflict)}
                onClick={() => choose("version")}
              >
                Versie opslaan
              </button>
            </div>
          </fieldset>
        </div>
      </Form>
      <CommentForms sections={canvasSections} />
    </>
  );
}
