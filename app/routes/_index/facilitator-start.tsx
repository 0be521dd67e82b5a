import { Link } from "@remix-run/react";
import { SessionSummary } from "~/components/session-summary.tsx";
import { CohortCards } from "./cohort-cards.tsx";
import type { Data } from "./route.tsx";

export function FacilitatorStart({ data }: { data: Extract<Data, { role: "FACILITATOR" }> }) {
  const f = data.facilitator;
  return (
    <>
      <section aria-labelledby="volgende">
        <h2 id="volgende">Je volgende bijeenkomsten</h2>
        {f.nextSessions.length ? (
          <ul className="session-list">
            {f.nextSessions.map((session) => (
              <li key={session.id} className="card">
                <p className="muted">{session.cohort.name}</p>
                <SessionSummary session={session} />
              </li>
            ))}
          </ul>
        ) : (
          <p>Er staan geen bijeenkomsten gepland.</p>
        )}
      </section>
      <section aria-labelledby="gedeelde-journaals">
        <h2 id="gedeelde-journaals">Gedeelde journaals</h2>
        <p>
          {f.journalsAwaitingAnswer === 0
            ? "Er wachten geen gedeelde journaalstukken op je antwoord."
            : f.journalsAwaitingAnswer === 1
              ? "Eén gedeeld journaalstuk wacht op een antwoord."
              : `${f.journalsAwaitingAnswer} gedeelde journaalstukken wachten op een antwoord.`}{" "}
          <Link to="/journaal/gedeeld">Naar de gedeelde journaals</Link> ·{" "}
          <Link to="/journaal/vragen">Een reflectievraag stellen</Link>
        </p>
      </section>
      <section aria-labelledby="mijn-leernetwerken">
        <h2 id="mijn-leernetwerken">Leernetwerken die je begeleidt</h2>
        {f.cohorts.length ? <CohortCards cohorts={f.cohorts} /> : <p>Je begeleidt nog geen leernetwerk.</p>}
      </section>
    </>
  );
}
