// Changing one's e-mail address: asked for with the current password, confirmed through a single-use link
// sent to the new address (valid 24 hours), announced to the old address (without a link). Confirming ends
// every session of the account. Whether the new address already has an account is told only to that
// address: the person asking gets the same answer and the request does the same work either way.
import { generateToken, hashToken } from "~/auth/tokens.server.ts";
import { verifyPassword } from "~/auth/password.server.ts";
import { invalidateAllSessions } from "~/auth/session.server.ts";
import { sendEmail } from "~/email/send-email.server.ts";
import { emailChangeConfirmEmail, emailChangeNoticeEmail, emailChangeTakenEmail } from "~/email/templates.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { DomainError } from "~/utils/domain-error.ts";
import { getEnv } from "~/utils/env.server.ts";
import { recordAudit } from "./audit.server.ts";

export const EMAIL_CHANGE_VALID_HOURS = 24;

export type EmailChangeRequestResult = { ok: true; newEmail: string } | { ok: false; reason: "password" };

/**
 * Records the request and sends its mails. A wrong password is the one refusal (at `currentPassword`); the
 * current address itself is a DomainError at `email`. Anything else gets the same answer.
 */
export async function requestEmailChange(
  userId: string,
  input: { email: string; currentPassword: string },
): Promise<EmailChangeRequestResult> {
  const newEmail = input.email.trim().toLowerCase();
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { name: true, email: true, passwordHash: true },
  });
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return { ok: false, reason: "password" };
  }
  if (newEmail === user.email.toLowerCase()) throw new DomainError("Dit is al je e-mailadres.", "email");
  const taken = (await prisma.user.count({ where: { email: newEmail } })) > 0;
  const token = generateToken();
  const expiresAt = new Date(Date.now() + EMAIL_CHANGE_VALID_HOURS * 60 * 60_000);
  // The same statements whether or not the address is taken: a request is recorded either way (one for a
  // taken address is never sent, so it cannot be confirmed), and an earlier open request stops working.
  const [, request] = await prisma.$transaction([
    prisma.emailChangeRequest.updateMany({ where: { userId, usedAt: null }, data: { usedAt: new Date() } }),
    prisma.emailChangeRequest.create({
      data: { tokenHash: hashToken(token), userId, newEmail, expiresAt },
      select: { id: true },
    }),
  ]);
  await sendEmail({
    to: newEmail,
    kind: "email-change-confirm",
    idempotencyKey: `email-change-confirm:${request.id}`,
    ...(taken
      ? emailChangeTakenEmail({ newEmail })
      : emailChangeConfirmEmail({
          name: user.name,
          newEmail,
          url: `${getEnv().APP_URL}/e-mailadres-bevestigen/${token}`,
          expiresAt,
        })),
  });
  await sendEmail({
    to: user.email,
    kind: "email-change-notice",
    idempotencyKey: `email-change-notice:${request.id}`,
    ...emailChangeNoticeEmail({ name: user.name, newEmail }),
  });
  return { ok: true, newEmail };
}

export type EmailChangeState =
  | { status: "valid"; userId: string; newEmail: string }
  | { status: "expired" | "used" | "unknown" | "email-taken" };

export async function checkEmailChange(token: string, now = new Date()): Promise<EmailChangeState> {
  const request = await prisma.emailChangeRequest.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { userId: true, newEmail: true, expiresAt: true, usedAt: true },
  });
  if (!request) return { status: "unknown" };
  if (request.usedAt) return { status: "used" };
  if (request.expiresAt <= now) return { status: "expired" };
  return { status: "valid", userId: request.userId, newEmail: request.newEmail };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

/** Makes the new address the account's, uses up the link and ends every session of the account. */
export async function confirmEmailChange(token: string, now = new Date()): Promise<EmailChangeState> {
  const state = await checkEmailChange(token, now);
  if (state.status !== "valid") return state;
  // Claim the link atomically, so two clicks cannot both go through.
  const claimed = await prisma.emailChangeRequest.updateMany({
    where: { tokenHash: hashToken(token), usedAt: null },
    data: { usedAt: now },
  });
  if (claimed.count === 0) return { status: "used" };
  try {
    await prisma.$transaction(async (tx) => {
      const before = await tx.user.findUniqueOrThrow({ where: { id: state.userId }, select: { email: true } });
      await tx.user.update({ where: { id: state.userId }, data: { email: state.newEmail } });
      await recordAudit(
        {
          actorId: state.userId,
          action: "user.email_change",
          entityType: "User",
          entityId: state.userId,
          details: { from: before.email, to: state.newEmail },
        },
        tx,
      );
    });
  } catch (error) {
    // Someone took the address between the request and the click.
    if (isUniqueViolation(error)) return { status: "email-taken" };
    throw error;
  }
  await invalidateAllSessions(state.userId);
  return state;
}
