import { Link } from "~/components/link.tsx";
import { StatusBadge } from "~/components/assignment-parts.tsx";
import { SessionSummary } from "~/components/session-summary.tsx";
import { momentLabels } from "~/content/self-scan-schema.ts";
import { formatDate, formatDateTime } from "~/utils/dates.ts";
import { readJsonData } from "~/utils/json-data.ts";
import { duoFunctionLabels } from "~/utils/labels.ts";
import type { Data } from "./route.tsx";

type PageData = Extract<Data, { role: "PARTICIPANT" }>["page"];
/** What the page shows (the loader's participantView, moments as ISO strings). */
type Page = NonNullable<PageData["value"]>;

export function ParticipantStart({ page }: { page: PageData }) {
  const data = readJsonData(page);
  const memberships = data.participant;
  if (memberships.length === 0) {
    return <p>Je bent nog niet ingeschreven in een leernetwerk. De coördinator neemt contact met je op.</p>;
  }
  return (
    <>
      {memberships.map((m) => (
        <div key={m.cohort.id}>
          <section aria-labelledby={`cohort-${m.cohort.id}`} className="panel">
            <h2 id={`cohort-${m.cohort.id}`}>
              <Link to={`/leernetwerken/${m.cohort.id}`}>{m.cohort.name}</Link>
            </h2>
            <p>
              Je doet mee namens de gemeente <strong>{m.municipality}</strong>
              {`, als ${duoFunctionLabels[m.function].toLowerCase()}.${
                m.partners.length
                  ? ` Je duo: ${m.partners.map((p) => `${p.name} (${duoFunctionLabels[p.function].toLowerCase()})`).join(", ")}.`
                  : ""
              }`}
            </p>
            {m.vraagstuk ? (
              <p>
                <strong>Jullie vraagstuk:</strong>
                {` ${m.vraagstuk}`}
              </p>
            ) : null}
            <p>
              <Link to={`/impactspoor/${m.municipalityId}`}>{`Impactspoor van ${m.municipality}`}</Link>: wat doet
              jullie gemeente met de ervaringen van inwoners?
            </p>
          </section>
          <section aria-labelledby={`next-${m.cohort.id}`}>
            <h2 id={`next-${m.cohort.id}`}>Volgende bijeenkomst</h2>
            {m.nextSession ? (
              <div className="card">
                <SessionSummary session={m.nextSession} />
                {m.toRead.length ? (
                  <>
                    <h3>Lees vóór deze bijeenkomst</h3>
                    <ul className="reading-list">
                      {m.toRead.map((reading) => (
                        <li key={reading.href}>
                          <Link to={reading.href}>{reading.title}</Link>
                          <span className="muted">
                            {` · ${reading.minutes} min · ${
                              reading.lessonsRead === reading.lessons
                                ? "gelezen"
                                : reading.lessons === 1
                                  ? "nog niet gelezen"
                                  : `${reading.lessonsRead} van ${reading.lessons} lessen gelezen`
                            }`}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </div>
            ) : (
              <p>Er staan geen bijeenkomsten meer gepland.</p>
            )}
          </section>
          <DueSelfScans cohortId={m.cohort.id} due={data.selfScans.find((entry) => entry.cohortId === m.cohort.id)} />
          {m.evaluations.length ? (
            <section aria-labelledby={`evaluations-${m.cohort.id}`}>
              <h2 id={`evaluations-${m.cohort.id}`}>Evaluatie</h2>
              <p>Hoe vond je het? Je antwoorden zijn anoniem.</p>
              <ul>
                {m.evaluations.map((evaluation) => (
                  <li key={evaluation.key}>
                    <Link to={`/leernetwerken/${m.cohort.id}/evaluatie/${evaluation.key}`}>
                      {`Evaluatie invullen: ${evaluation.title}`}
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section aria-labelledby={`tasks-${m.cohort.id}`}>
            <h2 id={`tasks-${m.cohort.id}`}>Open taken</h2>
            {m.tasks.length ? (
              <ul className="session-list">
                {m.tasks.map((task) => (
                  <li key={task.title} className="card">
                    <h3>{task.title}</h3>
                    <p className="muted">{`Vóór ${formatDate(task.dueAt)}`}</p>
                    <p>{task.description}</p>
                  </li>
                ))}
              </ul>
            ) : (
              <p>Je hebt geen open taken.</p>
            )}
          </section>
        </div>
      ))}
      <section aria-labelledby="open-opdrachten">
        <h2 id="open-opdrachten">Opdrachten om in te leveren</h2>
        {data.openAssignments.length ? (
          <ul className="session-list">
            {data.openAssignments.map((assignment) => (
              <li key={assignment.id} className="card">
                <h3>
                  <Link to={`/opdrachten/${assignment.id}`}>{assignment.title}</Link>
                </h3>
                <p>
                  <StatusBadge status={assignment.status} label={assignment.statusLabel} />{" "}
                  <span className="muted">
                    {`Inleveren vóór ${formatDateTime(assignment.dueAt)} · bij bijeenkomst ${assignment.sessionNumber}`}
                  </span>
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p>
            Je hebt niets meer in te leveren. <Link to="/opdrachten">Alle opdrachten</Link>
          </p>
        )}
      </section>
      <section aria-labelledby="reflectievragen">
        <h2 id="reflectievragen">Reflectievragen van je begeleiders</h2>
        {data.journalPrompts.length ? (
          <ul className="session-list">
            {data.journalPrompts.map((prompt) => (
              <li key={prompt.id} className="card">
                <p>{prompt.text}</p>
                <p className="muted">
                  {`${prompt.author ? `${prompt.author} · ` : ""}${formatDate(prompt.createdAt)}${
                    prompt.session ? ` · voor bijeenkomst ${prompt.session.number}: ${prompt.session.title}` : ""
                  }`}
                </p>
                {prompt.myEntryId ? (
                  <Link to={`/journaal/${prompt.myEntryId}`}>
                    Je hebt hierover geschreven<span className="visually-hidden">{`: ${prompt.text}`}</span>
                  </Link>
                ) : (
                  <Link to={`/journaal/schrijven?vraag=${prompt.id}`}>
                    Schrijf in je journaal<span className="visually-hidden">{` over: ${prompt.text}`}</span>
                  </Link>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p>
            Er staan nu geen vragen klaar. Je kunt altijd <Link to="/journaal/schrijven">in je journaal schrijven</Link>
            .
          </p>
        )}
      </section>
    </>
  );
}

/** The self-scans of the moment that is due (intake, halverwege, einde) that the duo has not completed yet. */
export function DueSelfScans({ cohortId, due }: { cohortId: string; due: Page["selfScans"][number] | undefined }) {
  if (!due) return null;
  return (
    <section aria-labelledby={`zelfscans-${cohortId}`}>
      <h2 id={`zelfscans-${cohortId}`}>{`Zelfscans: ${momentLabels[due.moment].toLowerCase()}`}</h2>
      {due.scans.length ? (
        <ul className="reading-list">
          {due.scans.map((scan) => (
            <li key={scan.id}>
              <Link to={`/leernetwerken/${cohortId}/zelfscans/${scan.id}/${due.momentSlug}`}>
                {scan.title}
                <span className="visually-hidden">{`, ${momentLabels[due.moment].toLowerCase()}`}</span>
              </Link>
              <span className="muted">{` · ${scan.label.toLowerCase()}`}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>Jullie hebben alle zelfscans van dit moment afgerond.</p>
      )}
      <p>
        <Link to={`/leernetwerken/${cohortId}/zelfscans`}>Alle zelfscans en jullie uitkomsten</Link>
      </p>
    </section>
  );
}
