// Delivers one recorded e-mail (see app/email/delivery.server.ts for the guarantees).
import { z } from "zod";
import { deliverMessage, deliveryPolicy } from "../app/email/delivery.server.ts";
import { RetryLater, defineJob } from "./definition.ts";

export const deliverEmailJob = defineJob({
  name: "deliver-email",
  payload: z.object({ messageId: z.string().uuid() }),
  attempts: deliveryPolicy.maxAttempts,
  backoffMs: deliveryPolicy.backoffMs,
  async process({ messageId }) {
    const outcome = await deliverMessage(messageId);
    if (outcome.result === "retry") throw new RetryLater(outcome.error);
    return outcome;
  },
});
