// Lucia's storage adapter, written against Prisma 6 (the official one supports Prisma 4–5 only).
// Lucia hands us the session id that is also the cookie value; we store only its SHA-256 hash, so
// the sessions table holds nothing an attacker could replay.
import type { Adapter, DatabaseSession, DatabaseUser } from "lucia";
import type { PrismaClient, Role } from "~/generated/prisma/client.ts";
import { ms } from "~/models/sql-json.server.ts";
import { type RiderStatement, takeRiderForSession } from "./session-rider.server.ts";
import { hashToken } from "./tokens.server.ts";

export type SessionUserAttributes = {
  email: string;
  name: string;
  role: Role;
  twoFactorEnabled: boolean;
  /** Unread notifications (the inbox count in the header), at most UNREAD_CAP. */
  unreadNotifications: number;
};

/** The header shows "99+" beyond this; counting stops there, so a neglected inbox costs no more. */
export const UNREAD_CAP = 100;
/** What a session knows besides its user: when it was last used (the idle timeout) and the browser. */
export type SessionAttributes = { lastSeenAt: Date; userAgent: string | null };

type Row = { userId: string; expiresAt: Date; lastSeenAt: Date; userAgent: string | null };

function toDatabaseSession(row: Row, sessionId: string): DatabaseSession {
  return {
    id: sessionId,
    userId: row.userId,
    expiresAt: row.expiresAt,
    attributes: { lastSeenAt: row.lastSeenAt, userAgent: row.userAgent },
  };
}

/** Rows of one read-only statement with $1, $2, ... parameters (readRows in app/utils/db.server.ts). */
export type ReadRows = <T>(text: string, values: unknown[]) => Promise<T[]>;

// Runs on every request of a signed-in user, so it is one plain join: a nested Prisma select costs
// several times more CPU (query compilation and JSON aggregation) for the same row.
// The unread count of the header's inbox link (issue 19) rides along in the same statement: a capped
// count over the index Notification(userId, readAt), so no page pays an extra round trip for it. So may a
// page's own data (`rider`: a SQL expression over the session's user, app/auth/session-rider.server.ts).
function sessionAndUser(rider = "NULL::json"): string {
  return `
  SELECT s."userId", ${ms('s."expiresAt"')} AS "expiresAt", ${ms('s."lastSeenAt"')} AS "lastSeenAt", s."userAgent",
    u.email, u.name, u.role::text AS role,
    t."enabledAt" IS NOT NULL AS "twoFactorEnabled",
    (SELECT count(*)::int FROM (SELECT 1 FROM "Notification" n
      WHERE n."userId" = s."userId" AND n."readAt" IS NULL LIMIT ${UNREAD_CAP}) unread) AS "unreadNotifications",
    (${rider}) AS rider
  FROM "Session" s JOIN "User" u ON u.id = s."userId" LEFT JOIN "TwoFactor" t ON t."userId" = u.id
  WHERE s.id = $1`;
}
const SESSION_AND_USER = sessionAndUser();

/** The session statement with a page's rider: the session's user as the rider's SQL names it. */
const WITH_RIDER: RiderStatement = {
  user: { id: 's."userId"', role: "u.role::text" },
  offset: 1,
  wrap: sessionAndUser,
};

/**
 * `readRows` sends the session lookup straight to the driver (half the CPU of Prisma's raw query path,
 * issue 18); without it the lookup goes through Prisma.
 */
export function createLuciaAdapter(prisma: PrismaClient, readRows?: ReadRows): Adapter {
  const read: ReadRows = readRows ?? ((text, values) => prisma.$queryRawUnsafe(text, ...values));
  return {
    async getSessionAndUser(sessionId) {
      // Every loader of the request starts before this resumes, so a page's rider is there by then.
      await undefined;
      const values = [hashToken(sessionId)];
      const rider = takeRiderForSession(WITH_RIDER, values);
      // Moments as milliseconds: a number is read for free, a timestamp's text is parsed (issue 18).
      type Read = Omit<Row, "expiresAt" | "lastSeenAt"> & { expiresAt: number; lastSeenAt: number };
      const rows = await read<Read & SessionUserAttributes & { rider: unknown }>(
        rider?.text ?? SESSION_AND_USER,
        rider?.values ?? values,
      );
      const row = rows[0];
      if (!row) return [null, null];
      rider?.deliver(row.userId, row.rider);
      const { email, name, role, twoFactorEnabled, unreadNotifications } = row;
      const user: DatabaseUser = {
        id: row.userId,
        attributes: { email, name, role, twoFactorEnabled, unreadNotifications },
      };
      const { userId, userAgent } = row;
      const session = { userId, userAgent, expiresAt: new Date(row.expiresAt), lastSeenAt: new Date(row.lastSeenAt) };
      return [toDatabaseSession(session, sessionId), user];
    },
    async getUserSessions(userId) {
      // Only hashes are stored, so these sessions cannot be turned back into cookie values.
      const rows = await prisma.session.findMany({ where: { userId } });
      return rows.map((row) => toDatabaseSession(row, row.id));
    },
    async setSession(session) {
      const attributes = session.attributes as Partial<SessionAttributes>;
      await prisma.session.create({
        data: {
          id: hashToken(session.id),
          userId: session.userId,
          expiresAt: session.expiresAt,
          lastSeenAt: attributes.lastSeenAt ?? new Date(),
          userAgent: attributes.userAgent ?? null,
        },
      });
    },
    async updateSessionExpiration(sessionId, expiresAt) {
      await prisma.session.updateMany({ where: { id: hashToken(sessionId) }, data: { expiresAt } });
    },
    async deleteSession(sessionId) {
      await prisma.session.deleteMany({ where: { id: hashToken(sessionId) } });
    },
    async deleteUserSessions(userId) {
      await prisma.session.deleteMany({ where: { userId } });
    },
    async deleteExpiredSessions() {
      await prisma.session.deleteMany({ where: { expiresAt: { lte: new Date() } } });
    },
  };
}
