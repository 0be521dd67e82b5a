// The "Bewaren in het impactspoor" form (pure, shared by the assignment page and the journal entry page):
// an existing topic of the municipality, or none chosen and a title for a new topic.
import { z } from "zod";
import { optionalText } from "~/utils/forms.ts";

export const keepFields = {
  topicId: z.string().trim().default(""),
  newTopicTitle: optionalText(200, "Een naam mag maximaal 200 tekens hebben."),
};

export const keepSchema = z.object(keepFields);

/** Where to keep it: the chosen topic, or a new one with the typed title. */
export function keepTarget(input: z.infer<typeof keepSchema>) {
  return input.topicId ? { topicId: input.topicId } : { newTopicTitle: input.newTopicTitle };
}
