// "Waar ben ik ingelogd": the active sign-in sessions of one user, and ending one or all others. A session is
// named by its stored id (the SHA-256 hash of the cookie token), which cannot be turned back into a cookie.
import type { User } from "lucia";
import { prisma } from "~/utils/db.server.ts";
import { idleMinutes } from "./session.server.ts";
import { hashToken } from "./tokens.server.ts";
import { describeUserAgent } from "./user-agent.ts";

export type ActiveSession = { id: string; device: string; createdAt: Date; lastSeenAt: Date; current: boolean };

/** The user's sessions that still work (not expired, not idle too long), this device first, then newest. */
export async function listActiveSessions(
  user: Pick<User, "id" | "role">,
  currentSessionId: string,
  now = new Date(),
): Promise<ActiveSession[]> {
  const idleSince = new Date(now.getTime() - idleMinutes(user.role) * 60_000);
  const rows = await prisma.session.findMany({
    where: { userId: user.id, expiresAt: { gt: now }, lastSeenAt: { gte: idleSince } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true },
  });
  const current = hashToken(currentSessionId);
  return rows
    .map((row) => ({
      id: row.id,
      device: describeUserAgent(row.userAgent),
      createdAt: row.createdAt,
      lastSeenAt: row.lastSeenAt,
      current: row.id === current,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/**
 * Ends one of the user's other sessions; false when there is no such session of this user (this browser's
 * own session ends by signing out).
 */
export async function endSession(userId: string, storedId: string, currentSessionId: string): Promise<boolean> {
  if (storedId === hashToken(currentSessionId)) return false;
  const { count } = await prisma.session.deleteMany({ where: { id: storedId, userId } });
  return count > 0;
}

/** Ends every session of the user except the one of this browser. */
export async function endOtherSessions(userId: string, currentSessionId: string): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { userId, id: { not: hashToken(currentSessionId) } } });
  return count;
}
