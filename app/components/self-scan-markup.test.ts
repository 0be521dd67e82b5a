// The results page builds its answers tables and its chart as strings (issue 18): the same texts as the React
// components, every text escaped.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Answer, ResultsQuestion, ResultsScan } from "~/content/self-scan-schema.ts";
import { chartMarkup, escapeMarkup } from "./self-scan-chart.tsx";
import { AnswerView, answerMarkup, answersTableMarkup } from "./self-scan-results.tsx";

const hostile = `<script>alert("x")</script> & 'tekst'`;

const questions: ResultsQuestion[] = [
  { id: "schaal", text: "Schaalvraag", type: "scale" },
  { id: "oordeel", text: "Oordeel", type: "judgement" },
  { id: "ladder", text: "Ladder", type: "ladder", rungs: [{ label: "Informeren" }, { label: `Mee${hostile}` }] },
  { id: "tekst", text: "Tekstvraag", type: "text" },
];

const answers: (Answer | undefined)[] = [
  undefined,
  {},
  { value: 4 },
  { value: 2, remark: hostile },
  { remark: "Alleen een toelichting" },
  { choice: "go", reasons: hostile },
  { choice: "nog-niet" },
  { now: 1, wanted: 2, remark: "Regel 1\nRegel 2" },
  { now: 2 },
  { text: hostile },
  { text: "" },
];

describe("the answers of a self-scan as markup", () => {
  it("gives what AnswerView renders, for every kind of question and answer", () => {
    for (const question of questions) {
      for (const answer of answers) {
        for (const scaleMax of [undefined, 7]) {
          expect(answerMarkup(question, answer, scaleMax)).toBe(
            renderToStaticMarkup(createElement(AnswerView, { question, answer, scaleMax })),
          );
        }
      }
    }
  });

  it("escapes every text of the table", () => {
    const scan: ResultsScan = {
      id: "scan",
      title: `Titel ${hostile}`,
      sourceTitle: "Bron",
      sections: [{ id: "s", title: `Onderdeel ${hostile}`, scale: { max: 5 }, questions }],
    };
    const markup = answersTableMarkup(scan, {
      moment: "INTAKE",
      mode: "INDIVIDUAL",
      respondents: [
        { key: "a", name: `Lisa ${hostile}`, completedAt: new Date(0), answers: { tekst: { text: hostile } } },
        { key: "b", name: "Erik", completedAt: new Date(0), answers: {} },
      ],
    });
    expect(markup).not.toContain("<script>");
    // The caption, a respondent, the section and an answer.
    expect(markup.split(escapeMarkup(hostile)).length - 1).toBe(4);
    expect(markup).toContain('<th scope="colgroup" colSpan="3" class="answers-section">');
    expect(markup.match(/<tr>/g)).toHaveLength(2 + questions.length);
  });

  it("escapes the texts of the chart", () => {
    const markup = chartMarkup(
      "grafiek",
      `Titel ${hostile}`,
      [{ key: "m", label: `Maat ${hostile}`, min: 1, max: 5 }],
      [{ key: "INTAKE", label: "Intake", moment: "INTAKE", values: { m: 3.25 } }],
      80,
      104,
    );
    expect(markup).not.toContain("<script>");
    expect(markup).toContain(`<title id="grafiek-title">Titel ${escapeMarkup(hostile)}</title>`);
    expect(markup).toContain('<text x="140" y="32" class="chart-value">3,3 (intake)</text>');
  });
});
