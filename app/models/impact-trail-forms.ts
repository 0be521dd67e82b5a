// The forms of the impact trail (pure, shared by the routes): a topic, a step (the phase fields themselves
// are read with stepContentFromForm), a comment, access.
import { z } from "zod";
import { optionalText, requiredText } from "~/utils/forms.ts";
import {
  isDateString,
  type StepInput,
  stepContentFromForm,
  TRAIL_PHASES,
  type TrailPhaseId,
} from "./impact-trail-phases.ts";

export const topicFields = {
  title: requiredText(
    3,
    200,
    "Geef het onderwerp een naam van minstens 3 tekens.",
    "Een naam mag maximaal 200 tekens hebben.",
  ),
  description: optionalText(5000, "De toelichting mag maximaal 5.000 tekens hebben."),
};

export const versionField = z.coerce.number().int().nonnegative().catch(0);

const webAddress = optionalText(2000, "Een webadres mag maximaal 2.000 tekens hebben.").refine(
  (value) => value === "" || (/^https?:\/\//i.test(value) && URL.canParse(value)),
  "Vul een volledig webadres in dat begint met https://",
);

/** The step's own fields; the phase's fields (veld-…) pass through and are checked apart. */
export const stepFields = z
  .object({
    round: z.coerce
      .number({ invalid_type_error: "Kies een ronde." })
      .int("Kies een ronde.")
      .min(1, "Kies een ronde.")
      .max(99, "Kies een ronde."),
    title: requiredText(1, 200, "Geef de stap een korte titel.", "Een titel mag maximaal 200 tekens hebben."),
    happenedOn: z
      .string({ required_error: "Vul een datum in." })
      .trim()
      .refine(isDateString, "Vul een datum in, bijvoorbeeld 14-03-2027."),
    linkTarget: optionalText(200, "Kies een onderdeel uit de lijst."),
    linkUrl: webAddress,
    linkLabel: optionalText(200, "De naam van de koppeling mag maximaal 200 tekens hebben."),
  })
  .passthrough();

export const phaseField = z.enum(TRAIL_PHASES, { errorMap: () => ({ message: "Kies een fase." }) });

export const commentFields = {
  // "" for a comment on the topic itself.
  stepId: optionalText(100, "Deze stap bestaat niet (meer).").refine(
    (value) => value === "" || z.string().uuid().safeParse(value).success,
    "Deze stap bestaat niet (meer).",
  ),
  body: requiredText(1, 5000, "Schrijf eerst je reactie.", "Een reactie mag maximaal 5.000 tekens hebben."),
};

/** The step input from a parsed step form and its values, or the phase fields' errors. */
export function stepInput(
  phase: TrailPhaseId,
  parsed: z.infer<typeof stepFields>,
  values: Record<string, string | string[]>,
): { ok: true; input: StepInput } | { ok: false; fieldErrors: Record<string, string[]> } {
  const content = stepContentFromForm(phase, values);
  if (!content.ok) return content;
  return {
    ok: true,
    input: {
      round: parsed.round,
      phase,
      title: parsed.title,
      happenedOn: parsed.happenedOn,
      content: content.content,
      linkTarget: parsed.linkTarget,
      linkUrl: parsed.linkUrl,
      linkLabel: parsed.linkLabel,
    },
  };
}
