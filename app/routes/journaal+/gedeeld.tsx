// Journal entries others chose to share with you: for facilitators the entries of their cohorts' participants
// (per participant, newest first, marked when they wait for an answer); for participants what the duo partner
// shared. Coordinators have no journals to read: nothing can be shared with them.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { requireRole } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { listSharedWithMe } from "~/models/journal.server.ts";
import { formatDate } from "~/utils/dates.ts";
import { aantal } from "~/utils/plural.ts";

export const meta: MetaFunction = () => [{ title: "Gedeelde journaals — Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "FACILITATOR", "PARTICIPANT");
  return { role: user.role, groups: await listSharedWithMe(user) };
}

export default function SharedJournalsPage() {
  const { role, groups } = useLoaderData<typeof loader>();
  const isFacilitator = role === "FACILITATOR";
  return (
    <>
      <h1>{isFacilitator ? "Gedeelde journaals" : "Met mij gedeeld"}</h1>
      <p>
        {isFacilitator
          ? "Stukken die deelnemers van jouw leernetwerken met de begeleiders hebben gedeeld. Je kunt erop antwoorden; de deelnemer krijgt daar bericht van. Trekt een deelnemer het delen in, dan verdwijnt het stuk hier."
          : "Stukken die je duopartner met je heeft gedeeld."}
      </p>
      {isFacilitator ? (
        <p>
          <Link to="/journaal/vragen">Een reflectievraag stellen aan je leernetwerk</Link>
        </p>
      ) : (
        <p>
          <Link to="/journaal">Terug naar mijn journaal</Link>
        </p>
      )}
      {groups.length === 0 ? <p>Er is (nog) niets met je gedeeld.</p> : null}
      {groups.map((group) => (
        <section key={group.author.id} aria-labelledby={`author-${group.author.id}`}>
          <h2 id={`author-${group.author.id}`}>
            {group.author.name}
            {group.municipality ? <span className="muted"> · {group.municipality}</span> : null}
          </h2>
          <ul className="session-list">
            {group.entries.map((entry) => (
              <li key={entry.id} className="card">
                <h3>
                  <Link to={`/journaal/${entry.id}`}>
                    {entry.title || `Journaalstuk van ${formatDate(entry.writtenOn)}`}
                  </Link>
                </h3>
                <p className="muted">
                  {formatDate(entry.writtenOn)}
                  {entry._count.replies ? ` · ${aantal(entry._count.replies, "reactie", "reacties")}` : ""}
                  {isFacilitator && entry.awaitingAnswer ? (
                    <>
                      {" "}
                      · <span className="badge">Wacht op antwoord</span>
                    </>
                  ) : null}
                </p>
                <p>{entry.excerpt}</p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
