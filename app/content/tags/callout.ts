// {% callout type="tip|let-op|voorbeeld" title="…" %} — a highlighted box.
import type { Schema } from "@markdoc/markdoc";

export const calloutTypes = ["tip", "let-op", "voorbeeld"] as const;
export type CalloutType = (typeof calloutTypes)[number];

export const callout: Schema = {
  render: "Callout",
  attributes: {
    type: { type: String, required: true, matches: [...calloutTypes], errorLevel: "error" },
    title: { type: String },
  },
};
