// Delivery of one recorded message (the outbox row) through Resend, and the deliver-email job that runs
// it (sendEmail enqueues it; the start-up registers it with the engine). Never inside a request. Safe to run twice, on two workers at once, or after a crash:
// - a worker first *claims* the message in the database (only one claim can win, and a claim expires,
//   so a crashed worker's message is picked up again);
// - the request to Resend carries the message's idempotency key, so a retry after a crash between
//   "Resend accepted it" and "we recorded that" does not send a second e-mail.
import { Resend } from "resend";
import { z } from "zod";
import { prisma } from "~/utils/db.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { RetryLater, defineJob } from "../../jobs/definition.ts";

// The two timings come from the environment (EMAIL_RETRY_BASE_MS, EMAIL_CLAIM_MS; the Redis fault tests
// shorten them); a test in this process may also set them here.
const policyOverrides: { backoffMs?: number; claimMs?: number } = {};

export const deliveryPolicy = {
  /** Attempts for temporary failures (5xx, 429, timeouts) before the message is marked failed. */
  maxAttempts: 6,
  /** First retry after this delay, doubling each time (30 s, 1 min, 2 min, 4 min, 8 min). */
  get backoffMs(): number {
    return policyOverrides.backoffMs ?? getEnv().EMAIL_RETRY_BASE_MS;
  },
  set backoffMs(ms: number) {
    policyOverrides.backoffMs = ms;
  },
  /** How long a claim lasts: longer than one request to Resend may take. */
  get claimMs(): number {
    return policyOverrides.claimMs ?? getEnv().EMAIL_CLAIM_MS;
  },
  set claimMs(ms: number) {
    policyOverrides.claimMs = ms;
  },
  /** A request to Resend that takes longer counts as a temporary failure. */
  timeoutMs: 15_000,
};

export type DeliveryOutcome =
  | { result: "sent"; providerId: string | null }
  | { result: "stored" }
  | { result: "cancelled"; reason: string }
  | { result: "retry"; error: string; retryInMs: number }
  | { result: "failed"; error: string }
  | { result: "skipped"; reason: string }
  /** Claimed by another worker right now (or by one that died: the claim expires). Try again later. */
  | { result: "busy" };

export function backoffFor(attempt: number, baseMs = deliveryPolicy.backoffMs) {
  return baseMs * 2 ** Math.max(0, attempt - 1);
}

/** True when the session this notice was about has since been moved or cancelled. */
async function staleReason(notification: { sessionId: string | null; sessionStartsAt: Date | null } | null) {
  if (!notification?.sessionId) return null;
  const session = await prisma.cohortSession.findUnique({
    where: { id: notification.sessionId },
    select: { startsAt: true, cancelledAt: true },
  });
  if (!session) return "De bijeenkomst bestaat niet meer.";
  if (session.cancelledAt) return "De bijeenkomst is afgelast.";
  if (notification.sessionStartsAt && session.startsAt.getTime() !== notification.sessionStartsAt.getTime()) {
    return "De bijeenkomst is verplaatst.";
  }
  return null;
}

function stringRecord(value: unknown): Record<string, string> | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const entries = Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string");
  return entries.length > 0 ? Object.fromEntries(entries) : null;
}

type ClaimedMessage = {
  id: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  idempotencyKey: string;
  attempts: number;
  headers: unknown;
  notificationId: string | null;
};

export async function deliverMessage(messageId: string, now = new Date()): Promise<DeliveryOutcome> {
  const env = getEnv();
  // Claim and read in one statement (this runs for every e-mail, so one round trip less matters).
  const claimedRows = await prisma.$queryRaw<ClaimedMessage[]>`
    UPDATE "EmailMessage"
       SET "claimedUntil" = ${new Date(now.getTime() + deliveryPolicy.claimMs)}, "lastAttemptAt" = ${now}
     WHERE "id" = ${messageId}::uuid
       AND "status" = 'PENDING'
       AND ("claimedUntil" IS NULL OR "claimedUntil" < ${now})
 RETURNING "id", "to", "subject", "html", "text", "idempotencyKey", "attempts", "headers", "notificationId"`;
  const claimed = claimedRows[0];
  if (!claimed) {
    const current = await prisma.emailMessage.findUnique({ where: { id: messageId }, select: { status: true } });
    if (current?.status === "PENDING") return { result: "busy" };
    return { result: "skipped", reason: current ? `status ${current.status}` : "not found" };
  }
  const message = {
    ...claimed,
    notification: claimed.notificationId
      ? await prisma.notification.findUnique({
          where: { id: claimed.notificationId },
          select: { id: true, sessionId: true, sessionStartsAt: true },
        })
      : null,
  };

  const stale = await staleReason(message.notification);
  if (stale) {
    await prisma.$transaction([
      prisma.emailMessage.update({
        where: { id: message.id },
        data: { status: "CANCELLED", error: stale, claimedUntil: null },
      }),
      prisma.notification.update({
        where: { id: message.notification!.id },
        data: { status: "CANCELLED", processedAt: now },
      }),
    ]);
    return { result: "cancelled", reason: stale };
  }

  if (!env.RESEND_API_KEY) {
    // No provider configured: keep it readable on the development mail page.
    await prisma.emailMessage.update({ where: { id: message.id }, data: { status: "STORED", claimedUntil: null } });
    return { result: "stored" };
  }

  const attempt = message.attempts + 1;
  const resend = new Resend(env.RESEND_API_KEY, env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL } : undefined);
  const signal = AbortSignal.timeout(deliveryPolicy.timeoutMs);
  const headers = stringRecord(message.headers);
  const { data, error } = await resend.emails.send(
    {
      from: env.EMAIL_FROM,
      to: message.to,
      subject: message.subject,
      html: message.html,
      text: message.text,
      ...(headers ? { headers } : {}),
    },
    { idempotencyKey: message.idempotencyKey, signal },
  );

  if (!error) {
    await prisma.emailMessage.update({
      where: { id: message.id },
      data: {
        status: "SENT",
        providerId: data?.id ?? null,
        sentAt: new Date(),
        attempts: attempt,
        error: null,
        claimedUntil: null,
      },
    });
    return { result: "sent", providerId: data?.id ?? null };
  }

  const status = "statusCode" in error ? (error.statusCode as number | null) : null;
  const description = signal.aborted
    ? `Time-out: geen antwoord van Resend binnen ${Math.round(deliveryPolicy.timeoutMs / 1000)} s`
    : `${status ?? "geen verbinding"} ${error.name}: ${error.message}`;
  // 4xx (except 429) means the provider will never accept this message as it is: retrying cannot help.
  const temporary = status === null || status === 429 || status >= 500;
  if (temporary && attempt < deliveryPolicy.maxAttempts) {
    const retryInMs = backoffFor(attempt);
    await prisma.emailMessage.update({
      where: { id: message.id },
      data: {
        attempts: attempt,
        error: description,
        nextAttemptAt: new Date(now.getTime() + retryInMs),
        claimedUntil: null,
      },
    });
    return { result: "retry", error: description, retryInMs };
  }
  const final = temporary ? `${description} (na ${attempt} pogingen)` : description;
  await prisma.emailMessage.update({
    where: { id: message.id },
    data: { status: "FAILED", attempts: attempt, error: final, claimedUntil: null },
  });
  return { result: "failed", error: final };
}

/** Delivers one recorded e-mail: queued by sendEmail (and by the outbox sweep), retried with backoff. */
export const deliverEmailJob = defineJob({
  name: "deliver-email",
  payload: z.object({ messageId: z.string().uuid() }),
  attempts: deliveryPolicy.maxAttempts,
  // Read when a job is queued, so the policy (and a test that shortens it) has the last word.
  get backoffMs() {
    return deliveryPolicy.backoffMs;
  },
  // One queued delivery per message, however often it is enqueued.
  jobId: ({ messageId }) => `email:${messageId}`,
  async process({ messageId }) {
    const outcome = await deliverMessage(messageId);
    if (outcome.result === "retry") throw new RetryLater(outcome.error);
    // Another worker holds the claim; if that worker died, the claim expires and a retry delivers it.
    if (outcome.result === "busy") throw new RetryLater("claimed by another worker");
    return outcome;
  },
});
