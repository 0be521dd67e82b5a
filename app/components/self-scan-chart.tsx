// The results of a self-scan as a horizontal bar chart (SVG, rendered on the server) plus the same numbers as
// a table. Each bar carries its value and moment as text, so colour is never the only carrier of meaning;
// the SVG has role="img" with a title and a description, and the table is the full alternative.
import { momentLabels, type SelfScanMomentKey } from "~/content/self-scan-schema.ts";
import { formatDelta, formatMeasureValue, type Measure } from "~/models/self-scan-scoring.ts";
import { TableScroll } from "./table-scroll.tsx";

export type ChartSeries = {
  key: string;
  label: string;
  moment?: SelfScanMomentKey;
  values: Record<string, number | null | undefined>;
};

const WIDTH = 380;
const BAR_AREA = 200;
const BAR_HEIGHT = 16;
const BAR_GAP = 5;
const LABEL_HEIGHT = 20;
const ROW_GAP = 16;
const LEFT = 4;

/** The series' colour class: per moment, or by position for other series (e.g. members side by side). */
function seriesClass(series: ChartSeries, index: number): string {
  if (series.moment) return `chart-series-${series.moment.toLowerCase()}`;
  return `chart-series-${["intake", "midway", "end"][index % 3]}`;
}

export function ScoreChart({
  id,
  title,
  measures,
  series,
}: {
  id: string;
  title: string;
  measures: Measure[];
  series: ChartSeries[];
}) {
  const rowHeight = LABEL_HEIGHT + series.length * (BAR_HEIGHT + BAR_GAP) + ROW_GAP;
  const height = measures.length * rowHeight + 24;
  return (
    <figure className="score-chart">
      {/* The drawing is one string (chartMarkup), the same on the server and in the browser: a hundred-odd
          SVG elements rendered by React cost a noticeable part of a results page (issue 18). */}
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
        // biome-ignore lint/security/noDangerouslySetInnerHtml: built by chartMarkup, every text escaped
        dangerouslySetInnerHTML={{ __html: chartMarkup(id, title, measures, series, rowHeight, height) }}
      />
      <figcaption>
        <ul className="chart-legend" aria-label="Legenda">
          {series.map((s, index) => (
            <li key={s.key}>
              <span className={`chart-swatch ${seriesClass(s, index)}`} aria-hidden="true" />
              {` ${s.label}`}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };

/** Text for the SVG markup: the characters that could end text or an attribute written as entities. */
export function escapeMarkup(text: string): string {
  return /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (char) => escapes[char]!) : text;
}

/**
 * The inside of the chart's SVG: its title and description (named by aria-labelledby), per measure a label,
 * the scale's ends as faint guides (so bars of different rows compare at a glance) and per series a bar
 * with its value and moment as text, and the scale's note at the bottom.
 */
export function chartMarkup(
  id: string,
  title: string,
  measures: Measure[],
  series: ChartSeries[],
  rowHeight: number,
  height: number,
): string {
  const description = measures
    .map(
      (measure) =>
        `${measure.label}: ${series.map((s) => `${s.label} ${formatMeasureValue(measure, s.values[measure.key])}`).join(", ")}`,
    )
    .join(". ");
  let markup = `<title id="${escapeMarkup(id)}-title">${escapeMarkup(title)}</title><desc id="${escapeMarkup(id)}-desc">${escapeMarkup(description)}.</desc>`;
  measures.forEach((measure, rowIndex) => {
    const top = rowIndex * rowHeight;
    const axisTop = top + LABEL_HEIGHT - 2;
    const axisBottom = top + LABEL_HEIGHT + series.length * (BAR_HEIGHT + BAR_GAP);
    markup += `<g><text x="${LEFT}" y="${top + 14}" class="chart-label">${escapeMarkup(measure.label)}</text>`;
    markup += `<line x1="${LEFT}" x2="${LEFT}" y1="${axisTop}" y2="${axisBottom}" class="chart-axis"></line>`;
    markup += `<line x1="${LEFT + BAR_AREA}" x2="${LEFT + BAR_AREA}" y1="${axisTop}" y2="${axisBottom}" class="chart-guide"></line>`;
    series.forEach((s, index) => {
      const value = s.values[measure.key];
      const y = top + LABEL_HEIGHT + index * (BAR_HEIGHT + BAR_GAP);
      const width = typeof value === "number" ? Math.max((value / measure.max) * BAR_AREA, 2) : 0;
      markup += "<g>";
      if (width) {
        markup += `<rect x="${LEFT}" y="${y}" width="${width}" height="${BAR_HEIGHT}" class="chart-bar ${seriesClass(s, index)}"></rect>`;
      }
      markup += `<text x="${LEFT + width + 6}" y="${y + BAR_HEIGHT - 4}" class="chart-value">${escapeMarkup(`${formatMeasureValue(measure, value)} (${s.label.toLowerCase()})`)}</text></g>`;
    });
    markup += "</g>";
  });
  const note = measures[0]?.rungs
    ? `Trede 1 (${measures[0].rungs[0]}) tot ${measures[0].max} (${measures[0].rungs.at(-1)})`
    : `Schaal 1 tot ${measures[0]?.max ?? 5}`;
  return `${markup}<text x="${LEFT}" y="${height - 6}" class="chart-note">${escapeMarkup(note)}</text>`;
}

/** The same numbers as a table, with the change from the first to the last series when asked for. */
export function ScoreTable({
  caption,
  measures,
  series,
  change,
  firstColumn = "Onderdeel",
}: {
  caption: string;
  measures: Measure[];
  series: ChartSeries[];
  change?: { label: string; deltas: Record<string, number | null> } | null;
  firstColumn?: string;
}) {
  return (
    <TableScroll label={caption}>
      <table className="score-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{firstColumn}</th>
            {series.map((s) => (
              <th scope="col" key={s.key}>
                {s.label}
              </th>
            ))}
            {change ? (
              <th scope="col">
                <abbr title="verschil">Δ</abbr> {change.label}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {measures.map((measure) => (
            <tr key={measure.key}>
              <th scope="row">{measure.label}</th>
              {series.map((s) => (
                <td key={s.key}>{formatMeasureValue(measure, s.values[measure.key])}</td>
              ))}
              {change ? <td>{formatDelta(change.deltas[measure.key])}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function momentSeries(
  byMoment: Partial<Record<SelfScanMomentKey, { measures: Record<string, number | null> }>>,
): ChartSeries[] {
  return (Object.keys(momentLabels) as SelfScanMomentKey[])
    .filter((moment) => byMoment[moment])
    .map((moment) => ({ key: moment, label: momentLabels[moment], moment, values: byMoment[moment]!.measures }));
}
