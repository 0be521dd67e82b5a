// The anonymous aggregate of an evaluation: a bar chart of the means (SVG with a title and a text description,
// the values written on the bars), the same numbers with the distribution in a table, and the open answers
// without names, sorted alphabetically. Below the threshold only the message that there are too few answers.
import type { SerializeFrom } from "@remix-run/node";
import type { EvaluationAggregate } from "~/models/evaluation-results.ts";
import { formatMean, TOO_FEW_MESSAGE } from "~/models/evaluation-results.ts";
import { aantal } from "~/utils/plural.ts";
import { type ChartSeries, ScoreChart } from "./self-scan-chart.tsx";
import { TableScroll } from "./table-scroll.tsx";

type Scale = { max: number; minLabel: string; maxLabel: string };

export function TooFew({ count }: { count: number }) {
  return (
    <p className="alert alert-info" data-testid="te-weinig-antwoorden">
      {TOO_FEW_MESSAGE} Nu: {aantal(count, "antwoord", "antwoorden")}.
    </p>
  );
}

export function EvaluationAggregateView({
  id,
  title,
  aggregate,
  scale,
  headingLevel = 2,
}: {
  id: string;
  title: string;
  aggregate: SerializeFrom<EvaluationAggregate>;
  scale: Scale;
  headingLevel?: 2 | 3;
}) {
  if (!aggregate.shown) return <TooFew count={aggregate.count} />;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const SubHeading = headingLevel === 2 ? "h3" : "h4";
  const measures = aggregate.scales.map((item) => ({ key: item.id, label: item.label, min: 1, max: scale.max }));
  const series: ChartSeries[] = [
    {
      key: "gemiddelde",
      label: "Gemiddelde",
      values: Object.fromEntries(aggregate.scales.map((item) => [item.id, item.mean])),
    },
  ];
  return (
    <>
      <p>
        Gebaseerd op {aantal(aggregate.count, "antwoord", "antwoorden")}. Schaal 1 ({scale.minLabel}) tot en met{" "}
        {scale.max} ({scale.maxLabel}).
      </p>
      <Heading id={`${id}-gemiddelden`}>Gemiddelden</Heading>
      <ScoreChart id={`${id}-grafiek`} title={`${title}: gemiddelde per vraag`} measures={measures} series={series} />
      <TableScroll label={`${title}: antwoorden per vraag`}>
        <table className="score-table">
          <caption>{title}: antwoorden per vraag</caption>
          <thead>
            <tr>
              <th scope="col">Vraag</th>
              <th scope="col">Beantwoord</th>
              <th scope="col">Gemiddelde</th>
              {Array.from({ length: scale.max }, (_, index) => index + 1).map((value) => (
                <th scope="col" key={value}>
                  <span className="visually-hidden">Aantal keer </span>
                  {value}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {aggregate.scales.map((item) => (
              <tr key={item.id}>
                <th scope="row">{item.text}</th>
                <td>{item.count}</td>
                <td>{formatMean(item.mean)}</td>
                {item.distribution.map((value, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the position is the scale value
                  <td key={index}>{value}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {aggregate.open.length ? (
        <>
          <Heading id={`${id}-open`}>Open antwoorden</Heading>
          <p className="muted">Zonder namen, op alfabet gezet: de volgorde zegt niets over wie wat schreef.</p>
          {aggregate.open.map((question) => (
            <section key={question.id} aria-labelledby={`${id}-open-${question.id}`}>
              <SubHeading id={`${id}-open-${question.id}`}>{question.text}</SubHeading>
              {question.answers.length ? (
                <ul className="open-answers">
                  {question.answers.map((answer, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: two people may write the same answer
                    <li key={index} className="pre-line">
                      {answer}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">Niemand heeft deze vraag beantwoord.</p>
              )}
            </section>
          ))}
        </>
      ) : null}
    </>
  );
}
