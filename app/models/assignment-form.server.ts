// Reading the coordinator's assignment form (new and edit pages): the schema, then the checks that need
// the server (the Markdoc of the instructions, the lessons' opdracht ids).
import { instructionProblems, listOpdrachten } from "~/content/assignment-text.server.ts";
import { parseForm } from "~/utils/forms.ts";
import { assignmentSchema } from "./assignment-forms.ts";

/** Parses and checks the form; used by the new and the edit page. */
export function readAssignmentForm(formData: FormData) {
  const parsed = parseForm(assignmentSchema, formData);
  const values = { ...(parsed.ok ? Object.fromEntries([...formData.entries()].map(([k, v]) => [k, String(v)])) : parsed.values) };
  values.allowFiles = values.allowFiles ?? "";
  if (!parsed.ok) return { ok: false as const, errors: parsed.errors, values };
  const problems = instructionProblems(parsed.data.instructions);
  if (problems.length) return { ok: false as const, errors: { instructions: [`De uitleg bevat een fout. ${problems.join(" ")}`] }, values };
  if (parsed.data.opdrachtId && !listOpdrachten().some((opdracht) => opdracht.id === parsed.data.opdrachtId)) {
    return { ok: false as const, errors: { opdrachtId: ["Kies een opdracht uit de lijst."] }, values };
  }
  return { ok: true as const, data: parsed.data, values };
}

