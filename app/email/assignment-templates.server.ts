// E-mail about assignments (Dutch, HTML + text): feedback received, and the reminder before the due moment.
// Like the journal's, the feedback e-mail carries no text of the submission or the feedback.
import { notificationFooterLinks } from "~/notifications/links.server.ts";
import { formatDateTime } from "~/utils/dates.ts";
import { type EmailContent, layout } from "./templates.server.ts";

export function assignmentFeedbackEmail(input: {
  appUrl: string;
  user: { id: string; name: string };
  from: string;
  assignmentTitle: string;
  url: string;
}): EmailContent {
  const subject = `Feedback op je opdracht: ${input.assignmentTitle}`;
  return {
    subject,
    ...layout(
      subject,
      [`Hallo ${input.user.name},`, `${input.from} heeft feedback gegeven op de opdracht "${input.assignmentTitle}".`, "Log in om de feedback te lezen en te reageren."],
      { label: "Lees de feedback", url: input.url },
      "Je krijgt dit bericht omdat je deze opdracht hebt ingeleverd.",
      notificationFooterLinks(input.user.id, "assignment-feedback"),
    ),
  };
}

export function assignmentDueEmail(input: {
  appUrl: string;
  user: { id: string; name: string };
  assignmentTitle: string;
  dueAt: Date;
  hasDraft: boolean;
  url: string;
}): EmailContent {
  const subject = `Opdracht bijna verlopen: ${input.assignmentTitle}`;
  return {
    subject,
    ...layout(
      subject,
      [
        `Hallo ${input.user.name},`,
        `De opdracht "${input.assignmentTitle}" moet uiterlijk ${formatDateTime(input.dueAt)} zijn ingeleverd.`,
        input.hasDraft
          ? "Er staat al een concept klaar, maar het is nog niet ingeleverd."
          : "Er is nog niets ingeleverd. Later inleveren kan nog wel, maar dan staat er 'te laat' bij.",
      ],
      { label: "Naar de opdracht", url: input.url },
      "Je krijgt dit bericht omdat deze opdracht voor jou of je duo nog openstaat.",
      notificationFooterLinks(input.user.id, "assignment-due"),
    ),
  };
}
