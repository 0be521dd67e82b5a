// POST /impactspoor/bewaren — "Bewaren in het impactspoor" (issue 15): the author copies their own submission
// (with its files) or journal entry into their municipality's impact trail, where it stays after the cohort's
// retention term. The form sits on the assignment page and the journal entry page (app/components/
// keep-in-trail.tsx) and posts here, because the copy is written to the trail, not to the cohort: it works
// also once the cohort is archived (read-only) and until retention deletes the original.
// Participants only; whether the piece is theirs is decided in the model (someone else's: 404).
import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { isUuid, requireRole } from "~/auth/guards.server.ts";
import { keepFields, keepTarget } from "~/models/impact-trail-keep-forms.ts";
import { keepJournalEntry, keepSubmission } from "~/models/impact-trail-keep.server.ts";
import { fieldError, formIntents, parseForm } from "~/utils/forms.ts";
import { domainErrorReply, invalid, readForm } from "~/utils/forms.server.ts";
import { notFound } from "~/utils/http.server.ts";
import { redirectWithToast } from "~/utils/toast.server.ts";

const NOT_FOUND = "Dit stuk bestaat niet of is niet van jou.";

const piece = z.object({ id: z.string().trim().default(""), ...keepFields });
const schema = formIntents({ submission: piece, journal: piece });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "PARTICIPANT");
  const form = parseForm(schema, await readForm(request));
  if (!form.ok) return invalid(form.error);
  const { data: input, values } = form;
  if (!isUuid(input.id)) throw notFound(NOT_FOUND);
  if (input.topicId && !isUuid(input.topicId))
    return invalid(fieldError(values, "topicId", "Kies een onderwerp van het impactspoor van je gemeente."));
  try {
    const target = keepTarget(input);
    const kept =
      input.intent === "submission"
        ? await keepSubmission(user, input.id, target)
        : await keepJournalEntry(user, input.id, target);
    if (!kept) throw notFound(NOT_FOUND);
    return redirectWithToast(`/impactspoor/${kept.municipalityId}/onderwerpen/${kept.topicId}#bewaard`, {
      title: "Bewaard in het impactspoor",
      description: "Deze kopie blijft bij de gemeente, ook als het leernetwerk na de bewaartermijn wordt opgeruimd.",
    });
  } catch (error) {
    return domainErrorReply(error, values);
  }
}
