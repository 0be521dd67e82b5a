// The e-mail of the notification kinds added with the inbox (issue 19; the impact trail's of issue 16): one
// shape — a greeting, a few lines, a button to the thing itself — in the e-mail layout, with the kind's
// unsubscribe link. Only announcements carry their text (they are written to be sent); the others name
// who did what and where, never what someone wrote.
import { type EmailContent, layout } from "~/email/templates.server.ts";
import type { NotificationKindName } from "./kinds.ts";
import { notificationFooterLinks } from "./links.server.ts";

export function noticeEmail(input: {
  kind: NotificationKindName;
  user: { id: string; name: string };
  subject: string;
  lines: string[];
  action: { label: string; url: string };
  /** Why the person gets this ("Je krijgt dit bericht omdat …"). */
  reason: string;
}): EmailContent {
  return {
    subject: input.subject,
    ...layout(
      input.subject,
      [`Hallo ${input.user.name},`, ...input.lines],
      input.action,
      input.reason,
      notificationFooterLinks(input.user.id, input.kind),
    ),
  };
}
