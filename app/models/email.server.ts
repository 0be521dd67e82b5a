import type { User } from "lucia";
import type { EmailStatus } from "~/generated/prisma/enums.ts";
import { redactTokenLinks } from "~/email/redact.ts";
import { enqueueDelivery } from "~/email/send-email.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { recordAudit } from "./audit.server.ts";

import { emailStatuses } from "~/utils/labels.ts";

export function isEmailStatus(value: string | null): value is EmailStatus {
  return value !== null && (emailStatuses as readonly string[]).includes(value);
}

export function listEmailMessages(options: { status?: EmailStatus; take?: number } = {}) {
  return prisma.emailMessage.findMany({
    where: options.status ? { status: options.status } : {},
    orderBy: { createdAt: "desc" },
    take: options.take ?? 100,
    select: {
      id: true,
      kind: true,
      to: true,
      subject: true,
      status: true,
      error: true,
      attempts: true,
      createdAt: true,
      sentAt: true,
      nextAttemptAt: true,
    },
  });
}

export async function countEmailMessagesByStatus(): Promise<Record<EmailStatus, number>> {
  const groups = await prisma.emailMessage.groupBy({ by: ["status"], _count: { _all: true } });
  const counts = Object.fromEntries(emailStatuses.map((status) => [status, 0])) as Record<EmailStatus, number>;
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}

/**
 * One message of the outbox for a coordinator. Its text only while mail stays in the outbox (once sent
 * through the provider the content is not shown), and even then the personal links (reset, invitation,
 * e-mail confirmation, unsubscribe, calendar) only when the coordinator is the addressee or in the demo:
 * a link is for the person it was sent to.
 */
export async function getEmailMessage(
  id: string,
  viewer: { email: string },
  settings: { delivering: boolean; demoMode: boolean },
) {
  const message = await findEmailMessage(id);
  if (!message) return null;
  if (settings.delivering) return { ...message, text: null, linksHidden: false };
  const ownMail = message.to.trim().toLowerCase() === viewer.email.trim().toLowerCase();
  if (ownMail || settings.demoMode) return { ...message, linksHidden: false };
  const text = redactTokenLinks(message.text);
  return { ...message, text, linksHidden: text !== message.text };
}

function findEmailMessage(id: string) {
  return prisma.emailMessage.findUnique({
    where: { id },
    select: {
      id: true,
      kind: true,
      to: true,
      subject: true,
      text: true,
      status: true,
      error: true,
      attempts: true,
      createdAt: true,
      sentAt: true,
      lastAttemptAt: true,
      nextAttemptAt: true,
    },
  });
}

/**
 * A coordinator sends a failed message again: it becomes PENDING with a fresh attempt count and is
 * handed to the deliver-email job. Only FAILED messages can be retried (a sent one must not go twice).
 */
export async function retryEmailMessage(id: string, actor: User): Promise<boolean> {
  const updated = await prisma.emailMessage.updateMany({
    where: { id, status: "FAILED" },
    data: { status: "PENDING", attempts: 0, error: null, nextAttemptAt: new Date(), claimedUntil: null },
  });
  if (updated.count === 0) return false;
  const message = await prisma.emailMessage.findUniqueOrThrow({
    where: { id },
    select: { id: true, to: true, kind: true, status: true },
  });
  await recordAudit({
    actorId: actor.id,
    action: "email.retry",
    entityType: "EmailMessage",
    entityId: id,
    details: { to: message.to, kind: message.kind },
  });
  await enqueueDelivery(message);
  return true;
}

export function listJobRuns() {
  return prisma.jobRun.findMany({
    orderBy: { name: "asc" },
    select: { name: true, lastRunAt: true, durationMs: true, runs: true, lastError: true },
  });
}
