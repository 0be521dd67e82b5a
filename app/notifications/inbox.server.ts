// The inbox (issue 19): every notification a person received, whatever their e-mail preference — the same
// Notification rows that notify() records and the e-mail is sent from. Unread until opened from the inbox;
// the header's count comes with the session's query (app/auth/lucia-adapter.server.ts).
import { getEnv } from "~/utils/env.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { type NotificationKindName, isNotificationKind, notificationKinds } from "./kinds.ts";

/** The inbox shows this many, newest first (older ones are removed after their retention term anyway). */
export const INBOX_LIMIT = 100;

export async function listInbox(userId: string) {
  const rows = await prisma.notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: INBOX_LIMIT,
    select: { id: true, kind: true, title: true, createdAt: true, readAt: true },
  });
  return rows.map((row) => ({
    ...row,
    kindLabel: isNotificationKind(row.kind) ? notificationKinds[row.kind as NotificationKindName].label : "Melding",
  }));
}

/**
 * The address inside the platform a notification points at. Notification URLs are absolute (they go in
 * e-mail); only ones on this platform are followed, anything else lands back on the inbox.
 */
export function inboxTarget(url: string): string {
  try {
    const app = new URL(getEnv().APP_URL);
    const target = new URL(url, app);
    if (target.origin !== app.origin) return "/meldingen";
    return `${target.pathname}${target.search}${target.hash}`;
  } catch {
    return "/meldingen";
  }
}

/** Marks one of the user's notifications read and returns where it points; null when it is not theirs. */
export async function openNotification(userId: string, notificationId: string): Promise<string | null> {
  const row = await prisma.notification.findFirst({
    where: { id: notificationId, userId },
    select: { url: true, readAt: true },
  });
  if (!row) return null;
  if (!row.readAt) {
    await prisma.notification.updateMany({
      where: { id: notificationId, userId, readAt: null },
      data: { readAt: new Date() },
    });
  }
  return inboxTarget(row.url);
}

export async function markAllRead(userId: string): Promise<number> {
  const { count } = await prisma.notification.updateMany({
    where: { userId, readAt: null },
    data: { readAt: new Date() },
  });
  return count;
}
