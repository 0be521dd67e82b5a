// Signing in with e-mail and password. A wrong password and an unknown address give the same answer,
// and after too many failures for one address the login is paused for that address on every web node
// (counted in the database). The Express server adds a per-IP limit on top (server/security.ts).
import { prisma } from "~/utils/db.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { demoPasswordRefused } from "./demo.ts";
import { verifyAgainstDummy, verifyPassword } from "./password.server.ts";

export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILED_LOGINS = 5;

export type LoginResult = { ok: true; userId: string } | { ok: false; reason: "invalid" | "throttled" };

export async function attemptLogin(email: string, password: string, now = new Date()): Promise<LoginResult> {
  const normalized = email.trim().toLowerCase();
  const since = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000);
  const recentFailures = await prisma.loginAttempt.count({
    where: { email: normalized, succeeded: false, createdAt: { gte: since } },
  });
  if (recentFailures >= MAX_FAILED_LOGINS) return { ok: false, reason: "throttled" };

  const user = await prisma.user.findUnique({
    where: { email: normalized },
    select: { id: true, passwordHash: true },
  });
  const matches = user?.passwordHash
    ? await verifyPassword(user.passwordHash, password)
    : await verifyAgainstDummy(password);
  // The published demo password opens nothing outside the demo, even on an account that has it.
  const valid = matches && !demoPasswordRefused(password, getEnv());

  await prisma.loginAttempt.create({
    data: { email: normalized, userId: user?.id ?? null, succeeded: valid, createdAt: now },
  });
  if (!valid || !user) return { ok: false, reason: "invalid" };
  return { ok: true, userId: user.id };
}
