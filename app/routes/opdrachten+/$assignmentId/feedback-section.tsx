import { MessageThread } from "~/components/assignment-parts.tsx";
import { formatDateTime } from "~/utils/dates.ts";
import type { PageActionData } from "./submission-editor.tsx";
import type { PageData } from "./route.tsx";
import { isFormError, textValue } from "~/utils/forms.ts";

/** The facilitator's feedback and the thread with the duo; replying is possible once there is feedback. */
export function FeedbackSection({
  submission,
  actionData,
  busy,
}: {
  submission: NonNullable<PageData["submission"]>;
  actionData: PageActionData;
  busy: boolean;
}) {
  const refused = isFormError(actionData) && actionData.values.intent === "message" ? actionData : null;
  return (
    <section aria-labelledby="feedback">
      <h2 id="feedback">Feedback</h2>
      {submission.discussedAt ? <p className="muted">Besproken op {formatDateTime(submission.discussedAt)}.</p> : null}
      <MessageThread
        messages={submission.messages}
        formLabel="Jouw reactie op de feedback"
        buttonLabel="Reactie plaatsen"
        canWrite={Boolean(submission.feedbackAt)}
        error={refused ? refused.fieldErrors.body : undefined}
        value={refused ? textValue(refused.values, "body") : undefined}
        busy={busy}
      />
    </section>
  );
}
