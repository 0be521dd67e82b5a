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
  return deliver(message.id);
}

/** Hands a recorded message to Resend and records the outcome. Never throws for a provider error. */
export async function deliver(messageId: string) {
  const env = getEnv();
  if (!env.RESEND_API_KEY) throw new Error("deliver() needs RESEND_API_KEY");
  const message = await prisma.emailMessage.findUniqueOrThrow({ where: { id: messageId } });
  const from = env.EMAIL_FROM;
  // RESEND_BASE_URL lets tests point the SDK at a local recorder.
  const resend = new Resend(env.RESEND_API_KEY, env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL } : undefined);
  try {
    const { data, error } = await resend.emails.send(
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
