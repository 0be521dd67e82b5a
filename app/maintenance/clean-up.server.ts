// Housekeeping the clean-up job runs every few hours: remove data that has served its purpose, so the
// database keeps no personal data longer than needed (AVG) and stays small.
import { prisma } from "~/utils/db.server.ts";

const DAY = 24 * 60 * 60_000;

/** How long records stay after they stopped mattering. */
export const retention = {
  /** Failed and successful sign-in attempts (the throttle only looks back 15 minutes). */
  loginAttemptsDays: 30,
  /** Used or expired password-reset links and e-mail change requests. */
  passwordResetsDays: 7,
};

export async function cleanUp(now = new Date()) {
  const before = (days: number) => new Date(now.getTime() - days * DAY);
  const spent = (days: number) => ({ OR: [{ expiresAt: { lt: before(days) } }, { usedAt: { lt: before(days) } }] });
  const [sessions, loginAttempts, passwordResets, emailChanges, rateLimitCounters] = await prisma.$transaction([
    prisma.session.deleteMany({ where: { expiresAt: { lt: now } } }),
    prisma.loginAttempt.deleteMany({ where: { createdAt: { lt: before(retention.loginAttemptsDays) } } }),
    prisma.passwordResetToken.deleteMany({
      where: {
        OR: [
          { expiresAt: { lt: before(retention.passwordResetsDays) } },
          { usedAt: { lt: before(retention.passwordResetsDays) } },
        ],
      },
    }),
    prisma.emailChangeRequest.deleteMany({ where: spent(retention.passwordResetsDays) }),
    // Rate-limit windows that have ended (without Redis the counters live in the database).
    prisma.rateLimitCounter.deleteMany({ where: { resetAt: { lt: now } } }),
  ]);
  return {
    sessions: sessions.count,
    loginAttempts: loginAttempts.count,
    passwordResets: passwordResets.count,
    emailChanges: emailChanges.count,
    rateLimitCounters: rateLimitCounters.count,
  };
}
