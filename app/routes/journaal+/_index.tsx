// The participant's own reflection journal: all their entries, search, filters, and the way out (export).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { requireRole } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { Field, SelectField } from "~/components/forms.tsx";
import { ownJournal } from "~/models/journal.server.ts";
import { shorten } from "~/utils/text.ts";
import { formatDate } from "~/utils/dates.ts";
import { queryText } from "~/utils/http.server.ts";
import { journalAudiencesLabel } from "~/utils/labels.ts";
import { aantal } from "~/utils/plural.ts";

export const meta: MetaFunction = () => [{ title: "Mijn journaal — Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "PARTICIPANT");
  const url = new URL(request.url);
  const filter = {
    q: queryText(url, "zoek"),
    tag: queryText(url, "label"),
    prompt: queryText(url, "vraag"),
  };
  // One statement: the entries, and how many entries others shared with this participant.
  const { entries, choices, sharedCount } = await ownJournal(user, filter);
  return {
    filter,
    choices,
    sharedCount,
    // Only what the list shows.
    entries: entries.map((entry) => ({
      id: entry.id,
      title: entry.title,
      writtenOn: entry.writtenOn,
      audiences: entry.audiences,
      tags: entry.tags,
      _count: entry._count,
      session: entry.session ? { number: entry.session.number } : null,
      excerpt: shorten(entry.body.replace(/\s+/g, " ").trim(), 200),
    })),
  };
}

export default function JournalPage() {
  const { entries, filter, choices, sharedCount } = useLoaderData<typeof loader>();
  const filtered = Boolean(filter.q || filter.tag || filter.prompt);
  return (
    <>
      <h1>Mijn journaal</h1>
      <p>
        Hier schrijf je na wat je leert en merkt. Alles is privé, tot je een stuk zelf deelt met je duopartner of met de
        begeleiders van je leernetwerk.
      </p>
      <p className="button-row">
        <Link to="/journaal/schrijven" className="button">
          Nieuw stuk schrijven
        </Link>
        <a href="/journaal/export.md" download>
          Alles downloaden (Markdown)
        </a>
        <Link to="/journaal/afdrukken">Afdrukbare versie</Link>
        {sharedCount ? <Link to="/journaal/gedeeld">Met mij gedeeld ({sharedCount})</Link> : null}
      </p>

      <Form method="get" className="filter-form" role="search" aria-label="Zoeken in je journaal">
        <Field label="Zoeken" name="zoek" type="search" defaultValue={filter.q} />
        {choices.tags.length ? (
          <SelectField label="Label" name="label" defaultValue={filter.tag}>
            <option value="">Alle labels</option>
            {choices.tags.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </SelectField>
        ) : null}
        {choices.prompts.length ? (
          <SelectField label="Aanleiding" name="vraag" defaultValue={filter.prompt}>
            <option value="">Alle stukken</option>
            {choices.prompts.map((prompt) => (
              <option key={prompt.value} value={prompt.value}>
                {prompt.label}
              </option>
            ))}
          </SelectField>
        ) : null}
        <div className="button-row">
          <button type="submit">Zoeken</button>
          {filtered ? <Link to="/journaal">Alles tonen</Link> : null}
        </div>
      </Form>

      <h2>{filtered ? `Gevonden: ${entries.length}` : `Je stukken (${entries.length})`}</h2>
      {entries.length === 0 ? (
        <p>
          {filtered
            ? "Geen stukken gevonden met deze zoekopdracht."
            : "Je hebt nog niets geschreven. Begin met een nieuw stuk, of met een reflectievraag uit een les."}
        </p>
      ) : (
        <ul className="session-list">
          {entries.map((entry) => (
            <li key={entry.id} className="card">
              <h3>
                <Link to={`/journaal/${entry.id}`}>
                  {entry.title || `Journaalstuk van ${formatDate(entry.writtenOn)}`}
                </Link>
              </h3>
              <p className="muted">
                {formatDate(entry.writtenOn)} · {journalAudiencesLabel(entry.audiences)}
                {entry._count.replies ? ` · ${aantal(entry._count.replies, "reactie", "reacties")}` : ""}
                {entry.session ? ` · bijeenkomst ${entry.session.number}` : ""}
              </p>
              <p>{entry.excerpt}</p>
              {entry.tags.length ? (
                <ul className="tag-list" aria-label="Labels">
                  {entry.tags.map((tag) => (
                    <li key={tag} className="badge">
                      {tag}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
