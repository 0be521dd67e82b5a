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
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { z } from "zod";
import { isUuid, requireOwnJournalEntry, requireRole } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { findReflectie } from "~/content/library.server.ts";
import { authorContext, findPromptForParticipant, parseTags, saveEntry } from "~/models/journal.server.ts";
import { amsterdamDate, calendarDateString } from "~/utils/dates.ts";
import { fieldError, formIntents, parseForm } from "~/utils/forms.ts";
import { domainErrorReply, invalid, readForm } from "~/utils/forms.server.ts";
import { invariantResponse, notFound } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";
import type { AutosaveResponse } from "~/utils/versioned.ts";
import { EntryEditor } from "./entry-editor.tsx";
import { WritingPrompt } from "./writing-prompt.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.entry ? "Journaalstuk bewerken — Leernetwerk" : "Schrijven in je journaal — Leernetwerk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const own = params.entryId !== undefined ? await requireOwnJournalEntry(request, params.entryId) : null;
  const user = own?.user ?? (await requireRole(request, "PARTICIPANT"));
  const url = new URL(request.url);
  const context = await authorContext(user.id);
  const sessions = (context?.cohort.sessions ?? []).map((session) => ({
    ...session,
    label: `Bijeenkomst ${session.number}: ${session.title}`,
  }));
  if (own) {
    const { entry } = own;
    return {
      entry: { ...entry, writtenOn: calendarDateString(entry.writtenOn), tags: entry.tags.join(", ") },
      reflectie: findReflectie(entry.reflectieId),
      prompt: entry.prompt,
      sessions,
      preselectedSessionId: entry.sessionId ?? "",
      today: amsterdamDate(),
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
    today: amsterdamDate(),
  };
}

const entryFields = z.object({
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

const schema = formIntents({ autosave: entryFields, save: entryFields });

export { autosaveClientAction as clientAction } from "~/components/autosave.tsx";

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "PARTICIPANT");
  // Whose entry it is, is checked by saveEntry itself (someone else's: not-found), so an autosave costs no extra query.
  if (params.entryId !== undefined && !isUuid(params.entryId)) throw notFound("Dit journaalstuk bestaat niet.");
  const parsed = parseForm(schema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.error);
  const input = parsed.data;
  const isNew = params.entryId === undefined;
  if (!input.body.trim()) {
    // Nothing to keep yet: an empty new entry is not created by autosave.
    if (input.intent === "autosave" && isNew) return data<AutosaveResponse>({ status: "empty" });
    if (input.intent === "save")
      return invalid(fieldError(parsed.values, "body", "Schrijf iets in je journaal voordat je opslaat."));
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
    if (result.status === "not-found") throw notFound("Dit journaalstuk bestaat niet.");
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
    return data<AutosaveResponse>({
      status: "saved",
      id: result.id,
      version: result.version,
      savedAt: new Date().toISOString(),
    });
  } catch (error) {
    return domainErrorReply(error, parsed.values);
  }
}

export default function WriteEntryPage() {
  const { entry, reflectie, prompt } = useLoaderData<typeof loader>();
  return (
    <>
      <nav aria-label="Kruimelpad" className="breadcrumbs">
        <Link to="/journaal">Journaal</Link>
      </nav>
      <h1>{entry ? "Journaalstuk bewerken" : "Schrijven in je journaal"}</h1>

      <WritingPrompt reflectie={reflectie} prompt={prompt} />

      <EntryEditor />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
