// "Wachtwoord vergeten": a single-use link, valid for one hour, sent by e-mail.
import { z } from "zod";
import { defineJob } from "../../jobs/definition.ts";
import { enqueue } from "../../jobs/engine.ts";
import { generateToken, hashToken } from "~/auth/tokens.server.ts";
import { hashPassword } from "~/auth/password.server.ts";
import { invalidateAllSessions } from "~/auth/session.server.ts";
import { sendEmail } from "~/email/send-email.server.ts";
import { passwordResetEmail } from "~/email/templates.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { recordAudit } from "./audit.server.ts";
import { getEnv } from "~/utils/env.server.ts";

export const RESET_VALID_MINUTES = 60;
/** Reset links per e-mail address per hour (counted in the shared rate-limit store, as a keyed hash). */
export const RESET_REQUESTS_PER_ACCOUNT = { limit: 3, windowMs: 60 * 60_000 };

/**
 * The form's whole work: hand the address to the `request-password-reset` job. Whether the address has an
 * account is looked up there, after the answer, so the request does the same work and takes the same time
 * either way (no enumeration by timing). With Redis unreachable the request is dropped (nothing is stored
 * for it); asking again works once Redis is back.
 */
export async function requestPasswordReset(email: string): Promise<void> {
  await enqueue(requestPasswordResetJob, { email: email.trim().toLowerCase() });
}

/** Sends a reset link when the address has an account; nothing otherwise. */
export async function sendPasswordResetLink(email: string) {
  const user = await prisma.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, name: true, email: true, passwordHash: true },
  });
  // Someone who never accepted their invitation has no password to reset.
  if (!user?.passwordHash) return;
  const token = generateToken();
  const expiresAt = new Date(Date.now() + RESET_VALID_MINUTES * 60_000);
  const reset = await prisma.passwordResetToken.create({
    data: { tokenHash: hashToken(token), userId: user.id, expiresAt },
    select: { id: true },
  });
  // Every reset link is in the audit log (issue 15): who it was for and when, never the token.
  await recordAudit({
    actorId: null,
    action: "password_reset.requested",
    entityType: "User",
    entityId: user.id,
    details: { expiresAt: expiresAt.toISOString() },
  });
  await sendEmail({
    to: user.email,
    kind: "password-reset",
    idempotencyKey: `password-reset:${reset.id}`,
    ...passwordResetEmail({
      name: user.name,
      url: `${getEnv().APP_URL}/wachtwoord-herstellen/${token}`,
      expiresAt,
    }),
  });
}

export const requestPasswordResetJob = defineJob({
  name: "request-password-reset",
  payload: z.object({ email: z.string().min(1).max(320) }),
  process: ({ email }) => sendPasswordResetLink(email),
  attempts: 3,
  backoffMs: 10_000,
});

export type ResetTokenState =
  | { status: "valid"; userId: string; email: string }
  | { status: "expired" | "used" | "unknown" };

export async function checkResetToken(token: string, now = new Date()): Promise<ResetTokenState> {
  const reset = await prisma.passwordResetToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { userId: true, expiresAt: true, usedAt: true, user: { select: { email: true } } },
  });
  if (!reset) return { status: "unknown" };
  if (reset.usedAt) return { status: "used" };
  if (reset.expiresAt <= now) return { status: "expired" };
  return { status: "valid", userId: reset.userId, email: reset.user.email };
}

/** Sets the new password, uses up the link (and any other open link) and ends all sessions. */
export async function resetPassword(token: string, password: string): Promise<ResetTokenState> {
  const state = await checkResetToken(token);
  if (state.status !== "valid") return state;
  const passwordHash = await hashPassword(password);
  const now = new Date();
  // Claim the token atomically, so two submissions of the same link cannot both succeed.
  const claimed = await prisma.passwordResetToken.updateMany({
    where: { tokenHash: hashToken(token), usedAt: null },
    data: { usedAt: now },
  });
  if (claimed.count === 0) return { status: "used" };
  await prisma.$transaction([
    prisma.user.update({ where: { id: state.userId }, data: { passwordHash } }),
    prisma.passwordResetToken.updateMany({
      where: { userId: state.userId, usedAt: null },
      data: { usedAt: now },
    }),
    prisma.loginAttempt.deleteMany({ where: { email: state.email, succeeded: false } }),
  ]);
  await invalidateAllSessions(state.userId);
  return state;
}
