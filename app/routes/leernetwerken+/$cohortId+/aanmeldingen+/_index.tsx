// Coordinator: the applications of municipalities for this cohort, with where each stands (new, intake
// planned, admitted, waiting list, rejected).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { requireCohortCoordinator } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { TableScroll } from "~/components/table-scroll.tsx";
import { listApplications } from "~/models/application.server.ts";
import { cohortPage, cohortTitle, useCohortHeader } from "~/utils/cohort-page.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { applicationStatusLabels, duoFunctionLabels } from "~/utils/labels.ts";
import { applicationBadge } from "~/utils/status-badges.ts";
import { aantal, woord } from "~/utils/plural.ts";

export const handle = cohortPage<typeof loader>({ adminNav: true });

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? cohortTitle(matches, "Aanmeldingen") : "Aanmeldingen — Leernetwerk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cohortId } = await requireCohortCoordinator(request, params.cohortId);
  const applications = await listApplications(cohortId);
  // Issue 19: the waiting list in order of coming onto it (older decisions without that moment by sign-up).
  const waitingList = applications
    .filter((application) => application.status === "WAITLISTED")
    .sort((a, b) => (a.waitlistedAt ?? a.createdAt).getTime() - (b.waitlistedAt ?? b.createdAt).getTime());
  return { applications, waitingList };
}

export default function ApplicationsPage() {
  const { applications, waitingList } = useLoaderData<typeof loader>();
  const { cohort } = useCohortHeader();
  return (
    <>
      <h1>Aanmeldingen en intake</h1>
      <p>
        Gemeenten melden zich aan via de openbare pagina{" "}
        <Link to={`/aanmelden/${cohort.slug}`}>/aanmelden/{cohort.slug}</Link>
        {cohort.status === "APPLICATIONS_OPEN"
          ? "."
          : " (aanmelden staat nu dicht: de status is niet 'Aanmelding open')."}{" "}
        Open een aanmelding om het intakegesprek te plannen, vast te leggen en te besluiten.
      </p>
      <section aria-labelledby="wachtlijst">
        <h2 id="wachtlijst">Wachtlijst</h2>
        {waitingList.length === 0 ? (
          <p>Er staat geen gemeente op de wachtlijst.</p>
        ) : (
          <>
            <p>
              {woord(waitingList.length, "Deze gemeente wacht", "Deze gemeenten wachten")} op een plaats, in volgorde
              van aanmelden voor de wachtlijst. Komt er een plaats vrij, open dan de aanmelding en kies{" "}
              <strong>Toegelaten</strong>.
            </p>
            <ol className="stack">
              {waitingList.map((application) => (
                <li key={application.id}>
                  <Link to={`/leernetwerken/${cohort.id}/aanmeldingen/${application.id}`}>
                    {application.municipalityName}
                  </Link>{" "}
                  <span className="muted">
                    op de wachtlijst sinds {formatDateTime(application.waitlistedAt ?? application.createdAt)}
                  </span>
                </li>
              ))}
            </ol>
          </>
        )}
      </section>
      <h2>Alle aanmeldingen</h2>
      {applications.length === 0 ? (
        <p>Er zijn nog geen aanmeldingen.</p>
      ) : (
        <TableScroll label="Tabel met aanmeldingen">
          <table>
            <caption className="muted">{aantal(applications.length, "aanmelding", "aanmeldingen")}</caption>
            <thead>
              <tr>
                <th scope="col">Gemeente</th>
                <th scope="col">Duo</th>
                <th scope="col">Aangemeld</th>
                <th scope="col">Intakegesprek</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {applications.map((application) => (
                <tr key={application.id}>
                  <td>
                    <Link to={`/leernetwerken/${cohort.id}/aanmeldingen/${application.id}`}>
                      {application.municipalityName}
                    </Link>
                  </td>
                  <td>
                    {application.members
                      .map((member) => `${member.name} (${duoFunctionLabels[member.function].toLowerCase()})`)
                      .join(", ")}
                  </td>
                  <td>{formatDateTime(application.createdAt)}</td>
                  <td>{application.intakeAt ? formatDateTime(application.intakeAt) : "Nog niet gepland"}</td>
                  <td>
                    <span className={applicationBadge(application.status)}>
                      {applicationStatusLabels[application.status]}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
