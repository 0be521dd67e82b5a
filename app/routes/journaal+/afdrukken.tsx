// The participant's whole journal on one page, with replies, for printing (or saving as PDF).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { requireRole } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { MarkdocText } from "~/components/markdoc-text.tsx";
import { exportEntries } from "~/models/journal.server.ts";
import { formatDate, formatDateTime } from "~/utils/dates.ts";
import { journalAudiencesLabel } from "~/utils/labels.ts";
import { renderText } from "~/utils/markdoc-text.server.ts";
import { personName } from "~/utils/deleted-person.ts";

export const meta: MetaFunction = () => [{ title: "Mijn journaal, afdrukbaar — Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "PARTICIPANT");
  const entries = await exportEntries(user);
  return {
    author: user.name,
    entries: entries.map(({ body, replies, ...entry }) => ({
      ...entry,
      bodyTree: renderText(body),
      replies: replies.map(({ body: replyBody, ...reply }) => ({ ...reply, bodyTree: renderText(replyBody) })),
    })),
  };
}

export default function PrintableJournal() {
  const { author, entries } = useLoaderData<typeof loader>();
  return (
    <>
      <nav aria-label="Kruimelpad" className="breadcrumbs">
        <Link to="/journaal">Journaal</Link>
      </nav>
      <h1>Reflectiejournaal van {author}</h1>
      <p className="no-print">
        Gebruik de afdrukfunctie van je browser (Ctrl+P of Cmd+P) om dit af te drukken of als PDF te bewaren.
      </p>
      {entries.length === 0 ? <p>Je hebt nog niets geschreven.</p> : null}
      {entries.map((entry) => (
        <article key={entry.id} className="print-entry" aria-labelledby={`entry-${entry.id}`}>
          <h2 id={`entry-${entry.id}`}>{entry.title || `Journaalstuk van ${formatDate(entry.writtenOn)}`}</h2>
          <p className="muted">
            {formatDate(entry.writtenOn)} · {journalAudiencesLabel(entry.audiences)}
            {entry.tags.length ? ` · labels: ${entry.tags.join(", ")}` : ""}
            {entry.session ? ` · bijeenkomst ${entry.session.number}: ${entry.session.title}` : ""}
          </p>
          {entry.reflectie ? (
            <blockquote>
              Reflectievraag (les “{entry.reflectie.lesson.title}”): {entry.reflectie.text}
            </blockquote>
          ) : null}
          {entry.prompt ? <blockquote>Vraag van je begeleider: {entry.prompt.text}</blockquote> : null}
          <MarkdocText tree={entry.bodyTree} />
          {entry.replies.length ? (
            <>
              <h3>Reacties</h3>
              <ol className="reply-list">
                {entry.replies.map((reply) => (
                  <li key={reply.id}>
                    <p className="muted">
                      <strong>{personName(reply.author)}</strong>, {formatDateTime(reply.createdAt)}
                    </p>
                    <MarkdocText tree={reply.bodyTree} />
                  </li>
                ))}
              </ol>
            </>
          ) : null}
        </article>
      ))}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
