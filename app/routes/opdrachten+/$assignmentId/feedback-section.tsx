import { Form } from "@remix-run/react";
import { MessageThread } from "~/components/assignment-parts.tsx";
import { FormAlert } from "~/components/forms.tsx";
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
        canWrite={Boolean(
          submission.feedbackAt || (submission.earlyFeedbackRequestedAt && submission.messages.length > 0),
        )}
        error={refused ? refused.fieldErrors.body : undefined}
        value={refused ? textValue(refused.values, "body") : undefined}
        busy={busy}
      />
    </section>
  );
}

/**
 * Early feedback on the draft (issue 19): the draft is the duo's own until it asks. Asking lets the
 * facilitators read it and answer; taking the request back makes it private again.
 */
export function EarlyFeedbackSection({
  submission,
  isDuo,
  actionData,
  busy,
}: {
  submission: NonNullable<PageData["submission"]>;
  isDuo: boolean;
  actionData: PageActionData;
  busy: boolean;
}) {
  const requestedAt = submission.earlyFeedbackRequestedAt;
  const answeredAt = submission.earlyFeedbackAnsweredAt;
  const waiting = Boolean(requestedAt && !answeredAt);
  const refused =
    isFormError(actionData) && actionData.values.intent === "early-feedback" ? actionData.formError : null;
  return (
    <section aria-labelledby="vroege-feedback">
      <h2 id="vroege-feedback">Vroege feedback</h2>
      {!requestedAt ? (
        <p>
          Je concept is alleen voor {isDuo ? "jullie duo" : "jou"}. Wil je al feedback voordat je inlevert? Vraag dan om
          vroege feedback: de begeleiders kunnen je concept dan lezen en erop reageren.
        </p>
      ) : waiting ? (
        <p>
          Je hebt op {formatDateTime(requestedAt)} om vroege feedback gevraagd. De begeleiders kunnen je concept lezen.
        </p>
      ) : (
        <p>De begeleiders hebben gereageerd op je concept (zie Feedback). Je kunt opnieuw om feedback vragen.</p>
      )}
      <FormAlert message={refused} />
      <div className="button-row">
        {!waiting ? (
          <Form method="post">
            <input type="hidden" name="intent" value="early-feedback" />
            <button type="submit" className="button-secondary" disabled={busy}>
              {requestedAt ? "Opnieuw om feedback vragen" : "Vraag vroege feedback"}
            </button>
          </Form>
        ) : null}
        {requestedAt ? (
          <Form method="post">
            <input type="hidden" name="intent" value="withdraw-early-feedback" />
            <button type="submit" className="button-secondary" disabled={busy}>
              Concept weer alleen voor {isDuo ? "ons" : "mij"}
            </button>
          </Form>
        ) : null}
      </div>
    </section>
  );
}
