// The start page, different per role: what needs attention, what comes next.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server.ts";
import { StatusBadge } from "~/components/assignment-parts.tsx";
import { SessionSummary } from "~/components/session-summary.tsx";
import { coordinatorStart, facilitatorStart, participantStartPage } from "~/models/start-page.server.ts";
import { momentLabels } from "~/content/self-scan-schema.ts";
import { formatCalendarDate, formatDate, formatDateTime } from "~/utils/dates.ts";
import { cohortStatusLabels, duoFunctionLabels } from "~/utils/labels.ts";

export const meta: MetaFunction = () => [{ title: "Start — Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (user.role === "COORDINATOR") {
    return { role: "COORDINATOR" as const, name: user.name, coordinator: await coordinatorStart() };
  }
  if (user.role === "FACILITATOR") {
    return { role: "FACILITATOR" as const, name: user.name, facilitator: await facilitatorStart(user) };
  }
  const { participant, journalPrompts, selfScans, openAssignments } = await participantStartPage(user);
  return { role: "PARTICIPANT" as const, name: user.name, participant, journalPrompts, selfScans, openAssignments };
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

export default function StartPage() {
  const data = useLoaderData<typeof loader>();
  const firstName = data.name.split(" ")[0];
  return (
    <>
      <h1>Welkom, {firstName}</h1>
      {data.role === "COORDINATOR" ? <CoordinatorStart data={data} /> : null}
      {data.role === "FACILITATOR" ? <FacilitatorStart data={data} /> : null}
      {data.role === "PARTICIPANT" ? <ParticipantStart data={data} /> : null}
    </>
  );
}

type CohortCardData = {
  id: string;
  name: string;
  status: keyof typeof cohortStatusLabels;
  startsOn: Date | string;
  endsOn: Date | string;
  capacity: number;
  _count: { enrollments: number; sessions: number };
};

function CohortCards({ cohorts }: { cohorts: CohortCardData[] }) {
  if (cohorts.length === 0) return <p>Er zijn nog geen leernetwerken.</p>;
  return (
    <ul className="cards">
      {cohorts.map((cohort) => (
        <li key={cohort.id} className="card">
          <h3>
            <Link to={`/leernetwerken/${cohort.id}`}>{cohort.name}</Link>
          </h3>
          <p>
            <span className="badge">{cohortStatusLabels[cohort.status]}</span>
          </p>
          <p>
            {formatCalendarDate(cohort.startsOn)} tot en met {formatCalendarDate(cohort.endsOn)}
            <br />
            {cohort._count.enrollments} van {cohort.capacity} gemeenten · {cohort._count.sessions} bijeenkomsten
          </p>
        </li>
      ))}
    </ul>
  );
}

function CoordinatorStart({ data }: { data: Extract<Data, { role: "COORDINATOR" }> }) {
  const c = data.coordinator;
  const attention: { key: string; content: React.ReactNode }[] = [];
  if (c.openInvitations > 0) {
    attention.push({
      key: "open",
      content: (
        <>
          <Link to="/beheer/uitnodigingen">{c.openInvitations} uitnodiging(en)</Link> nog niet aangenomen.
        </>
      ),
    });
  }
  if (c.expiredInvitations > 0) {
    attention.push({
      key: "expired",
      content: (
        <>
          <Link to="/beheer/uitnodigingen">{c.expiredInvitations} uitnodiging(en)</Link> verlopen: stuur een nieuwe.
        </>
      ),
    });
  }
  if (c.failedEmails > 0) {
    attention.push({
      key: "failed",
      content: (
        <>
          <Link to="/beheer/e-mail">{c.failedEmails} e-mail(s)</Link> konden niet worden verzonden.
        </>
      ),
    });
  }
  for (const cohort of c.openApplications) {
    attention.push({
      key: `applications-${cohort.id}`,
      content: (
        <>
          <Link to={`/leernetwerken/${cohort.id}/aanmeldingen`}>
            {cohort._count.applications} aanmelding(en) voor {cohort.name}
          </Link>{" "}
          wachten op een intake of besluit.
        </>
      ),
    });
  }
  for (const cohort of c.cohortsWithRoom) {
    attention.push({
      key: `room-${cohort.id}`,
      content: (
        <>
          <Link to={`/leernetwerken/${cohort.id}`}>{cohort.name}</Link>: aanmelding open, nog plaats voor{" "}
          {cohort.capacity - cohort._count.enrollments} gemeente(n).
        </>
      ),
    });
  }
  return (
    <>
      <section aria-labelledby="aandacht">
        <h2 id="aandacht">Wat aandacht nodig heeft</h2>
        {attention.length ? (
          <ul className="attention-list">
            {attention.map((item) => (
              <li key={item.key}>{item.content}</li>
            ))}
          </ul>
        ) : (
          <p>Er is nu niets dat aandacht nodig heeft.</p>
        )}
      </section>
      <section aria-labelledby="komend">
        <h2 id="komend">Bijeenkomsten in de komende twee weken</h2>
        {c.upcomingSessions.length ? (
          <ul className="session-list">
            {c.upcomingSessions.map((session) => (
              <li key={session.id} className="card">
                <p className="muted">{session.cohort.name}</p>
                <SessionSummary session={session} />
              </li>
            ))}
          </ul>
        ) : (
          <p>Geen bijeenkomsten in de komende twee weken.</p>
        )}
      </section>
      <section aria-labelledby="leernetwerken">
        <h2 id="leernetwerken">Leernetwerken</h2>
        <CohortCards cohorts={c.cohorts} />
      </section>
    </>
  );
}

function FacilitatorStart({ data }: { data: Extract<Data, { role: "FACILITATOR" }> }) {
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

function ParticipantStart({ data }: { data: Extract<Data, { role: "PARTICIPANT" }> }) {
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
              Je doet mee namens de gemeente <strong>{m.municipality}</strong>, als{" "}
              {duoFunctionLabels[m.function].toLowerCase()}.
              {m.partners.length ? (
                <>
                  {" "}
                  Je duo:{" "}
                  {m.partners
                    .map((p) => `${p.user.name} (${duoFunctionLabels[p.function].toLowerCase()})`)
                    .join(", ")}
                  .
                </>
              ) : null}
            </p>
            {m.vraagstuk ? (
              <p>
                <strong>Jullie vraagstuk:</strong> {m.vraagstuk}
              </p>
            ) : null}
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
                            {" "}
                            · {reading.minutes} min ·{" "}
                            {reading.lessonsRead === reading.lessons
                              ? "gelezen"
                              : reading.lessons === 1
                                ? "nog niet gelezen"
                                : `${reading.lessonsRead} van ${reading.lessons} lessen gelezen`}
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
          <section aria-labelledby={`tasks-${m.cohort.id}`}>
            <h2 id={`tasks-${m.cohort.id}`}>Open taken</h2>
            {m.tasks.length ? (
              <ul className="session-list">
                {m.tasks.map((task) => (
                  <li key={task.title} className="card">
                    <h3>{task.title}</h3>
                    <p className="muted">Vóór {formatDate(task.dueAt)}</p>
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
                    Inleveren vóór {formatDateTime(assignment.dueAt)} · bij bijeenkomst {assignment.session.number}
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
                  {prompt.author ? `${prompt.author.name} · ` : ""}
                  {formatDate(prompt.createdAt)}
                  {prompt.session ? ` · voor bijeenkomst ${prompt.session.number}: ${prompt.session.title}` : ""}
                </p>
                {prompt.myEntryId ? (
                  <Link to={`/journaal/${prompt.myEntryId}`}>
                    Je hebt hierover geschreven<span className="visually-hidden">: {prompt.text}</span>
                  </Link>
                ) : (
                  <Link to={`/journaal/schrijven?vraag=${prompt.id}`}>
                    Schrijf in je journaal<span className="visually-hidden"> over: {prompt.text}</span>
                  </Link>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p>
            Er staan nu geen vragen klaar. Je kunt altijd <Link to="/journaal/schrijven">in je journaal schrijven</Link>.
          </p>
        )}
      </section>
    </>
  );
}

/** The self-scans of the moment that is due (intake, halverwege, einde) that the duo has not completed yet. */
function DueSelfScans({ cohortId, due }: { cohortId: string; due: Extract<Data, { role: "PARTICIPANT" }>["selfScans"][number] | undefined }) {
  if (!due) return null;
  return (
    <section aria-labelledby={`zelfscans-${cohortId}`}>
      <h2 id={`zelfscans-${cohortId}`}>Zelfscans: {momentLabels[due.moment].toLowerCase()}</h2>
      {due.scans.length ? (
        <ul className="reading-list">
          {due.scans.map((scan) => (
            <li key={scan.id}>
              <Link to={`/leernetwerken/${cohortId}/zelfscans/${scan.id}/${due.momentSlug}`}>
                {scan.title}
                <span className="visually-hidden">, {momentLabels[due.moment].toLowerCase()}</span>
              </Link>
              <span className="muted"> · {scan.status.label.toLowerCase()}</span>
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
