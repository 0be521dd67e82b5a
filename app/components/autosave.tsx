// Autosave for any <form>: while there are unsaved changes the whole form is posted every few seconds and
// when focus leaves a field, with the version it was based on. The action answers with an
// `AutosaveResponse` (app/utils/versioned.ts); on a conflict nothing was overwritten and the stored values
// come back, shown next to the author's own in <AutosaveConflictPanel> so they can choose.
//
// Use:
//   const autosave = useAutosave({ formRef, action, version });
//   <Form ref={formRef} {...autosave.formProps}> <input type="hidden" name="version" value={autosave.version} /> …
//   <AutosaveStatus autosave={autosave} />   {autosave.conflict ? <AutosaveConflictPanel … /> : null}
//   export const clientAction = autosaveClientAction;   (in the route module)
import {
  type ClientActionFunctionArgs,
  isRouteErrorResponse,
  useFetcher,
  useNavigation,
  useSubmit,
} from "@remix-run/react";
import { type FormEvent, type RefObject, useCallback, useEffect, useRef, useState } from "react";
import { formatTime } from "~/utils/dates.ts";
import { type AutosaveResponse, type FieldValues, fieldValues, sameValues } from "~/utils/versioned.ts";

export const AUTOSAVE_INTERVAL_MS = 3000;

type Saved = Extract<AutosaveResponse, { status: "saved" }>;

export type AutosaveConflict = {
  /** The stored version to base the next save on. */
  version: number;
  /** What is stored now (saved by someone else or another tab). */
  theirs: FieldValues;
  /** What this window holds. */
  mine: FieldValues;
};

export type UseAutosaveOptions = {
  formRef: RefObject<HTMLFormElement | null>;
  /** Where autosaves are posted (may change, e.g. once a new draft has its own address). */
  action: string;
  /** The stored version the form was loaded with. */
  version: number;
  intervalMs?: number;
  /** Return false to skip a save, e.g. a new draft with nothing in it yet. */
  shouldSave?: (values: FieldValues) => boolean;
  /** After each successful autosave (not when a normal submit follows it). */
  onSaved?: (result: Saved) => void;
  /** Puts the stored values into the form; needed for controlled fields. Default: sets the form's elements. */
  applyValues?: (values: FieldValues) => void;
  /** Where a normal submit goes when it had to wait for an autosave (default: `action`). */
  submitActionAfterSave?: (result: Saved) => string;
  /**
   * A normal submit is always sent, also while a conflict is shown or when the autosave it waited for was
   * refused or failed: the form's own action then answers (e.g. with its conflict notice). For a form whose
   * submit carries every field itself, like the self-scan's "Afronden". Default: a conflict blocks submits.
   */
  submitThroughConflict?: boolean;
};

export type AutosaveState = ReturnType<typeof useAutosave>;

function formSnapshot(form: HTMLFormElement): FieldValues {
  return fieldValues(new FormData(form));
}

/** The form's text fields only: files are uploaded by their own form, never by autosave. */
function autosaveFormData(form: HTMLFormElement, version: number): FormData {
  const formData = new FormData();
  for (const [key, value] of new FormData(form).entries()) {
    if (typeof value === "string" && key !== "intent" && key !== "version") formData.append(key, value);
  }
  formData.set("intent", "autosave");
  formData.set("version", String(version));
  return formData;
}

/**
 * The clientAction of every route with autosave. An autosave whose request fails on the way — the connection
 * drops, or the proxy answers 502 because the web process died while handling it (a POST is never sent to a
 * second process) — would otherwise throw the whole page into the error boundary, and with it the text typed
 * since the last save. Here it comes back as no answer: the values stay unsaved, the status says so, and the
 * next tick tries again (tests/cluster/browser-journey.spec.ts kills a web process mid-journey). An answer of
 * the app itself (a 404, a refused save) and every other submission pass through unchanged.
 */
export async function autosaveClientAction({ request, serverAction }: ClientActionFunctionArgs) {
  if ((await request.clone().formData()).get("intent") !== "autosave") return serverAction();
  try {
    return await serverAction();
  } catch (error) {
    if (isRouteErrorResponse(error)) throw error;
    return null;
  }
}

export function useAutosave(options: UseAutosaveOptions) {
  const { formRef, action, intervalMs = AUTOSAVE_INTERVAL_MS } = options;
  const fetcher = useFetcher<AutosaveResponse>();
  const navigation = useNavigation();
  const submit = useSubmit();

  const [version, setVersionState] = useState(options.version);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [dirty, setDirtyState] = useState(false);
  const [conflict, setConflictState] = useState<AutosaveConflict | null>(null);
  const [failed, setFailed] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[] | undefined> | null>(null);

  // Refs mirror the state, so the save started by a blur and a click right after it see each other
  // (state only changes on the next render).
  const versionRef = useRef(version);
  const conflictRef = useRef(conflict);
  const dirtyRef = useRef(dirty);
  const inFlight = useRef<FieldValues | null>(null);
  // Which answer was shown when the save in flight began, and whether that save was seen on its way.
  const dataBeforeSave = useRef<AutosaveResponse | undefined>(undefined);
  const sawSubmitting = useRef(false);
  const submitAfterSave = useRef(false);
  // The button that submitted while an autosave was on its way (its name and value, e.g. intent=submit): the
  // submit sent once the save is back carries it, as the browser would have.
  const waitingSubmitter = useRef<[string, string] | null>(null);
  const optionsRef = useRef(options);
  optionsRef.current = options;
  // The navigation as it is now, not as it was at the last render: an interval tick right after a submit began
  // must see it. `submitting` is set by the submit itself (before any render) and cleared once the navigation it
  // started is over; no autosave starts in between, so it never races the submit with the same version.
  const navigationIdle = useRef(true);
  navigationIdle.current = navigation.state === "idle";
  const fetcherIdle = useRef(true);
  fetcherIdle.current = fetcher.state === "idle";
  const submitting = useRef(false);
  const navigationStarted = useRef(false);
  useEffect(() => {
    if (navigation.state !== "idle") navigationStarted.current = true;
    else if (navigationStarted.current) {
      navigationStarted.current = false;
      submitting.current = false;
    }
  }, [navigation.state]);

  // Stable setters (they touch only refs and state setters), so the callbacks below can name them.
  const setVersion = useCallback((value: number) => {
    versionRef.current = value;
    setVersionState(value);
  }, []);
  const setConflict = useCallback((value: AutosaveConflict | null) => {
    conflictRef.current = value;
    setConflictState(value);
  }, []);
  const setDirty = useCallback((value: boolean) => {
    dirtyRef.current = value;
    setDirtyState(value);
  }, []);

  const save = useCallback(() => {
    const form = formRef.current;
    if (!form || conflictRef.current || inFlight.current || submitAfterSave.current) return;
    if (submitting.current || !navigationIdle.current) return;
    // The last save's answer is in, but the router still reloads the page's other data: a new submit would
    // abort that reload mid-stream (Remix logs it as an error). The next tick or blur saves instead.
    if (!fetcherIdle.current) return;
    const snapshot = formSnapshot(form);
    if (optionsRef.current.shouldSave && !optionsRef.current.shouldSave(snapshot)) return;
    inFlight.current = snapshot;
    dataBeforeSave.current = fetcher.data;
    sawSubmitting.current = false;
    fetcher.submit(autosaveFormData(form, versionRef.current), { method: "post", action });
  }, [action, fetcher, formRef]);

  // While there are unsaved changes: save every few seconds (also while typing goes on), the latest values.
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    if (!dirty || conflict) return;
    const timer = setInterval(() => saveRef.current(), intervalMs);
    return () => clearInterval(timer);
  }, [dirty, conflict, intervalMs]);

  // Leaving the page (closing the tab, reloading) with changes not yet saved: the browser asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  // Only when the action's answer arrives: the other values are read as they are at that moment. The answer
  // is there as soon as the fetcher leaves "submitting": it is "loading" while the router reloads the other
  // routes' data, which can take long on a busy server (or never end, when that reload is aborted). A submit
  // that waited for this save must not wait for that reload too: it would hang, and the click would be lost.
  // An effect can also run late, for a render from before the save began (a blur can start a save between a
  // render and its effects): then it still shows the previous answer. So an answer counts only once this
  // save was seen "submitting", or when it is another object than the one shown when the save began.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on fetcher.state and fetcher.data only
  useEffect(() => {
    if (!inFlight.current) return;
    if (fetcher.state === "submitting") {
      sawSubmitting.current = true;
      return;
    }
    if (!sawSubmitting.current && fetcher.data === dataBeforeSave.current) return;
    sawSubmitting.current = false;
    const sent = inFlight.current;
    inFlight.current = null;
    const result = fetcher.data;
    const form = formRef.current;
    const waitingSubmit = submitAfterSave.current;
    submitAfterSave.current = false;
    const through = optionsRef.current.submitThroughConflict;
    if (!result) {
      // The request failed (e.g. the connection dropped): the values stay dirty and are tried again.
      setFailed(true);
      if (waitingSubmit && form && through)
        submit(submittedFormData(form, waitingSubmitter.current), { method: "post", action });
      else if (waitingSubmit) submitting.current = false;
      return;
    }
    setFailed(false);
    if (result.status === "saved") {
      setErrors(null);
      setVersion(result.version);
      setSavedAt(result.savedAt);
      if (form && sameValues(sent, formSnapshot(form))) setDirty(false);
      if (waitingSubmit && form) {
        const formData = submittedFormData(form, waitingSubmitter.current);
        formData.set("version", String(result.version));
        const target = optionsRef.current.submitActionAfterSave?.(result) ?? action;
        submit(formData, { method: "post", action: target });
        return;
      }
      optionsRef.current.onSaved?.(result);
      return;
    }
    if (result.status === "conflict") {
      setConflict({ version: result.version, theirs: result.current, mine: form ? formSnapshot(form) : sent });
      // The submit carries every answer and the version this window was based on: the action answers it
      // (with its own conflict notice), so the click is never lost.
      if (waitingSubmit && form && through)
        submit(submittedFormData(form, waitingSubmitter.current), { method: "post", action });
      else if (waitingSubmit) submitting.current = false;
      return;
    }
    if (result.status === "error") setErrors(result.fieldErrors);
    // Nothing to keep yet, or refused: a submit that waited goes ahead, and its answer shows why.
    if (waitingSubmit && form) submit(submittedFormData(form, waitingSubmitter.current), { method: "post", action });
  }, [fetcher.state, fetcher.data]);

  const onChange = useCallback(() => {
    setDirty(true);
    // While both versions are shown, "mine" follows what is typed.
    const form = formRef.current;
    if (conflictRef.current && form) setConflict({ ...conflictRef.current, mine: formSnapshot(form) });
  }, [formRef, setDirty, setConflict]);

  const onBlur = useCallback(() => {
    if (dirtyRef.current) saveRef.current();
  }, []);

  const onSubmit = useCallback((event: FormEvent<HTMLFormElement>) => {
    if (conflictRef.current && !optionsRef.current.submitThroughConflict) {
      event.preventDefault();
      return;
    }
    submitting.current = true;
    // The submit carries the newest stored version, also when the answer of the last autosave has not been
    // rendered into the hidden field yet.
    const versionField = event.currentTarget.elements.namedItem("version");
    if (versionField instanceof HTMLInputElement) versionField.value = String(versionRef.current);
    // An autosave is on its way: submit once it is back, with its new version (a new draft is never created twice).
    if (inFlight.current) {
      event.preventDefault();
      submitAfterSave.current = true;
      const submitter = (event.nativeEvent as SubmitEvent).submitter;
      waitingSubmitter.current =
        submitter instanceof HTMLButtonElement && submitter.name ? [submitter.name, submitter.value] : null;
    }
  }, []);

  /** Keep this window's values: the next save is based on the stored version and overwrites it. */
  const keepMine = useCallback(() => {
    const current = conflictRef.current;
    if (!current) return;
    setVersion(current.version);
    setConflict(null);
    setDirty(true);
    setSavedAt(null);
    // Save at once rather than on the next tick, so "saved" is never shown for the old save.
    queueMicrotask(() => saveRef.current());
  }, [setDirty, setConflict, setVersion]);

  /** Take the stored values into the form and continue from there. */
  const takeTheirs = useCallback(() => {
    const current = conflictRef.current;
    const form = formRef.current;
    if (!current) return;
    if (optionsRef.current.applyValues) optionsRef.current.applyValues(current.theirs);
    else if (form) {
      for (const [name, value] of Object.entries(current.theirs)) {
        const element = form.elements.namedItem(name);
        if (
          element instanceof HTMLInputElement ||
          element instanceof HTMLTextAreaElement ||
          element instanceof HTMLSelectElement
        ) {
          element.value = value;
        }
      }
    }
    setVersion(current.version);
    setConflict(null);
    setDirty(false);
  }, [formRef, setVersion, setDirty, setConflict]);

  return {
    version,
    savedAt,
    dirty,
    conflict,
    failed,
    /** Field errors of the last autosave that was refused (e.g. too long). */
    errors,
    saving: fetcher.state === "submitting",
    save,
    keepMine,
    takeTheirs,
    /** Spread on the <form>: changes mark it dirty, leaving a field saves, a submit waits for a save under way. */
    formProps: { onChange, onBlur, onSubmit },
  };
}

/** The save status, read out by screen readers when it changes. */
export function AutosaveStatus({
  autosave,
  idleText = "",
  conflictText = "Niet opgeslagen: iemand anders heeft dit intussen gewijzigd.",
}: {
  autosave: AutosaveState;
  /** Shown when nothing was saved in this visit yet, e.g. "Alles is opgeslagen." for a stored draft. */
  idleText?: string;
  conflictText?: string;
}) {
  let text = idleText;
  if (autosave.conflict) text = conflictText;
  else if (autosave.saving) text = "Bezig met opslaan…";
  else if (autosave.failed)
    text = "Opslaan lukte niet (geen verbinding?). We proberen het zo opnieuw; sluit dit venster nog niet.";
  else if (autosave.errors) text = "Automatisch opslaan lukte niet: kijk hieronder wat er mis is.";
  else if (autosave.savedAt) text = `Automatisch opgeslagen om ${formatTime(autosave.savedAt)}.`;
  else if (autosave.dirty) text = "Nog niet opgeslagen.";
  return (
    <p role="status" className="autosave-status muted">
      {text}
    </p>
  );
}

/** Both versions side by side, field by field, with the two choices. */
export function AutosaveConflictPanel({
  conflict,
  fields,
  heading,
  intro = "Er is niets overschreven. Kies welke versie je wilt houden.",
  mineLabel = "Jouw versie (dit venster)",
  theirsLabel = "Opgeslagen versie",
  onKeepMine,
  onTakeTheirs,
}: {
  conflict: AutosaveConflict;
  /** Which fields to show, in order, with their label. */
  fields: { name: string; label: string }[];
  heading: string;
  intro?: string;
  mineLabel?: string;
  theirsLabel?: string;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const version = (title: string, values: FieldValues) => (
    <>
      <h3>{title}</h3>
      <dl className="conflict-fields">
        {fields.map((field) => (
          <div key={field.name}>
            <dt>{field.label}</dt>
            <dd>
              {values[field.name]?.trim() ? (
                <pre className="conflict-text">{values[field.name]}</pre>
              ) : (
                <span className="muted">(leeg)</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
  return (
    <section className="alert alert-error conflict" role="alert" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">{heading}</h2>
      <p>{intro}</p>
      <div className="conflict-versions">
        <div>
          {version(mineLabel, conflict.mine)}
          <button type="button" onClick={onKeepMine}>
            Mijn versie bewaren
          </button>
        </div>
        <div>
          {version(theirsLabel, conflict.theirs)}
          <button type="button" className="button-secondary" onClick={onTakeTheirs}>
            De opgeslagen versie gebruiken
          </button>
        </div>
      </div>
    </section>
  );
}

/** The form's data as a submit by `submitter` (a button's name and value) sends it. */
function submittedFormData(form: HTMLFormElement, submitter: [string, string] | null) {
  const formData = new FormData(form);
  if (submitter) formData.set(submitter[0], submitter[1]);
  return formData;
}
