// {% praktijkvoorbeeld title="…" setting="…" source="<bron>" %} — a practice example, retold, with where
// it happened and which publication it comes from.
import type { Schema } from "@markdoc/markdoc";

export const praktijkvoorbeeld: Schema = {
  render: "Praktijkvoorbeeld",
  attributes: {
    title: { type: String, required: true },
    setting: { type: String, required: true },
    // Checked against content/bronnen.yaml by the library (it knows the sources).
    source: { type: String },
  },
};
