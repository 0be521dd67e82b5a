// The anonymous results over the whole cohort, for its facilitators and coordinators: the session evaluations
// together (only sessions with at least three answers count, so no session below the threshold can be worked
// out by subtraction), the mean per question per session side by side, and the end evaluation.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { requireCohortStaff } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { EvaluationAggregateView } from "~/components/evaluation-results.tsx";
import { type ChartSeries, ScoreChart, ScoreTable } from "~/components/self-scan-chart.tsx";
import { cohortResults } from "~/models/evaluation.server.ts";
import { MIN_ANSWERS } from "~/models/evaluation-results.ts";
import { cohortPage, cohortTitle, useCohortHeader } from "~/utils/cohort-page.ts";
import { aantal } from "~/utils/plural.ts";

export const handle = cohortPage<typeof loader>({
  breadcrumb: (_data, cohortPath) => [
    { label: "Evaluatie", to: `${cohortPath}/evaluatie` },
    { label: "Uitkomsten van het leernetwerk" },
  ],
});

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? cohortTitle(matches, "Uitkomsten van het leernetwerk", "Evaluatie") : "Evaluatie — Leernetwerk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cohortId } = await requireCohortStaff(request, params.cohortId);
  const results = await cohortResults(cohortId);
  return {
    sessionForm: results.sessionForm ? { title: results.sessionForm.title, scale: results.sessionForm.scale } : null,
    endForm: results.endForm ? { title: results.endForm.title, scale: results.endForm.scale } : null,
    perSession: results.perSession,
    combined: results.combined,
    countedSessions: results.countedSessions,
    end: results.end,
  };
}

export default function CohortEvaluationResultsPage() {
  const { sessionForm, endForm, perSession, combined, countedSessions, end } = useLoaderData<typeof loader>();
  const { cohort } = useCohortHeader();
  const shown = perSession.flatMap((entry) =>
    entry.aggregate.shown ? [{ ...entry, aggregate: entry.aggregate }] : [],
  );
  const measures =
    sessionForm && combined?.shown
      ? combined.scales.map((scale) => ({ key: scale.id, label: scale.label, min: 1, max: sessionForm.scale.max }))
      : [];
  const series: ChartSeries[] = shown.map((entry) => ({
    key: entry.target.key,
    label: entry.target.short,
    values: Object.fromEntries(entry.aggregate.scales.map((scale) => [scale.id, scale.mean])),
  }));
  return (
    <>
      <h1>Uitkomsten van het leernetwerk</h1>
      <p className="lead">
        Alleen totalen, zonder namen. Een bijeenkomst telt pas mee als minstens {MIN_ANSWERS} deelnemers de evaluatie
        hebben ingevuld.
      </p>
      <p className="muted">
        {countedSessions} van de{" "}
        {aantal(perSession.length, "bijeenkomst die is geweest", "bijeenkomsten die zijn geweest")}{" "}
        {countedSessions === 1 ? "telt" : "tellen"} mee.
      </p>

      <section aria-labelledby="bijeenkomsten">
        <h2 id="bijeenkomsten">Alle bijeenkomsten samen</h2>
        {sessionForm && combined ? (
          <EvaluationAggregateView
            id="samen"
            title="Alle bijeenkomsten samen"
            aggregate={combined}
            scale={sessionForm.scale}
            headingLevel={3}
          />
        ) : (
          <p>Er is nog geen evaluatie van een bijeenkomst.</p>
        )}
      </section>

      {series.length > 1 && measures.length ? (
        <section aria-labelledby="per-bijeenkomst">
          <h2 id="per-bijeenkomst">Gemiddelde per bijeenkomst</h2>
          <ul className="muted">
            {shown.map((entry) => (
              <li key={entry.target.key}>
                <Link to={`/leernetwerken/${cohort.id}/evaluatie/${entry.target.key}/resultaten`}>
                  {entry.target.title}
                </Link>{" "}
                ({aantal(entry.aggregate.count, "antwoord", "antwoorden")})
              </li>
            ))}
          </ul>
          <ScoreChart
            id="per-bijeenkomst-grafiek"
            title="Gemiddelde per vraag, per bijeenkomst"
            measures={measures}
            series={series}
          />
          <ScoreTable
            caption="Gemiddelde per vraag, per bijeenkomst"
            firstColumn="Vraag"
            measures={measures}
            series={series}
          />
        </section>
      ) : null}

      <section aria-labelledby="eindevaluatie">
        <h2 id="eindevaluatie">Eindevaluatie</h2>
        {end && endForm ? (
          <EvaluationAggregateView
            id="einde"
            title={endForm.title}
            aggregate={end.aggregate}
            scale={endForm.scale}
            headingLevel={3}
          />
        ) : (
          <p>De eindevaluatie kan worden ingevuld na de laatste bijeenkomst.</p>
        )}
      </section>
      <p className="link-row">
        <a href={`/leernetwerken/${cohort.id}/evaluatie/resultaten.csv`} download>
          Download de uitkomsten voor onderzoek (CSV)
        </a>{" "}
        <Link to={`/leernetwerken/${cohort.id}/evaluatie`}>Terug naar de evaluatie</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
