// Writing in the journal: a new entry (/journaal/schrijven, optionally ?reflectie=<lesson prompt id>,
// ?vraag=<facilitator prompt id> or ?bijeenkomst=<session id>) and editing one (/journaal/schrijven/<id>).
// One route for both, so the editor stays mounted when the first autosave turns the new entry into a stored
// one and the address changes to the entry's own.
//
// Autosave: while typing, a fetcher posts the text every few seconds and on leaving the text field. Every
// save names the version it was based on; when another tab saved in between, nothing is overwritten and both
// texts are shown so the author can choose.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigate, useNavigation, useSubmit } from "@remix-run/react";
import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import { z } from "zod";
import { isUuid, requireRole } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary, Field, FormAlert, SelectField, TextareaField } from "~/components/forms.tsx";
import { findReflectie } from "~/content/library.server.ts";
import {
  authorContext,
  findPromptForParticipant,
  getOwnEntry,
  JournalError,
  parseTags,
  saveEntry,
  todayInAmsterdam,
} from "~/models/journal.server.ts";
import { calendarDateString, formatDate, formatTime } from "~/utils/dates.ts";
import { type FieldErrors, parseForm } from "~/utils/forms.ts";
import { invariantResponse } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.entry ? "Journaalstuk bewerken — Leernetwerk" : "Schrijven in je journaal — Leernetwerk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "PARTICIPANT");
  const url = new URL(request.url);
  const context = await authorContext(user.id);
  const sessions = (context?.cohort.sessions ?? []).map((session) => ({ ...session, label: `Bijeenkomst ${session.number}: ${session.title}` }));
  if (params.entryId !== undefined) {
    invariantResponse(isUuid(params.entryId), "Dit journaalstuk bestaat niet.");
    const entry = await getOwnEntry(user, params.entryId);
    invariantResponse(entry, "Dit journaalstuk bestaat niet.");
    return {
      entry: { ...entry, writtenOn: calendarDateString(entry.writtenOn), tags: entry.tags.join(", ") },
      reflectie: findReflectie(entry.reflectieId),
      prompt: entry.prompt,
      sessions,
      preselectedSessionId: entry.sessionId ?? "",
      today: todayInAmsterdam(),
    };
  }
  const reflectieId = url.searchParams.get("reflectie");
  const reflectie = reflectieId ? findReflectie(reflectieId) : null;
  invariantResponse(!reflectieId || reflectie, "Deze reflectievraag bestaat niet.");
  const promptId = url.searchParams.get("vraag");
  const prompt = promptId && isUuid(promptId) ? await findPromptForParticipant(user, promptId) : null;
  invariantResponse(!promptId || prompt, "Deze vraag van je begeleider bestaat niet.");
  const sessionParam = url.searchParams.get("bijeenkomst") ?? prompt?.session?.id ?? "";
  return {
    entry: null,
    reflectie,
    prompt: prompt ? { id: prompt.id, text: prompt.text, author: prompt.author } : null,
    sessions,
    preselectedSessionId: sessions.some((session) => session.id === sessionParam) ? sessionParam : "",
    today: todayInAmsterdam(),
  };
}

const entrySchema = z.object({
  intent: z.enum(["autosave", "save"]),
  title: z.string().trim().max(200, "De titel mag maximaal 200 tekens hebben.").default(""),
  body: z.string().max(50_000, "Je tekst mag maximaal 50.000 tekens hebben.").default(""),
  writtenOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Vul een datum in, bijvoorbeeld 13-04-2027."),
  tags: z
    .string()
    .default("")
    .transform(parseTags)
    .refine((tags) => tags.length <= 10, "Gebruik maximaal 10 labels.")
    .refine((tags) => tags.every((tag) => tag.length <= 40), "Een label mag maximaal 40 tekens hebben."),
  sessionId: z
    .string()
    .default("")
    .refine((value) => value === "" || isUuid(value), "Kies een bijeenkomst uit de lijst."),
  version: z.coerce.number().int().nonnegative().default(0),
  reflectieId: z.string().default(""),
  promptId: z.string().default(""),
});

export type SaveResponse =
  | { status: "saved"; id: string; version: number; savedAt: string }
  | { status: "conflict"; id: string; current: { title: string; body: string; version: number }; values?: Record<string, string> }
  | { status: "invalid"; errors: FieldErrors; values: Record<string, string> }
  | { status: "empty" };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "PARTICIPANT");
  if (params.entryId !== undefined && !isUuid(params.entryId)) throw new Response("Dit journaalstuk bestaat niet.", { status: 404 });
  const parsed = parseForm(entrySchema, await request.formData());
  if (!parsed.ok) {
    return data<SaveResponse>({ status: "invalid", errors: parsed.errors, values: parsed.values }, { status: 400 });
  }
  const input = parsed.data;
  const isNew = params.entryId === undefined;
  if (!input.body.trim()) {
    // Nothing to keep yet: an empty new entry is not created by autosave.
    if (input.intent === "autosave" && isNew) return data<SaveResponse>({ status: "empty" });
    if (input.intent === "save") {
      return data<SaveResponse>(
        { status: "invalid", errors: { body: ["Schrijf iets in je journaal voordat je opslaat."] }, values: parsed.values },
        { status: 400 },
      );
    }
  }
  try {
    const result = await saveEntry(
      user,
      {
        title: input.title,
        body: input.body,
        writtenOn: input.writtenOn,
        tags: input.tags,
        sessionId: input.sessionId || null,
        reflectieId: input.reflectieId || null,
        promptId: isUuid(input.promptId) ? input.promptId : null,
      },
      isNew ? undefined : { id: params.entryId!, version: input.version },
    );
    if (result.status === "not-found") throw new Response("Dit journaalstuk bestaat niet.", { status: 404 });
    if (result.status === "conflict") {
      return data<SaveResponse>(
        { status: "conflict", id: result.id, current: { title: result.current.title, body: result.current.body, version: result.current.version }, values: parsed.values },
        { status: 409 },
      );
    }
    if (input.intent === "save") {
      return redirectWithToast(`/journaal/${result.id}`, { title: "Je journaalstuk is opgeslagen" });
    }
    return data<SaveResponse>({ status: "saved", id: result.id, version: result.version, savedAt: new Date().toISOString() });
  } catch (error) {
    if (error instanceof JournalError) {
      return data<SaveResponse>({ status: "invalid", errors: { [error.field]: [error.message] }, values: parsed.values }, { status: 400 });
    }
    throw error;
  }
}

const AUTOSAVE_MS = 3000;

type Draft = { title: string; body: string; writtenOn: string; tags: string; sessionId: string };

export default function WriteEntryPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const navigate = useNavigate();
  const fetcher = useFetcher<typeof action>();
  const { entry, reflectie, prompt, sessions } = loaderData;

  const [draft, setDraft] = useState<Draft>(() => ({
    title: entry?.title ?? "",
    body: entry?.body ?? "",
    writtenOn: entry?.writtenOn ?? loaderData.today,
    tags: entry?.tags ?? "",
    sessionId: loaderData.preselectedSessionId,
  }));
  const [entryId, setEntryId] = useState<string | null>(entry?.id ?? null);
  const [version, setVersion] = useState<number>(entry?.version ?? 0);
  const [conflict, setConflict] = useState<{ title: string; body: string; version: number } | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  // What the request in flight carried: a save only makes the page "clean" if nothing changed meanwhile.
  const inFlight = useRef<Draft | null>(null);
  const draftRef = useRef(draft);
  draftRef.current = draft;
  // "Opslaan" pressed while an autosave was on its way: save (to the entry's own address) once it is back,
  // so a new entry is never created twice.
  const saveAfterAutosave = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);
  const submit = useSubmit();

  // Restore what was typed after a failed (non-JavaScript or final) save.
  const values = actionData && "values" in actionData ? actionData.values : undefined;
  useEffect(() => {
    if (!actionData) return;
    if (actionData.status === "conflict") setConflict(actionData.current);
    if (values) {
      setDraft((current) => ({
        title: values.title ?? current.title,
        body: values.body ?? current.body,
        writtenOn: values.writtenOn ?? current.writtenOn,
        tags: values.tags ?? current.tags,
        sessionId: values.sessionId ?? current.sessionId,
      }));
    }
  }, [actionData, values]);

  const autosave = useCallback(() => {
    if (conflict || inFlight.current || navigation.state !== "idle" || saveAfterAutosave.current) return;
    if (!entryId && !draft.body.trim()) return;
    inFlight.current = draft;
    const formData = new FormData();
    formData.set("intent", "autosave");
    formData.set("version", String(version));
    for (const [key, value] of Object.entries(draft)) formData.set(key, value);
    formData.set("reflectieId", reflectie?.id ?? "");
    formData.set("promptId", prompt?.id ?? "");
    fetcher.submit(formData, { method: "post", action: entryId ? `/journaal/schrijven/${entryId}` : "/journaal/schrijven" });
  }, [conflict, fetcher, navigation.state, entryId, draft, version, reflectie, prompt]);
  // inFlight is set synchronously above, so a click on "Opslaan" right after the blur that started an
  // autosave sees it (fetcher.state only changes on the next render).

  // While there are unsaved changes: save every few seconds (also while typing goes on), with the latest text.
  const autosaveRef = useRef(autosave);
  autosaveRef.current = autosave;
  useEffect(() => {
    if (!dirty || conflict) return;
    const timer = setInterval(() => autosaveRef.current(), AUTOSAVE_MS);
    return () => clearInterval(timer);
  }, [dirty, conflict]);

  // Leaving the page (closing the tab, reloading) with changes not yet saved: the browser asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  useEffect(() => {
    if (fetcher.state !== "idle" || !inFlight.current) return;
    const result = fetcher.data;
    if (!result) {
      // The request failed (e.g. the connection dropped): the text stays dirty and is tried again.
      inFlight.current = null;
      saveAfterAutosave.current = false;
      return;
    }
    if (result.status === "saved") {
      setVersion(result.version);
      setSavedAt(result.savedAt);
      if (inFlight.current && JSON.stringify(inFlight.current) === JSON.stringify(draftRef.current)) setDirty(false);
      if (saveAfterAutosave.current && formRef.current) {
        saveAfterAutosave.current = false;
        inFlight.current = null;
        const formData = new FormData(formRef.current);
        formData.set("version", String(result.version));
        submit(formData, { method: "post", action: `/journaal/schrijven/${result.id}` });
        return;
      }
      if (!entryId) {
        setEntryId(result.id);
        navigate(`/journaal/schrijven/${result.id}`, { replace: true, preventScrollReset: true });
      }
    } else if (result.status === "conflict") {
      setConflict(result.current);
    }
    if (saveAfterAutosave.current && result.status !== "conflict" && formRef.current) {
      // The autosave had nothing to keep or was refused: the save itself shows why.
      submit(new FormData(formRef.current), { method: "post", action: entryId ? `/journaal/schrijven/${entryId}` : "/journaal/schrijven" });
    }
    saveAfterAutosave.current = false;
    inFlight.current = null;
    // Only when a response arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.state, fetcher.data]);

  function change(field: keyof Draft, value: string) {
    setDraft((current) => ({ ...current, [field]: value }));
    setDirty(true);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (!inFlight.current) return;
    event.preventDefault();
    saveAfterAutosave.current = true;
  }

  function keepMine() {
    if (!conflict) return;
    setVersion(conflict.version);
    setConflict(null);
    setDirty(true);
  }

  function takeTheirs() {
    if (!conflict) return;
    setDraft((current) => ({ ...current, title: conflict.title, body: conflict.body }));
    setVersion(conflict.version);
    setConflict(null);
    setDirty(false);
  }

  const errors = actionData?.status === "invalid" ? actionData.errors : fetcher.data?.status === "invalid" ? fetcher.data.errors : undefined;
  const saving = fetcher.state !== "idle";
  const submitting = navigation.state === "submitting";
  let status = "";
  if (conflict) status = "Niet opgeslagen: dit stuk is in een ander venster gewijzigd.";
  else if (saving) status = "Bezig met opslaan…";
  else if (savedAt) status = `Automatisch opgeslagen om ${formatTime(savedAt)}.`;
  else if (entryId) status = "Alles is opgeslagen.";

  return (
    <>
      <nav aria-label="Kruimelpad" className="breadcrumbs">
        <Link to="/journaal">Journaal</Link>
      </nav>
      <h1>{entry ? "Journaalstuk bewerken" : "Schrijven in je journaal"}</h1>

      {reflectie ? (
        <section className="reflectie" aria-labelledby="prompt-heading">
          <h2 id="prompt-heading" className="box-label">
            Reflectievraag
          </h2>
          <p>{reflectie.text}</p>
          <p className="muted">
            Uit de les <Link to={reflectie.lesson.href}>{reflectie.lesson.title}</Link> ({reflectie.moduleTitle})
          </p>
        </section>
      ) : null}
      {prompt ? (
        <section className="reflectie" aria-labelledby="prompt-heading">
          <h2 id="prompt-heading" className="box-label">
            Vraag van je begeleider
          </h2>
          <p>{prompt.text}</p>
          {prompt.author ? <p className="muted">Gesteld door {prompt.author.name}</p> : null}
        </section>
      ) : null}

      {conflict ? (
        <section className="alert alert-error conflict" role="alert" aria-labelledby="conflict-heading">
          <h2 id="conflict-heading">Dit stuk is in een ander venster gewijzigd</h2>
          <p>Er is niets overschreven. Kies welke versie je wilt houden.</p>
          <div className="conflict-versions">
            <div>
              <h3>Jouw versie (dit venster)</h3>
              {draft.title ? <p><strong>{draft.title}</strong></p> : null}
              <pre className="conflict-text">{draft.body}</pre>
              <button type="button" onClick={keepMine}>
                Mijn versie bewaren
              </button>
            </div>
            <div>
              <h3>Opgeslagen versie (ander venster)</h3>
              {conflict.title ? <p><strong>{conflict.title}</strong></p> : null}
              <pre className="conflict-text">{conflict.body}</pre>
              <button type="button" className="button-secondary" onClick={takeTheirs}>
                De opgeslagen versie gebruiken
              </button>
            </div>
          </div>
        </section>
      ) : null}

      <ErrorSummary errors={actionData?.status === "invalid" ? actionData.errors : undefined} />
      <FormAlert message={errors?.form?.join(" ")} />
      <FormAlert message={fetcher.data?.status === "invalid" ? "Automatisch opslaan lukte niet: kijk hieronder wat er mis is." : null} />
      <Form
        ref={formRef}
        method="post"
        action={entryId ? `/journaal/schrijven/${entryId}` : "/journaal/schrijven"}
        className="stack"
        noValidate
        onSubmit={onSubmit}
      >
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="reflectieId" value={reflectie?.id ?? ""} />
        <input type="hidden" name="promptId" value={prompt?.id ?? ""} />
        <Field
          label="Titel (mag leeg blijven)"
          name="title"
          value={draft.title}
          maxLength={200}
          onChange={(event) => change("title", event.target.value)}
          onBlur={() => dirty && autosave()}
          errors={errors?.title}
        />
        <TextareaField
          label="Je tekst"
          name="body"
          rows={14}
          value={draft.body}
          onChange={(event) => change("body", event.target.value)}
          onBlur={() => dirty && autosave()}
          errors={errors?.body}
          hint="Wat je schrijft wordt elke paar seconden bewaard en is alleen voor jou, tot je het zelf deelt. Je kunt Markdown gebruiken: **vet**, *schuin*, een regel met - voor een opsomming."
        />
        <p role="status" className="autosave-status muted">
          {status}
        </p>
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
        <div className="button-row">
          <button type="submit" disabled={submitting || Boolean(conflict)}>
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

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
