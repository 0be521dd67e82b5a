// Writing in the journal: a new entry (/journaal/schrijven, optionally ?reflectie=<lesson prompt id>,
// ?vraag=<facilitator prompt id> or ?bijeenkomst=<session id>) and editing one (/journaal/schrijven/<id>).
// One route for both, so the editor stays mounted when the first autosave turns the new entry into a stored
// one and the address changes to the entry's own.
//
// Autosave (app/components/autosave.tsx): while typing, the form is posted every few seconds and on leaving
// a field. Every save names the version it was based on; when another tab saved in between, nothing is
// overwritten and both texts are shown so the author can choose.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigate, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { z } from "zod";
import { isUuid, requireRole } from "~/auth/guards.server.ts";
import { AutosaveConflictPanel, AutosaveStatus, useAutosave } from "~/components/autosave.tsx";
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
import { calendarDateString, formatDate } from "~/utils/dates.ts";
import { type FieldErrors, parseForm } from "~/utils/forms.ts";
import { invariantResponse } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import type { AutosaveResponse } from "~/utils/versioned.ts";

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

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "PARTICIPANT");
  if (params.entryId !== undefined && !isUuid(params.entryId)) throw new Response("Dit journaalstuk bestaat niet.", { status: 404 });
  const parsed = parseForm(entrySchema, await request.formData());
  if (!parsed.ok) {
    return data<AutosaveResponse>({ status: "invalid", errors: parsed.errors, values: parsed.values }, { status: 400 });
  }
  const input = parsed.data;
  const isNew = params.entryId === undefined;
  if (!input.body.trim()) {
    // Nothing to keep yet: an empty new entry is not created by autosave.
    if (input.intent === "autosave" && isNew) return data<AutosaveResponse>({ status: "empty" });
    if (input.intent === "save") {
      return data<AutosaveResponse>(
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
      return data<AutosaveResponse>(
        {
          status: "conflict",
          id: result.id,
          version: result.current.version,
          current: { title: result.current.title, body: result.current.body },
          values: parsed.values,
        },
        { status: 409 },
      );
    }
    if (input.intent === "save") {
      return redirectWithToast(`/journaal/${result.id}`, { title: "Je journaalstuk is opgeslagen" });
    }
    return data<AutosaveResponse>({ status: "saved", id: result.id, version: result.version, savedAt: new Date().toISOString() });
  } catch (error) {
    if (error instanceof JournalError) {
      return data<AutosaveResponse>({ status: "invalid", errors: { [error.field]: [error.message] }, values: parsed.values }, { status: 400 });
    }
    throw error;
  }
}

type Draft = { title: string; body: string; writtenOn: string; tags: string; sessionId: string };

export default function WriteEntryPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const navigate = useNavigate();
  const { entry, reflectie, prompt, sessions } = loaderData;

  const [draft, setDraft] = useState<Draft>(() => ({
    title: entry?.title ?? "",
    body: entry?.body ?? "",
    writtenOn: entry?.writtenOn ?? loaderData.today,
    tags: entry?.tags ?? "",
    sessionId: loaderData.preselectedSessionId,
  }));
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
    applyValues: (values) => setDraft((current) => ({ ...current, title: values.title ?? "", body: values.body ?? "" })),
  });

  // Restore what was typed after a failed (non-JavaScript or final) save.
  const values = actionData && "values" in actionData ? actionData.values : undefined;
  useEffect(() => {
    if (!values) return;
    setDraft((current) => ({
      title: values.title ?? current.title,
      body: values.body ?? current.body,
      writtenOn: values.writtenOn ?? current.writtenOn,
      tags: values.tags ?? current.tags,
      sessionId: values.sessionId ?? current.sessionId,
    }));
  }, [values]);

  function change(field: keyof Draft, value: string) {
    setDraft((current) => ({ ...current, [field]: value }));
  }

  const errors = actionData?.status === "invalid" ? actionData.errors : (autosave.errors ?? undefined);
  const submitting = navigation.state === "submitting";

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

      <ErrorSummary errors={actionData?.status === "invalid" ? actionData.errors : undefined} />
      <FormAlert message={errors?.form?.join(" ")} />
      <Form
        ref={formRef}
        method="post"
        action={formAction}
        className="stack"
        noValidate
        {...autosave.formProps}
      >
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

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
