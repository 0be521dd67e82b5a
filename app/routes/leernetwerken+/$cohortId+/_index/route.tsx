// A cohort's own page. Participants see the schedule with what to prepare, the other municipalities and
// their duos, and the facilitators. Facilitators and coordinators also see a dashboard: attendance and
// sign-offs per session; coordinators edit the cohort and its schedule from here. Only for people in the
// cohort (and coordinators); anyone else gets a 404.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { requireCohortMember } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { SessionSummary } from "~/components/session-summary.tsx";
import { LatestAnnouncements } from "~/components/latest-announcements.tsx";
import { type CohortRelation, cohortOverviewWithAccess, getCohortOverview } from "~/models/cohort.server.ts";
import { warningsForSchedule } from "~/models/schedule.ts";
import { cohortPage, useCohortHeader } from "~/utils/cohort-page.ts";
import { calendarDateString, formatCalendarDate } from "~/utils/dates.ts";
import { invariantResponse } from "~/utils/http.server.ts";
import { type Jsonified, jsonData, readJsonData } from "~/utils/json-data.ts";
import { cohortStatusLabels, duoFunctionLabels } from "~/utils/labels.ts";
import { AttendanceDashboard } from "./attendance-dashboard.tsx";

// The layout above shows coordinators the cohort admin navigation here; no breadcrumb on the cohort's own page.
export const handle = cohortPage<typeof loader>({ breadcrumb: false, adminNav: true });

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.cohort.name} — Leernetwerk` : "Leernetwerk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  // The overview comes with the access check's statement (one statement less); read on its own otherwise.
  const { user, relation, cohortId, page } = await requireCohortMember(
    request,
    params.cohortId,
    cohortOverviewWithAccess,
  );
  const overview =
    page?.data ?? (await getCohortOverview(cohortId, relation === "participant" ? { userId: user.id } : { all: true }));
  invariantResponse(overview, "Dit leernetwerk bestaat niet.");
  // The page's values as one JSON string (app/utils/json-data.ts): a few hundred values that the data's
  // encoder would otherwise walk one by one. The cohort's id and name also as they are, for the title.
  return {
    cohort: { id: overview.id, name: overview.name },
    page: jsonData(pageValues(overview, relation, user.id)),
  };
}

/** What the page shows, from the cohort's overview (moments as Date). */
function pageValues(
  overview: NonNullable<Awaited<ReturnType<typeof getCohortOverview>>>,
  relation: CohortRelation,
  userId: string,
) {
  const { readings: readingsPerSession, ...cohort } = overview;
  // What the page shows of a reading (not its module or the ids of its lessons, which are sent for nothing).
  const readings = Object.fromEntries(
    Object.entries(readingsPerSession).map(([sessionId, list]) => [
      sessionId,
      list.map(({ id, href, title, minutes }) => ({ id, href, title, minutes })),
    ]),
  );
  const warnings =
    relation === "coordinator"
      ? Object.fromEntries(
          warningsForSchedule(cohort.sessions, {
            startsOn: calendarDateString(cohort.startsOn),
            endsOn: calendarDateString(cohort.endsOn),
          }),
        )
      : {};
  const participantCount = cohort.enrollments.reduce((sum, enrollment) => sum + enrollment.members.length, 0);
  return { cohort, relation, userId, warnings, participantCount, readings, now: new Date() };
}

/** The page's values as the component reads them (moments as ISO strings). */
export type Loaded = Jsonified<ReturnType<typeof pageValues>>;

export default function CohortPage() {
  const { cohort, relation, userId, warnings, participantCount, readings, now } = readJsonData<Loaded>(
    useLoaderData<typeof loader>().page,
  );
  const isStaff = relation !== "participant";
  const header = useCohortHeader().cohort;
  return (
    <>
      <h1>{cohort.name}</h1>
      {header.archivedAt ? (
        <p className="alert alert-info">
          Dit leernetwerk is gearchiveerd: je kunt alles nog lezen, maar er kan niets meer worden veranderd.
        </p>
      ) : null}
      {relation === "participant" && header.closing?.certificatesIssuedAt ? (
        <p>
          <Link to={`/leernetwerken/${cohort.id}/deelnamebewijs`}>Je deelnamebewijs</Link>
        </p>
      ) : null}
      <p>
        <span className="badge">{cohortStatusLabels[cohort.status]}</span> {formatCalendarDate(cohort.startsOn)} tot en
        met {formatCalendarDate(cohort.endsOn)}
        {isStaff ? (
          <>
            {" "}
            · {cohort.enrollments.length} van {cohort.capacity} gemeenten
          </>
        ) : null}
      </p>
      {relation === "coordinator" ? (
        <p className="button-row">
          <Link to={`/leernetwerken/${cohort.id}/bewerken`} className="button button-secondary">
            Leernetwerk bewerken
          </Link>
          <Link to={`/leernetwerken/${cohort.id}/bijeenkomsten/nieuw`} className="button button-secondary">
            Bijeenkomst toevoegen
          </Link>
          <Link to={`/beheer/leernetwerken/nieuw?kopie=${cohort.id}`} className="button button-secondary">
            Kopiëren als nieuw leernetwerk
          </Link>
        </p>
      ) : null}

      {cohort.theme ? (
        <p>
          <strong>Thema:</strong> {cohort.theme}
        </p>
      ) : null}
      {cohort.description ? <p>{cohort.description}</p> : null}

      {isStaff ? (
        <p className="link-row">
          <Link to={`/leernetwerken/${cohort.id}/voortgang`}>Leesvoortgang per duo</Link>{" "}
          <Link to={`/leernetwerken/${cohort.id}/opdrachten`}>Opdrachten en inzendingen per gemeente</Link>{" "}
          <Link to={`/leernetwerken/${cohort.id}/aanpak`}>Aanpak per duo</Link>{" "}
          <Link to={`/leernetwerken/${cohort.id}/gedeelde-plannen`}>Gedeelde plannen</Link>{" "}
          <Link to={`/leernetwerken/${cohort.id}/zelfscans`}>
            {relation === "coordinator" ? "Zelfscans (gemiddelden)" : "Zelfscans per duo"}
          </Link>{" "}
          <Link to={`/leernetwerken/${cohort.id}/evaluatie`}>Evaluatie (alleen totalen)</Link>{" "}
          <Link to={`/leernetwerken/${cohort.id}/synthese`}>Synthese voor de kennisbank</Link>
        </p>
      ) : (
        <p className="link-row">
          <Link to={`/leernetwerken/${cohort.id}/aanpak`}>Jullie aanpak</Link>{" "}
          <Link to={`/leernetwerken/${cohort.id}/zelfscans`}>Jullie zelfscans</Link>{" "}
          <Link to={`/leernetwerken/${cohort.id}/evaluatie`}>Evaluatie</Link>{" "}
          <Link to={`/leernetwerken/${cohort.id}/gedeelde-plannen`}>Gedeelde plannen</Link>
        </p>
      )}

      <LatestAnnouncements cohortId={cohort.id} announcements={cohort.announcements} canWrite={isStaff} />

      {isStaff ? <AttendanceDashboard cohort={cohort} participantCount={participantCount} /> : null}

      <section aria-labelledby="programma">
        <h2 id="programma">Programma</h2>
        <p>
          Zet de bijeenkomsten in je eigen agenda: per bijeenkomst met het .ics-bestand, of allemaal tegelijk met een{" "}
          <Link to="/account#agenda">agenda-abonnement</Link> dat wijzigingen vanzelf overneemt.
        </p>
        {cohort.sessions.length ? (
          <ol className="session-list">
            {cohort.sessions.map((session) => {
              const own =
                relation === "participant" ? session.attendances.find((row) => row.userId === userId) : undefined;
              const base = `/leernetwerken/${cohort.id}/bijeenkomsten/${session.id}`;
              return (
                <li key={session.id} className="card">
                  <SessionSummary session={session} />
                  {warnings[session.id]?.length ? (
                    <ul className="warning-list" aria-label={`Waarschuwingen bij bijeenkomst ${session.number}`}>
                      {warnings[session.id]!.map((warning) => (
                        <li key={warning}>{warning}</li>
                      ))}
                    </ul>
                  ) : null}
                  {session.preparation ? (
                    <>
                      <h4>Voorbereiding</h4>
                      <p className="pre-line">{session.preparation}</p>
                    </>
                  ) : null}
                  {readings[session.id]?.length ? (
                    <>
                      <h4>Lees vooraf</h4>
                      <ul className="reading-list">
                        {readings[session.id]!.map((reading) => (
                          <li key={reading.id}>
                            <Link to={reading.href}>{reading.title}</Link>{" "}
                            <span className="muted">· {reading.minutes} min</span>
                          </li>
                        ))}
                      </ul>
                    </>
                  ) : null}
                  {own?.status === "SIGNED_OFF" ? (
                    <p>
                      <span className="badge badge-warning">Je hebt je afgemeld</span>
                    </p>
                  ) : null}
                  <p className="link-row">
                    <Link to={base}>
                      Details
                      {relation === "participant" && !session.cancelledAt && new Date(session.startsAt) > new Date(now)
                        ? " en afmelden"
                        : ""}
                      {isStaff ? " en aanwezigheid" : ""}
                      <span className="visually-hidden"> (bijeenkomst {session.number})</span>
                    </Link>
                    <a href={`${base}/agenda.ics`} download>
                      In je agenda (.ics)<span className="visually-hidden"> (bijeenkomst {session.number})</span>
                    </a>
                    {isStaff ? (
                      <Link to={`${base}/voorbereiding`}>Leesvoorbereiding voor bijeenkomst {session.number}</Link>
                    ) : null}
                  </p>
                </li>
              );
            })}
          </ol>
        ) : (
          <p>Er zijn nog geen bijeenkomsten gepland.</p>
        )}
      </section>

      <section aria-labelledby="gemeenten">
        <h2 id="gemeenten">Gemeenten en duo&apos;s</h2>
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
