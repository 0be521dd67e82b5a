// Notification preferences: per user, per kind. No row means the kind's (quiet) default.
import type { NotificationMode } from "~/generated/prisma/enums.ts";
import { prisma } from "~/utils/db.server.ts";
import { type NotificationKindName, kindsForRole, notificationKinds } from "./kinds.ts";

/** The effective mode of one kind for many users, in one query. */
export async function modesFor(userIds: string[], kind: NotificationKindName): Promise<Map<string, NotificationMode>> {
  const rows = userIds.length
    ? await prisma.notificationPreference.findMany({
        where: { kind, userId: { in: userIds } },
        select: { userId: true, mode: true },
      })
    : [];
  const chosen = new Map(rows.map((row) => [row.userId, row.mode]));
  return new Map(userIds.map((id) => [id, chosen.get(id) ?? notificationKinds[kind].defaultMode]));
}

export async function getPreferences(user: { id: string; role: Parameters<typeof kindsForRole>[0] }) {
  const rows = await prisma.notificationPreference.findMany({
    where: { userId: user.id },
    select: { kind: true, mode: true },
  });
  const chosen = new Map(rows.map((row) => [row.kind, row.mode]));
  return kindsForRole(user.role).map((kind) => ({
    kind,
    mode: chosen.get(kind) ?? notificationKinds[kind].defaultMode,
    isDefault: !chosen.has(kind),
  }));
}

/** Saves the modes a user chose; modes a kind does not offer are refused by the caller's schema. */
export async function savePreferences(userId: string, modes: { kind: NotificationKindName; mode: NotificationMode }[]) {
  await prisma.$transaction(
    modes.map(({ kind, mode }) =>
      prisma.notificationPreference.upsert({
        where: { userId_kind: { userId, kind } },
        create: { userId, kind, mode },
        update: { mode },
      }),
    ),
  );
}

/** The account an unsubscribe link points at (its id comes from the link's signed token), or null. */
export function findUnsubscriber(userId: string) {
  return prisma.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
}

// When the digest goes (issue 19). No row: weekly, Monday 08:00 (DEFAULT_DIGEST in digest.server.ts).
export type DigestChoice = { frequency: "DAILY" | "WEEKLY"; weekday: number; hour: number };

export async function getDigestSchedule(userId: string): Promise<DigestChoice> {
  const row = await prisma.digestSchedule.findUnique({
    where: { userId },
    select: { frequency: true, weekday: true, hour: true },
  });
  return row ?? { frequency: "WEEKLY", weekday: 1, hour: 8 };
}

export async function saveDigestSchedule(userId: string, choice: DigestChoice) {
  await prisma.digestSchedule.upsert({ where: { userId }, create: { userId, ...choice }, update: choice });
}
