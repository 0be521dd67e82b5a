// A cohort's own page: the schedule with what to prepare, the municipalities and their duos, the
// facilitators. Only for people in the cohort (and coordinators); anyone else gets a 404.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireCohortMember } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { SessionSummary } from "~/components/session-summary.tsx";
import { getCohortOverview } from "~/models/cohort.server.ts";
import { formatCalendarDate } from "~/utils/dates.ts";
import { invariantResponse } from "~/utils/http.server.ts";
import { cohortStatusLabels, duoFunctionLabels } from "~/utils/labels.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.cohort.name} — Leernetwerk` : "Leernetwerk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, relation, cohortId } = await requireCohortMember(request, params.cohortId);
  const cohort = await getCohortOverview(cohortId);
  invariantResponse(cohort, "Dit leernetwerk bestaat niet.");
  return { cohort, relation, userId: user.id };
}

export default function CohortPage() {
  const { cohort, userId, relation } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{cohort.name}</h1>
      <p>
        <span className="badge">{cohortStatusLabels[cohort.status]}</span> {formatCalendarDate(cohort.startsOn)} tot en met{" "}
        {formatCalendarDate(cohort.endsOn)}
      </p>
      {cohort.theme ? (
        <p>
          <strong>Thema:</strong> {cohort.theme}
        </p>
      ) : null}
      {cohort.description ? <p>{cohort.description}</p> : null}

      {relation === "coordinator" ? (
        <nav className="panel cohort-subnav" aria-label="Beheer van dit leernetwerk">
          <ul>
            <li>
              <Link to={`/leernetwerken/${cohort.id}/aanmeldingen`}>Aanmeldingen en intake</Link>
            </li>
            <li>
              <Link to={`/leernetwerken/${cohort.id}/deelnemers`}>Gemeenten en duo&apos;s</Link>
            </li>
            <li>
              <Link to={`/leernetwerken/${cohort.id}/begeleiders`}>Begeleiders</Link>
            </li>
            <li>
              <Link to={`/leernetwerken/${cohort.id}/export`}>Exporteren</Link>
            </li>
          </ul>
        </nav>
      ) : null}

      <section aria-labelledby="programma">
        <h2 id="programma">Programma</h2>
        {cohort.sessions.length ? (
          <ol className="session-list">
            {cohort.sessions.map((session) => (
              <li key={session.id} className="card">
                <SessionSummary session={session} />
                {session.preparation ? (
                  <>
                    <h4>Voorbereiding</h4>
                    <p>{session.preparation}</p>
                  </>
                ) : null}
              </li>
            ))}
          </ol>
        ) : (
          <p>Er zijn nog geen bijeenkomsten gepland.</p>
        )}
      </section>

      <section aria-labelledby="gemeenten">
        <h2 id="gemeenten">Gemeenten en duo's</h2>
        {cohort.enrollments.length ? (
          <ul className="cards">
            {cohort.enrollments.map((enrollment) => (
              <li key={enrollment.id} className="card">
                <h3>Gemeente {enrollment.municipality.name}</h3>
                {enrollment.members.length ? (
                  <ul>
                    {enrollment.members.map((member) => (
                      <li key={member.user.id}>
                        {member.user.name}
                        {member.user.id === userId ? " (jij)" : ""} — {duoFunctionLabels[member.function].toLowerCase()}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">Nog geen deelnemers.</p>
                )}
                {enrollment.vraagstuk ? (
                  <p>
                    <strong>Vraagstuk:</strong> {enrollment.vraagstuk}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>Er zijn nog geen gemeenten ingeschreven.</p>
        )}
      </section>

      <section aria-labelledby="begeleiders">
        <h2 id="begeleiders">Begeleiders</h2>
        {cohort.facilitators.length ? (
          <ul>
            {cohort.facilitators.map(({ user }) => (
              <li key={user.id}>
                {user.name}
                {user.title ? `, ${user.title}` : ""}
              </li>
            ))}
          </ul>
        ) : (
          <p>Er zijn nog geen begeleiders toegewezen.</p>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
