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
import { type JsonData, readJsonData } from "~/utils/json-data.ts";
import { escapeMarkup, momentSeries, ScoreChart, ScoreTable } from "./self-scan-chart.tsx";
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

/** The answer in words ("4 van 5", the judgement, the rungs now and wanted, the text), or null. */
function answerText(question: ResultsQuestion, answer: Answer, scaleMax?: number): string | null {
  let main: string | null = null;
  if (question.type === "scale") main = answer.value !== undefined ? `${answer.value} van ${scaleMax ?? 5}` : null;
  if (question.type === "judgement") main = answer.choice ? judgementLabels[answer.choice] : null;
  if (question.type === "ladder") {
    const rung = (value: number | undefined) =>
      value ? `${value} · ${question.rungs?.[value - 1]?.label ?? ""}` : "–";
    main = `Nu: ${rung(answer.now)}; gewenst: ${rung(answer.wanted)}`;
  }
  if (question.type === "text") main = answer.text ?? null;
  return main;
}

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
  const main = answerText(question, answer, scaleMax);
  const note = answer.remark ?? answer.reasons;
  return (
    <>
      {main ? <strong>{main}</strong> : <span className="muted">Niet beantwoord</span>}
      {note ? <p className="answer-remark pre-line">{note}</p> : null}
    </>
  );
}

/** What AnswerView shows, as markup (every text escaped). */
export function answerMarkup(question: ResultsQuestion, answer: Answer | undefined, scaleMax?: number): string {
  if (!answer) return NOT_ANSWERED;
  const main = answerText(question, answer, scaleMax);
  const note = answer.remark ?? answer.reasons;
  return (
    (main ? `<strong>${escapeMarkup(main)}</strong>` : NOT_ANSWERED) +
    (note ? `<p class="answer-remark pre-line">${escapeMarkup(note)}</p>` : "")
  );
}

const NOT_ANSWERED = '<span class="muted">Niet beantwoord</span>';

/**
 * The inside of a moment's answers table: the caption, a column per respondent, and per section its title
 * and a row per question with each respondent's answer (AnswerView's texts).
 */
export function answersTableMarkup(scan: ResultsScan, entry: ResultsData["moments"][number]): string {
  const moment = momentLabels[entry.moment].toLowerCase();
  let markup = `<caption class="visually-hidden">${escapeMarkup(`${scan.title}, ${moment}`)}</caption><thead><tr><th scope="col">Vraag</th>`;
  for (const respondent of entry.respondents) markup += `<th scope="col">${escapeMarkup(respondent.name)}</th>`;
  markup += "</tr></thead>";
  for (const section of scan.sections) {
    markup += `<tbody><tr><th scope="colgroup" colSpan="${entry.respondents.length + 1}" class="answers-section">${escapeMarkup(section.title)}</th></tr>`;
    for (const question of section.questions) {
      markup += `<tr><th scope="row">${escapeMarkup(question.text)}</th>`;
      for (const respondent of entry.respondents) {
        markup += `<td>${answerMarkup(question, respondent.answers[question.id], section.scale?.max)}</td>`;
      }
      markup += "</tr>";
    }
    markup += "</tbody>";
  }
  return markup;
}

/**
 * A results page's scan and results as one JSON string (serializedResults in self-scan.server.ts): the page
 * data's encoder sends a string as it is, instead of walking the few hundred values of the questions and
 * answers (issue 18). Read back once per page data (readJsonData).
 */
export type ResultsPayload = { scan: ResultsScan; data: ResultsData };

export function SelfScanResults({ results, idPrefix }: { results: JsonData<ResultsPayload>; idPrefix: string }) {
  const { scan, data } = readJsonData(results);
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
            {/* The table's inside is one string (answersTableMarkup), the same on the server and in the browser:
                as React elements, a row per question and a cell per respondent cost a noticeable part of the
                page (issue 18). */}
            <table
              className="answers-table"
              // biome-ignore lint/security/noDangerouslySetInnerHtml: built by answersTableMarkup, every text escaped
              dangerouslySetInnerHTML={{ __html: answersTableMarkup(scan, entry) }}
            />
          </TableScroll>
        </section>
      ))}
    </>
  );
}
