// A duo's results for one scan: the chart over the moments with the change, then per moment the answers
// (members who answered on their own side by side). Shown to the duo and to the cohort's facilitators.
import {
  judgementLabels,
  momentLabels,
  type Answer,
  type ResultsQuestion,
  type ResultsScan,
  type SelfScanMomentKey,
} from "~/content/self-scan-schema.ts";
import type { SelfScanMode } from "~/generated/prisma/enums.ts";
import type { Measure } from "~/models/self-scan-scoring.ts";
import { formatDate } from "~/utils/dates.ts";
import { momentSeries, ScoreChart, ScoreTable } from "./self-scan-chart.tsx";
import { TableScroll } from "./table-scroll.tsx";

type Scores = Partial<Record<SelfScanMomentKey, { measures: Record<string, number | null> }>>;

export type ResultsData = {
  measures: Measure[];
  scores: Scores;
  change: { label: string; deltas: Record<string, number | null> } | null;
  moments: {
    moment: SelfScanMomentKey;
    mode: SelfScanMode;
    respondents: { key: string; name: string; completedAt: string | Date; answers: Record<string, Answer> }[];
  }[];
};

export function AnswerView({
  question,
  answer,
  scaleMax,
}: {
  question: ResultsQuestion;
  answer: Answer | undefined;
  scaleMax?: number;
}) {
  if (!answer) return <span className="muted">Niet beantwoord</span>;
  let main: string | null = null;
  if (question.type === "scale") main = answer.value !== undefined ? `${answer.value} van ${scaleMax ?? 5}` : null;
  if (question.type === "judgement") main = answer.choice ? judgementLabels[answer.choice] : null;
  if (question.type === "ladder") {
    const rung = (value: number | undefined) =>
      value ? `${value} · ${question.rungs?.[value - 1]?.label ?? ""}` : "–";
    main = `Nu: ${rung(answer.now)}; gewenst: ${rung(answer.wanted)}`;
  }
  if (question.type === "text") main = answer.text ?? null;
  const note = answer.remark ?? answer.reasons;
  return (
    <>
      {main ? <strong>{main}</strong> : <span className="muted">Niet beantwoord</span>}
      {note ? <p className="answer-remark pre-line">{note}</p> : null}
    </>
  );
}

export function SelfScanResults({ scan, data, idPrefix }: { scan: ResultsScan; data: ResultsData; idPrefix: string }) {
  const series = momentSeries(data.scores);
  const chartable = data.measures.length > 0;
  return (
    <>
      <section aria-labelledby={`${idPrefix}-chart`}>
        <h2 id={`${idPrefix}-chart`}>Uitkomst per moment</h2>
        {series.length === 0 ? (
          <p>Er is nog geen afgeronde zelfscan. De uitkomst verschijnt hier zodra de zelfscan is afgerond.</p>
        ) : chartable ? (
          <>
            <p>
              {data.measures[0]?.rungs
                ? "De trede waarop inwoners nu staan en waar jullie ze willen hebben."
                : "Het gemiddelde per onderdeel, op een schaal van 1 tot 5."}{" "}
              {data.change
                ? `De laatste kolom van de tabel toont het verschil (${data.change.label}).`
                : "Na een volgend moment zie je hier ook het verschil."}
            </p>
            <ScoreChart
              id={`${idPrefix}-grafiek`}
              title={`${scan.title}: uitkomst per moment`}
              measures={data.measures}
              series={series}
            />
            <ScoreTable
              caption={`${scan.title}: uitkomst per moment`}
              measures={data.measures}
              series={series}
              change={data.change}
            />
          </>
        ) : null}
      </section>
      {data.moments.map((entry) => (
        <section key={entry.moment} aria-labelledby={`${idPrefix}-${entry.moment}`}>
          <h2 id={`${idPrefix}-${entry.moment}`}>Antwoorden: {momentLabels[entry.moment].toLowerCase()}</h2>
          <p className="muted">
            {entry.mode === "DUO" ? "Samen ingevuld" : "Ieder duolid apart ingevuld, naast elkaar"} · afgerond op{" "}
            {entry.respondents.map((respondent) => formatDate(respondent.completedAt)).join(" en ")}
          </p>
          <TableScroll label={`Antwoorden ${momentLabels[entry.moment].toLowerCase()}`}>
            <table className="answers-table">
              <caption className="visually-hidden">
                {scan.title}, {momentLabels[entry.moment].toLowerCase()}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Vraag</th>
                  {entry.respondents.map((respondent) => (
                    <th scope="col" key={respondent.key}>
                      {respondent.name}
                    </th>
                  ))}
                </tr>
              </thead>
              {scan.sections.map((section) => (
                <tbody key={section.id}>
                  <tr>
                    <th scope="colgroup" colSpan={entry.respondents.length + 1} className="answers-section">
                      {section.title}
                    </th>
                  </tr>
                  {section.questions.map((question) => (
                    <tr key={question.id}>
                      <th scope="row">{question.text}</th>
                      {entry.respondents.map((respondent) => (
                        <td key={respondent.key}>
                          <AnswerView
                            question={question}
                            answer={respondent.answers[question.id]}
                            scaleMax={section.scale?.max}
                          />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              ))}
            </table>
          </TableScroll>
        </section>
      ))}
    </>
  );
}
