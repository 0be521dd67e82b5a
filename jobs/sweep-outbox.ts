// The safety net: every minute, anything recorded but not delivered (after a Redis outage, a worker
// crash, a restart, or a retry that is due) is handed to deliver-email again. Delivery claims the
// message and uses its idempotency key, so re-enqueueing never sends an e-mail twice.
import { z } from "zod";
import { deliverEmailJob } from "../app/email/delivery.server.ts";
import { prisma } from "../app/utils/db.server.ts";
import { getEnv } from "../app/utils/env.server.ts";
import { defineJob } from "./definition.ts";
import { enqueue } from "./engine.ts";

export const SWEEP_BATCH = 500;

export async function sweepOutbox(now = new Date()) {
  const due = await prisma.emailMessage.findMany({
    where: {
      status: "PENDING",
      nextAttemptAt: { lte: now },
      OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }],
    },
    orderBy: { nextAttemptAt: "asc" },
    take: SWEEP_BATCH,
    select: { id: true },
  });
  for (const message of due) await enqueue(deliverEmailJob, { messageId: message.id });
  return { enqueued: due.length, ids: due.map((message) => message.id) };
}

export const sweepOutboxJob = defineJob({
  name: "sweep-outbox",
  payload: z.object({}).passthrough(),
  attempts: 1,
  backoffMs: 1000,
  // OUTBOX_SWEEP_MS (a minute; the Redis fault tests shorten it), read when the engine schedules it.
  get everyMs() {
    return getEnv().OUTBOX_SWEEP_MS;
  },
  process: () => sweepOutbox(),
});
