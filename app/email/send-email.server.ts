// Every e-mail goes through sendEmail: it is recorded in the database first (the outbox), then handed
// to the deliver-email job (delivery.server.ts), which sends it through Resend when RESEND_API_KEY is set. The caller never
// waits for the provider and never sees its errors: a failing provider cannot break a user's action.
// Without a key the message stays in the outbox, viewable by coordinators on /beheer/e-mail.
import type { Prisma } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { enqueue } from "../../jobs/engine.ts";
import { deliverEmailJob } from "./delivery.server.ts";
import type { EmailContent } from "./templates.server.ts";

export type OutgoingEmail = EmailContent & {
  to: string;
  kind: string;
  /** The same key never produces a second message (and Resend receives it, so it never sends twice). */
  idempotencyKey: string;
};

type Client = Pick<Prisma.TransactionClient, "emailMessage">;

/** Records a message in the outbox (idempotent per key). Use inside a transaction, then enqueueDelivery. */
export async function recordEmail(
  email: OutgoingEmail & { notificationId?: string; headers?: Record<string, string> },
  client: Client = prisma,
) {
  const existing = await client.emailMessage.findUnique({
    where: { idempotencyKey: email.idempotencyKey },
    select: { id: true, status: true },
  });
  if (existing) return { ...existing, created: false };
  const message = await client.emailMessage.create({
    data: {
      idempotencyKey: email.idempotencyKey,
      kind: email.kind,
      to: email.to,
      subject: email.subject,
      html: email.html,
      text: email.text,
      notificationId: email.notificationId ?? null,
      headers: email.headers ?? {},
      status: getEnv().RESEND_API_KEY ? "PENDING" : "STORED",
    },
    select: { id: true, status: true },
  });
  return { ...message, created: true };
}

/** Hands a recorded PENDING message to the job engine. Never throws; the sweep is the safety net. */
export async function enqueueDelivery(message: { id: string; status: string }) {
  if (message.status === "PENDING") await enqueue(deliverEmailJob, { messageId: message.id });
}

export async function sendEmail(email: OutgoingEmail) {
  const { created, ...message } = await recordEmail(email);
  if (created) await enqueueDelivery(message);
  return message;
}
