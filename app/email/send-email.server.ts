// Every e-mail goes through sendEmail: it is recorded in the database first (the outbox), then delivered
// through Resend when RESEND_API_KEY is set. Without a key the message stays in the outbox, viewable by
// coordinators on /beheer/e-mail, instead of being dropped.
import { Resend } from "resend";
import { prisma } from "~/utils/db.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import type { EmailContent } from "./templates.server.ts";

export type OutgoingEmail = EmailContent & {
  to: string;
  kind: string;
  /** The same key never produces a second message. */
  idempotencyKey: string;
};

let resendClient: Resend | undefined;
function resend(apiKey: string) {
  // The SDK reads RESEND_BASE_URL itself; tests point it at a local recorder.
  resendClient ??= new Resend(apiKey);
  return resendClient;
}

export async function sendEmail(email: OutgoingEmail) {
  const existing = await prisma.emailMessage.findUnique({
    where: { idempotencyKey: email.idempotencyKey },
    select: { id: true, status: true },
  });
  if (existing) return existing;

  const env = getEnv();
  const message = await prisma.emailMessage.create({
    data: {
      idempotencyKey: email.idempotencyKey,
      kind: email.kind,
      to: email.to,
      subject: email.subject,
      html: email.html,
      text: email.text,
      status: env.RESEND_API_KEY ? "PENDING" : "STORED",
    },
    select: { id: true, status: true },
  });
  if (!env.RESEND_API_KEY) return message;
  return deliver(message.id, env.RESEND_API_KEY, env.EMAIL_FROM);
}

async function deliver(messageId: string, apiKey: string, from: string) {
  const message = await prisma.emailMessage.findUniqueOrThrow({ where: { id: messageId } });
  try {
    const { data, error } = await resend(apiKey).emails.send(
      { from, to: message.to, subject: message.subject, html: message.html, text: message.text },
      { idempotencyKey: message.idempotencyKey },
    );
    if (error) throw new Error(`${error.name}: ${error.message}`);
    return prisma.emailMessage.update({
      where: { id: messageId },
      data: { status: "SENT", providerId: data?.id ?? null, sentAt: new Date(), attempts: { increment: 1 }, error: null },
      select: { id: true, status: true },
    });
  } catch (error) {
    // A failing provider must never break the user's action: the message stays recorded as failed.
    return prisma.emailMessage.update({
      where: { id: messageId },
      data: { status: "FAILED", error: String((error as Error).message ?? error), attempts: { increment: 1 } },
      select: { id: true, status: true },
    });
  }
}
