// Links in notification e-mail: a signed one-click unsubscribe link per user and kind (works without
// logging in; it can only switch that one kind off for that one person) and the preferences page.
import { createHmac, timingSafeEqual } from "node:crypto";
import { getEnv } from "~/utils/env.server.ts";
import { type NotificationKindName, isNotificationKind } from "./kinds.ts";

function signature(payload: string) {
  return createHmac("sha256", getEnv().SESSION_SECRET).update(`unsubscribe:${payload}`).digest("base64url");
}

export function unsubscribeToken(userId: string, kind: NotificationKindName): string {
  const payload = Buffer.from(`${userId}:${kind}`).toString("base64url");
  return `${payload}.${signature(payload)}`;
}

export function readUnsubscribeToken(token: string): { userId: string; kind: NotificationKindName } | null {
  const [payload, given] = token.split(".");
  if (!payload || !given) return null;
  const expected = Buffer.from(signature(payload));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  const [userId, kind] = Buffer.from(payload, "base64url").toString("utf8").split(":");
  if (!userId || !kind || !isNotificationKind(kind)) return null;
  return { userId, kind };
}

/** RFC 8058 one-click unsubscribe: mail apps show "Afmelden" and POST to the link themselves. */
export function listUnsubscribeHeaders(userId: string, kind: NotificationKindName): Record<string, string> {
  return {
    "List-Unsubscribe": `<${getEnv().APP_URL}/e-mail/afmelden/${unsubscribeToken(userId, kind)}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

export function notificationFooterLinks(userId: string, kind: NotificationKindName) {
  const base = getEnv().APP_URL;
  return [
    { label: "Afmelden voor dit soort berichten", url: `${base}/e-mail/afmelden/${unsubscribeToken(userId, kind)}` },
    { label: "Al je e-mailvoorkeuren", url: `${base}/account/meldingen` },
  ];
}
