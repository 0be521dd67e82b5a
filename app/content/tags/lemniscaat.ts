// {% lemniscaat fase="…" /%} — the figure "Ervaringskennis in beleid" with one phase highlighted.
import type { Schema } from "@markdoc/markdoc";

export const lemniscaatPhases = ["ontsluiten", "vertalen", "aanpassen", "evalueren"] as const;
export type LemniscaatPhase = (typeof lemniscaatPhases)[number];

export const lemniscaat: Schema = {
  render: "Lemniscaat",
  selfClosing: true,
  attributes: {
    fase: { type: String, matches: [...lemniscaatPhases], errorLevel: "error" },
  },
};
