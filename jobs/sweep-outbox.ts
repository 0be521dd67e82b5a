// The safety net: every minute, anything recorded but not delivered (after a Redis outage, a worker
// crash, a restart, or a retry that is due) is handed to deliver-email again. Delivery claims the
// message and uses its idempotency key, so re-enqueueing never sends an e-mail twice.
import { z } from "zod";
import { prisma } from "../app/utils/db.server.ts";
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
  for (const message of due) await enqueue("deliver-email", { messageId: message.id });
  return { enqueued: due.length, ids: due.map((message) => message.id) };
}

export const sweepOutboxJob = defineJob({
  name: "sweep-outbox",
  payload: z.object({}).passthrough(),
  attempts: 1,
  backoffMs: 1000,
  // Shortened through OUTBOX_SWEEP_MS in the Redis fault tests.
  everyMs: Number(process.env.OUTBOX_SWEEP_MS) > 0 ? Number(process.env.OUTBOX_SWEEP_MS) : 60_000,
  process: () => sweepOutbox(),
});
