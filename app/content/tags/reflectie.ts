// {% reflectie id="…" %} — a reflection prompt. Its id is how the journal refers to it, so it must be
// stable and unique across all content.
import type { Schema } from "@markdoc/markdoc";
import { validateId } from "./shared.ts";

export const reflectie: Schema = {
  render: "Reflectie",
  attributes: { id: { type: String, required: true } },
  validate(node) {
    return validateId("reflectie", node.attributes.id);
  },
};
