// The programme's evaluation of a cohort. Participants: the evaluations that are open (after each session that
// took place, and at the end), with "Evaluatie invullen" or "Ingevuld". Facilitators and coordinators: how many
// answered each evaluation, links to the anonymous results (shown from three answers) and the CSV for researchers.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { requireCohortMember } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { TableScroll } from "~/components/table-scroll.tsx";
import { evaluationOverview, participantEvaluations } from "~/models/evaluation.server.ts";
import { MIN_ANSWERS } from "~/models/evaluation-results.ts";
import { cohortPage, cohortTitle, useCohortHeader } from "~/utils/cohort-page.ts";
import { formatDate } from "~/utils/dates.ts";
import { aantal } from "~/utils/plural.ts";

export const handle = cohortPage<typeof loader>({ breadcrumb: () => [{ label: "Evaluatie" }] });

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? cohortTitle(matches, "Evaluatie") : "Evaluatie — Leernetwerk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, relation, cohortId } = await requireCohortMember(request, params.cohortId);
  if (relation === "participant") {
    return { view: "participant" as const, evaluations: await participantEvaluations(user, cohortId) };
  }
  return { view: "staff" as const, overview: await evaluationOverview(cohortId) };
}

export default function EvaluationIndexPage() {
  const data = useLoaderData<typeof loader>();
  const { cohort } = useCohortHeader();
  const base = `/leernetwerken/${cohort.id}/evaluatie`;
  if (data.view === "participant") {
    return (
      <>
        <h1>Evaluatie</h1>
        <p className="lead">
          Na elke bijeenkomst en aan het eind van het leernetwerk vragen we je kort wat je ervan vond. Je antwoorden
          zijn anoniem: de begeleiders en de coördinator zien alleen de uitkomst van de hele groep, en pas als minstens{" "}
          {MIN_ANSWERS} deelnemers hebben geantwoord.
        </p>
        {data.evaluations.length ? (
          <ul className="stack" aria-label="Evaluaties">
            {data.evaluations.map((evaluation) => (
              <li key={evaluation.key} className="card">
                <h2>{evaluation.title}</h2>
                {evaluation.date ? <p className="muted">{formatDate(evaluation.date)}</p> : null}
                {evaluation.answered ? (
                  <p>
                    <span className="badge">Ingevuld</span> Dank je wel!
                  </p>
                ) : cohort.archivedAt ? (
                  <p className="muted">Niet ingevuld. Dit leernetwerk is afgesloten.</p>
                ) : (
                  <p>
                    <Link to={`${base}/${evaluation.key}`} className="button">
                      Evaluatie invullen<span className="visually-hidden"> ({evaluation.title})</span>
                    </Link>
                  </p>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p>Er is nog niets te evalueren. Na de eerste bijeenkomst kun je hier de evaluatie invullen.</p>
        )}
      </>
    );
  }
  const { overview } = data;
  const open = overview.targets.filter((target) => target.open);
  return (
    <>
      <h1>Evaluatie</h1>
      <p className="lead">
        Deelnemers vullen na elke bijeenkomst en aan het eind een korte evaluatie in. De antwoorden zijn anoniem: je
        ziet alleen totalen, en pas als minstens {MIN_ANSWERS} deelnemers een evaluatie hebben ingevuld.
      </p>
      <p className="link-row">
        <Link to={`${base}/resultaten`}>Uitkomsten van het hele leernetwerk</Link>{" "}
        <a href={`${base}/resultaten.csv`} download>
          Download de uitkomsten voor onderzoek (CSV)
        </a>
      </p>
      <TableScroll label="Ingevulde evaluaties">
        <table>
          <caption>Ingevulde evaluaties ({aantal(overview.participants, "deelnemer", "deelnemers")})</caption>
          <thead>
            <tr>
              <th scope="col">Evaluatie</th>
              <th scope="col">Datum</th>
              <th scope="col">Ingevuld</th>
              <th scope="col">Uitkomsten</th>
            </tr>
          </thead>
          <tbody>
            {overview.targets.map((target) => (
              <tr key={target.key}>
                <th scope="row">{target.title}</th>
                <td>{target.date ? formatDate(target.date) : "–"}</td>
                <td>{target.open ? `${target.count} van ${overview.participants}` : "Nog niet open"}</td>
                <td>
                  {target.shown ? (
                    <Link to={`${base}/${target.key}/resultaten`}>
                      Bekijk<span className="visually-hidden"> de uitkomsten van {target.title}</span>
                    </Link>
                  ) : target.open ? (
                    `Nog te weinig antwoorden (minimaal ${MIN_ANSWERS})`
                  ) : (
                    "–"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {open.length === 0 ? <p className="muted">Er heeft nog geen bijeenkomst plaatsgevonden.</p> : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
