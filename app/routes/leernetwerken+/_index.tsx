import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { TableScroll } from "~/components/table-scroll.tsx";
import { requireUser } from "~/auth/guards.server.ts";
import { listCohortsForUser } from "~/models/cohort.server.ts";
import { formatCalendarDate } from "~/utils/dates.ts";
import { cohortStatusLabels } from "~/utils/labels.ts";
import { aantal } from "~/utils/plural.ts";

export const meta: MetaFunction = () => [{ title: "Leernetwerken — Leernetwerk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { role: user.role, cohorts: await listCohortsForUser(user) };
}

export default function CohortListPage() {
  const { role, cohorts } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>
        {role === "COORDINATOR"
          ? "Alle leernetwerken"
          : role === "FACILITATOR"
            ? "Leernetwerken die je begeleidt"
            : "Je leernetwerk"}
      </h1>
      {role === "COORDINATOR" ? (
        <p>
          <Link to="/beheer/leernetwerken/nieuw" className="button">
            Nieuw leernetwerk
          </Link>
        </p>
      ) : null}
      {cohorts.length === 0 ? (
        <p>Er zijn (nog) geen leernetwerken voor jou.</p>
      ) : (
        <TableScroll label="Tabel met leernetwerken">
          <table>
            <caption className="muted">{aantal(cohorts.length, "leernetwerk", "leernetwerken")}</caption>
            <thead>
              <tr>
                <th scope="col">Naam</th>
                <th scope="col">Status</th>
                <th scope="col">Periode</th>
                <th scope="col">Gemeenten</th>
                <th scope="col">Bijeenkomsten</th>
              </tr>
            </thead>
            <tbody>
              {cohorts.map((cohort) => (
                <tr key={cohort.id}>
                  <td>
                    <Link to={`/leernetwerken/${cohort.id}`}>{cohort.name}</Link>
                  </td>
                  <td>{cohortStatusLabels[cohort.status]}</td>
                  <td>
                    {formatCalendarDate(cohort.startsOn)} – {formatCalendarDate(cohort.endsOn)}
                  </td>
                  <td>
                    {cohort._count.enrollments} van {cohort.capacity}
                  </td>
                  <td>{cohort._count.sessions}</td>
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
