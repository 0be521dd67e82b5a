// Delivers one recorded e-mail (see app/email/delivery.server.ts for the guarantees).
import { z } from "zod";
import { deliverMessage, deliveryPolicy } from "../app/email/delivery.server.ts";
import { RetryLater, defineJob } from "./definition.ts";

export const deliverEmailJob = defineJob({
  name: "deliver-email",
  payload: z.object({ messageId: z.string().uuid() }),
  attempts: deliveryPolicy.maxAttempts,
  // Read when a job is queued, so the policy (and a test that shortens it) has the last word.
  get backoffMs() {
    return deliveryPolicy.backoffMs;
  },
  async process({ messageId }) {
    const outcome = await deliverMessage(messageId);
    if (outcome.result === "retry") throw new RetryLater(outcome.error);
    // Another worker holds the claim; if that worker died, the claim expires and a retry delivers it.
    if (outcome.result === "busy") throw new RetryLater("claimed by another worker");
    return outcome;
  },
});
