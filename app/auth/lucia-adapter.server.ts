// Lucia's storage adapter, written against Prisma 6 (the official one supports Prisma 4–5 only).
// Lucia hands us the session id that is also the cookie value; we store only its SHA-256 hash, so
// the sessions table holds nothing an attacker could replay.
import type { Adapter, DatabaseSession, DatabaseUser } from "lucia";
import type { PrismaClient, Role } from "~/generated/prisma/client.ts";
import { hashToken } from "./tokens.server.ts";

export type SessionUserAttributes = { email: string; name: string; role: Role };

type Row = { id: string; userId: string; expiresAt: Date };

function toDatabaseSession(row: Row, sessionId: string): DatabaseSession {
  return { id: sessionId, userId: row.userId, expiresAt: row.expiresAt, attributes: {} };
}

export function createLuciaAdapter(prisma: PrismaClient): Adapter {
  return {
    async getSessionAndUser(sessionId) {
      const row = await prisma.session.findUnique({
        where: { id: hashToken(sessionId) },
        select: {
          id: true,
          userId: true,
          expiresAt: true,
          user: { select: { id: true, email: true, name: true, role: true } },
        },
      });
      if (!row) return [null, null];
      const { id, ...attributes } = row.user;
      const user: DatabaseUser = { id, attributes };
      return [toDatabaseSession(row, sessionId), user];
    },
    async getUserSessions(userId) {
      // Only hashes are stored, so these sessions cannot be turned back into cookie values.
      const rows = await prisma.session.findMany({ where: { userId } });
      return rows.map((row) => toDatabaseSession(row, row.id));
    },
    async setSession(session) {
      await prisma.session.create({
        data: { id: hashToken(session.id), userId: session.userId, expiresAt: session.expiresAt },
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
