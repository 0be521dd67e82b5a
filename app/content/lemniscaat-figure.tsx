// The lemniscaat "Ervaringskennis in beleid" as an inline SVG: a figure of eight with the leefwereld
// (samenleving) on the left and the systeemwereld (beleid en dienstverlening) on the right, and the four
// phases along the curve. The current phase is drawn thick and dark and named in the text alternative.
import { useId } from "react";
import type { LemniscaatPhase } from "./tags/lemniscaat.ts";

export const phaseInfo: Record<LemniscaatPhase, { number: number; label: string; module: string }> = {
  ontsluiten: { number: 1, label: "Ervaringskennis ontsluiten", module: "ontsluiten" },
  vertalen: { number: 2, label: "Ervaringskennis vertalen", module: "vertalen" },
  aanpassen: { number: 3, label: "Beleid en uitvoering aanpassen", module: "beleid-en-uitvoering-aanpassen" },
  evalueren: { number: 4, label: "Evalueren en terugkoppelen", module: "evalueren-en-terugkoppelen" },
};

const phases = Object.keys(phaseInfo) as LemniscaatPhase[];

// Lemniscate of Bernoulli, x = a·cos t / (1 + sin² t), y = a·sin t·cos t / (1 + sin² t), centred in the
// view box. The flow starts in the leefwereld (far left) and runs: 1 along the lower left to the crossing,
// 2 over the top right, 3 along the lower right back to the crossing, 4 over the top left home again.
const A = 250;
const CX = 320;
const CY = 180;
const SCALE_Y = 1.5;

function point(t: number): [number, number] {
  const d = 1 + Math.sin(t) ** 2;
  return [CX + (A * Math.cos(t)) / d, CY - (SCALE_Y * A * Math.sin(t) * Math.cos(t)) / d];
}

function arc(from: number, to: number): string {
  const steps = 40;
  const points: string[] = [];
  for (let i = 0; i <= steps; i++) {
    const [x, y] = point(from + ((to - from) * i) / steps);
    points.push(`${x.toFixed(1)},${y.toFixed(1)}`);
  }
  return `M${points.join(" L")}`;
}

// t runs from π (far left) down through 3π/2 (crossing) … each phase is a quarter turn.
const segments: Record<LemniscaatPhase, { path: string; label: [number, number]; anchor: "start" | "middle" | "end" }> =
  {
    ontsluiten: { path: arc(Math.PI, Math.PI / 2), label: [170, 345], anchor: "middle" },
    vertalen: { path: arc(Math.PI / 2, 0), label: [470, 28], anchor: "middle" },
    aanpassen: { path: arc(0, -Math.PI / 2), label: [470, 345], anchor: "middle" },
    evalueren: { path: arc(-Math.PI / 2, -Math.PI), label: [170, 28], anchor: "middle" },
  };

export function LemniscaatFigure({ fase }: { fase?: LemniscaatPhase }) {
  const id = useId();
  const titleId = `${id}-titel`;
  const descId = `${id}-beschrijving`;
  const current = fase ? phaseInfo[fase] : null;
  return (
    <figure className="lemniscaat">
      <svg viewBox="0 0 640 360" role="img" aria-labelledby={titleId} aria-describedby={descId} focusable="false">
        <title id={titleId}>
          {current
            ? `De lemniscaat Ervaringskennis in beleid, fase ${current.number} uitgelicht: ${current.label}`
            : "De lemniscaat Ervaringskennis in beleid"}
        </title>
        <desc id={descId}>
          Een liggende acht. Links de leefwereld (samenleving), rechts de systeemwereld (beleid en dienstverlening). De
          vier fasen volgen elkaar op: 1 ervaringskennis ontsluiten in de leefwereld, 2 vertalen naar de systeemwereld,
          3 beleid en uitvoering aanpassen in de systeemwereld, 4 evalueren en terugkoppelen naar de leefwereld. Daarna
          begint de cyclus opnieuw.
        </desc>
        <text x="170" y="178" textAnchor="middle" className="lemniscaat-world">
          Leefwereld
        </text>
        <text x="170" y="198" textAnchor="middle" className="lemniscaat-world-sub">
          samenleving
        </text>
        <text x="470" y="178" textAnchor="middle" className="lemniscaat-world">
          Systeemwereld
        </text>
        <text x="470" y="198" textAnchor="middle" className="lemniscaat-world-sub">
          beleid en dienstverlening
        </text>
        {phases.map((phase) => {
          const segment = segments[phase];
          const active = phase === fase;
          return (
            <g key={phase} className={active ? "lemniscaat-phase is-current" : "lemniscaat-phase"}>
              <path d={segment.path} />
              <text x={segment.label[0]} y={segment.label[1]} textAnchor={segment.anchor}>
                {phaseInfo[phase].number}. {phaseInfo[phase].label}
              </text>
            </g>
          );
        })}
      </svg>
      {/* On a narrow screen the labels in the figure are too small to read: the phases as plain text. */}
      <ol className="lemniscaat-phases-narrow">
        {phases.map((phase) => (
          <li key={phase} className={phase === fase ? "is-current" : undefined}>
            {phaseInfo[phase].label}
            {phase === fase ? " (deze fase)" : null}
          </li>
        ))}
      </ol>
      <figcaption>
        {current ? (
          <>
            <strong>
              Fase {current.number}: {current.label}
            </strong>{" "}
            — deze fase is in de figuur dik en donker getekend.
          </>
        ) : (
          "De lemniscaat: een doorlopende cyclus van vier fasen tussen leefwereld en systeemwereld."
        )}
      </figcaption>
    </figure>
  );
}
