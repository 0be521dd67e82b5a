import { Link } from "~/components/link.tsx";
import { SessionSummary } from "~/components/session-summary.tsx";
import { formatDateTime } from "~/utils/dates.ts";
import { aantal } from "~/utils/plural.ts";
import { CohortCards } from "./cohort-cards.tsx";
import type { Data } from "./route.tsx";

type Facilitator = Extract<Data, { role: "FACILITATOR" }>["facilitator"];

/** Submissions (or drafts) waiting for this facilitator, oldest first, with how many more there are. */
function WaitingList({
  list,
  empty,
  dateLabel,
}: {
  list: Facilitator["awaitingFeedback"];
  empty: string;
  dateLabel: string;
}) {
  if (list.total === 0) return <p>{empty}</p>;
  return (
    <>
      <ul>
        {list.items.map((item) => (
          <li key={item.id}>
            <Link to={item.href}>
              {`${item.assignmentTitle}: ${item.municipality}${item.who ? ` (${item.who})` : ""}`}
            </Link>{" "}
            <span className="muted">
              {`· ${item.cohortName} · ${dateLabel} ${formatDateTime((item.submittedAt ?? item.requestedAt) as Date | string)}`}
            </span>
          </li>
        ))}
      </ul>
      {list.total > list.items.length ? (
        <p className="muted">En nog {aantal(list.total - list.items.length, "inzending", "inzendingen")}.</p>
      ) : null}
    </>
  );
}

export function FacilitatorStart({ data }: { data: Extract<Data, { role: "FACILITATOR" }> }) {
  const f = data.facilitator;
  return (
    <>
      <section aria-labelledby="wacht-op-jou">
        <h2 id="wacht-op-jou">Wat op je wacht</h2>
        <h3>Inzendingen die wachten op feedback</h3>
        <WaitingList
          list={f.awaitingFeedback}
          empty="Er wachten geen ingeleverde opdrachten op feedback."
          dateLabel="ingeleverd op"
        />
        <h3>Vragen om vroege feedback op een concept</h3>
        <WaitingList
          list={f.earlyFeedbackRequests}
          empty="Geen duo vraagt nu om vroege feedback."
          dateLabel="gevraagd op"
        />
        <h3>Gedeelde journaals</h3>
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
      <section aria-labelledby="jij-leidt">
        <h2 id="jij-leidt">Bijeenkomsten die je leidt</h2>
        {f.ledSessions.length ? (
          <ul className="session-list">
            {f.ledSessions.map((session) => (
              <li key={session.id} className="card">
                <p className="muted">{session.cohort.name}</p>
                <SessionSummary session={session} />
                <p>
                  <Link to={`/leernetwerken/${session.cohort.id}/bijeenkomsten/${session.id}/voorbereiding`}>
                    {`Bijeenkomst ${session.number} voorbereiden`}
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p>Je bent niet als leiding van een komende bijeenkomst genoemd.</p>
        )}
      </section>
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
      {f.intervisionMeetings.length ? (
        <section aria-labelledby="intervisie">
          <h2 id="intervisie">Intervisie</h2>
          <ul>
            {f.intervisionMeetings.map((group) => (
              <li key={group.groupId}>
                <Link to={`/intervisie/groepen/${group.groupId}`}>{group.groupName}</Link>{" "}
                <span className="muted">{`(${group.cohortName})`}</span>:{" "}
                {group.next ? (
                  <Link to={`/intervisie/bijeenkomsten/${group.next.id}`}>
                    {`volgende bijeenkomst ${formatDateTime(group.next.startsAt)}`}
                  </Link>
                ) : (
                  "nog geen bijeenkomst gepland"
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="mijn-leernetwerken">
        <h2 id="mijn-leernetwerken">Leernetwerken die je begeleidt</h2>
        {f.cohorts.length ? <CohortCards cohorts={f.cohorts} /> : <p>Je begeleidt nog geen leernetwerk.</p>}
      </section>
    </>
  );
}
