// {% opdracht id="…" title="…" %} — an assignment for the duo, embedded in a lesson. Its id is how the
// assignments refer to it, so it must be stable and unique across all content.
import type { Schema } from "@markdoc/markdoc";
import { validateId } from "./shared.ts";

export const opdracht: Schema = {
  render: "Opdracht",
  attributes: {
    id: { type: String, required: true },
    title: { type: String, required: true },
  },
  validate(node) {
    return validateId("opdracht", node.attributes.id);
  },
};
