// Public: the cohorts a municipality can apply for now. Linked from the login page.
import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { listOpenCohorts } from "~/models/application.server.ts";
import { placesLeft } from "~/models/enrollment-rules.ts";
import { formatCalendarDate } from "~/utils/dates.ts";
import type { DescribedHandle } from "~/utils/page-description.ts";

export const meta: MetaFunction = () => [{ title: "Aanmelden voor een leernetwerk — Leernetwerk" }];

export const handle: DescribedHandle = {
  description:
    "Meld je gemeente aan voor een leernetwerk over ervaringskennis in beleid: de open leernetwerken en hun data.",
};

export async function loader() {
  return { cohorts: await listOpenCohorts() };
}

export default function OpenCohortsPage() {
  const { cohorts } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Aanmelden voor een leernetwerk</h1>
      <p>
        In een leernetwerk leert een duo van je gemeente, samen met ervaringsdeskundigen en andere gemeenten, hoe je
        ervaringskennis gebruikt in beleid. Je brengt een vraagstuk uit je eigen gemeente mee. Na je aanmelding volgt
        een intakegesprek.
      </p>
      {cohorts.length === 0 ? (
        <p>Er is op dit moment geen leernetwerk waarvoor je je kunt aanmelden.</p>
      ) : (
        <ul className="cards">
          {cohorts.map((cohort) => {
            const left = placesLeft({ capacity: cohort.capacity, activeEnrollments: cohort._count.enrollments });
            return (
              <li key={cohort.id} className="card">
                <h2>
                  <Link to={`/aanmelden/${cohort.slug}`}>{cohort.name}</Link>
                </h2>
                {cohort.theme ? <p>{cohort.theme}</p> : null}
                <p>
                  {formatCalendarDate(cohort.startsOn)} tot en met {formatCalendarDate(cohort.endsOn)}
                </p>
                <p>
                  <span className={left > 0 ? "badge badge-success" : "badge badge-error"}>
                    {left > 0 ? `Nog ${left} ${left === 1 ? "plaats" : "plaatsen"}` : "Vol"}
                  </span>
                </p>
              </li>
            );
          })}
        </ul>
      )}
      <p>
        <Link to="/inloggen">Heb je al een account? Log dan in.</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
