// The anonymised aggregate of one scan for a cohort: averages over the duos that completed it, per moment,
// without names. When fewer than three duos completed the scan at a moment, nothing of that moment is shown
// (no averages, no per-question breakdown, no judgements) — only that there are too few. For the cohort's
// facilitators and coordinators (participants: 403, others: 404).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link.tsx";
import { requireCohortStaff } from "~/auth/guards.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { type ChartSeries, ScoreChart, ScoreTable } from "~/components/self-scan-chart.tsx";
import { findSelfScan } from "~/content/library.server.ts";
import { judgementChoices, judgementShortLabels, momentLabels, selfScanMoments } from "~/content/self-scan-schema.ts";
import { cohortAggregate, countDuos } from "~/models/self-scan.server.ts";
import { MIN_DUOS_FOR_AGGREGATE, questionMeasures, scanMeasures } from "~/models/self-scan-scoring.ts";
import { cohortPage, useCohortHeader } from "~/utils/cohort-page.ts";
import { invariantResponse } from "~/utils/http.server.ts";
import { TableScroll } from "~/components/table-scroll.tsx";

export const handle = cohortPage<typeof loader>({
  breadcrumb: ({ scan }, cohortPath) => [{ label: "Zelfscans", to: `${cohortPath}/zelfscans` }, { label: scan.title }],
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.scan.title}: het leernetwerk samen — Leernetwerk` : "Leernetwerk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cohortId } = await requireCohortStaff(request, params.cohortId);
  const scan = findSelfScan(params.scanId);
  invariantResponse(scan, "Deze zelfscan bestaat niet.");
  const [aggregate, duoCount] = await Promise.all([cohortAggregate(cohortId, scan), countDuos(cohortId)]);
  const hasJudgement = scan.sections.some((section) =>
    section.questions.some((question) => question.type === "judgement"),
  );
  return {
    scan: { id: scan.id, title: scan.title, summary: scan.summary, sourceTitle: scan.sourceTitle },
    duoCount,
    hasJudgement,
    measures: scanMeasures(scan),
    questions: questionMeasures(scan),
    moments: selfScanMoments.map((moment) => ({ moment, ...aggregate[moment] })),
  };
}

export default function CohortAggregatePage() {
  const { cohort } = useCohortHeader();
  const base = `/leernetwerken/${cohort.id}/zelfscans`;
  const { scan, duoCount, hasJudgement, measures, questions, moments } = useLoaderData<typeof loader>();
  const shown = moments.flatMap((entry) => (entry.shown ? [entry] : []));
  const series: ChartSeries[] = shown.map((entry) => ({
    key: entry.moment,
    label: momentLabels[entry.moment],
    moment: entry.moment,
    values: entry.measures,
  }));
  const first = shown[0];
  const last = shown.at(-1);
  const change =
    first && last && first !== last
      ? {
          label: `${momentLabels[first.moment].toLowerCase()} → ${momentLabels[last.moment].toLowerCase()}`,
          deltas: Object.fromEntries(
            measures.map((measure) => {
              const start = first.measures[measure.key];
              const end = last.measures[measure.key];
              return [measure.key, typeof start === "number" && typeof end === "number" ? end - start : null];
            }),
          ),
        }
      : null;
  return (
    <>
      <h1>{scan.title}: het leernetwerk samen</h1>
      <p className="lead">
        Gemiddelden van de duo&apos;s die deze zelfscan hebben afgerond, zonder namen. Een moment verschijnt pas als
        minstens {MIN_DUOS_FOR_AGGREGATE} duo&apos;s het hebben afgerond.
      </p>
      <p className="muted">Gebaseerd op: {scan.sourceTitle}.</p>

      <section aria-labelledby="per-moment">
        <h2 id="per-moment">Afgerond per moment</h2>
        <ul className="aggregate-counts">
          {moments.map((entry) => (
            <li key={entry.moment}>
              <strong>{momentLabels[entry.moment]}:</strong>{" "}
              {entry.shown ? (
                `${entry.duoCount} van de ${duoCount} duo's`
              ) : (
                <span data-testid={`te-weinig-${entry.moment.toLowerCase()}`}>
                  te weinig duo&apos;s om gemiddelden te tonen ({entry.duoCount} van de {MIN_DUOS_FOR_AGGREGATE} die
                  nodig zijn)
                </span>
              )}
            </li>
          ))}
        </ul>
      </section>

      {series.length && measures.length ? (
        <section aria-labelledby="gemiddelden">
          <h2 id="gemiddelden">Gemiddelden</h2>
          <ScoreChart
            id="cohort-grafiek"
            title={`${scan.title}: gemiddelde van het leernetwerk per moment`}
            measures={measures}
            series={series}
          />
          <ScoreTable
            caption={`${scan.title}: gemiddelde van het leernetwerk per moment`}
            measures={measures}
            series={series}
            change={change}
          />
          {questions.length ? (
            <details className="question-breakdown">
              <summary>Gemiddelde per vraag</summary>
              <ScoreTable
                caption="Gemiddelde per vraag"
                firstColumn="Vraag"
                measures={questions}
                series={series}
                change={null}
              />
            </details>
          ) : null}
        </section>
      ) : null}

      {hasJudgement && shown.length ? (
        <section aria-labelledby="oordelen">
          <h2 id="oordelen">Oordeel van de duo&apos;s</h2>
          <TableScroll label="Oordeel van de duo's per moment">
            <table className="score-table">
              <caption>Aantal duo&apos;s per oordeel</caption>
              <thead>
                <tr>
                  <th scope="col">Oordeel</th>
                  {shown.map((entry) => (
                    <th scope="col" key={entry.moment}>
                      {momentLabels[entry.moment]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[...judgementChoices, "verdeeld" as const].map((choice) => (
                  <tr key={choice}>
                    <th scope="row">
                      {choice === "verdeeld" ? "Duoleden oordelen verschillend" : judgementShortLabels[choice]}
                    </th>
                    {shown.map((entry) => (
                      <td key={entry.moment}>{entry.judgements[choice]}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      ) : null}
      <p>
        <Link to={base}>Terug naar de zelfscans</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
