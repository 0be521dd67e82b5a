// The session layer: who is signed in, signing in (with rotation), signing out (here or everywhere).
import type { Session, User } from "lucia";
import { redirect } from "@remix-run/node";
import { prisma } from "~/utils/db.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { forgetForRequest, rememberForRequest } from "~/utils/request-context.server.ts";
import { getLucia } from "./lucia.server.ts";
import { hashToken } from "./tokens.server.ts";

/** lastSeenAt is written at most this often, so a busy user does not cost a write per request. */
export const LAST_SEEN_WRITE_MS = 60_000;

/** Minutes without a request after which a session ends: shorter for staff, who see others' sensitive data. */
export function idleMinutes(role: User["role"]): number {
  const env = getEnv();
  return role === "PARTICIPANT" ? env.SESSION_IDLE_MINUTES_PARTICIPANT : env.SESSION_IDLE_MINUTES_STAFF;
}

export type AuthUser = User;

type Auth = { user: User; session: Session; refreshedCookie: string | null } | null;

async function validate(request: Request): Promise<Auth> {
  const lucia = getLucia();
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (!sessionId) return null;
  const { session, user } = await lucia.validateSession(sessionId);
  if (!session || !user) return null;
  const now = Date.now();
  const idleMs = now - session.lastSeenAt.getTime();
  if (idleMs > idleMinutes(user.role) * 60_000) {
    // Left idle too long: the session ends here, as if signed out.
    await lucia.invalidateSession(session.id);
    return null;
  }
  if (idleMs >= LAST_SEEN_WRITE_MS) {
    const lastSeenAt = new Date(now);
    await prisma.session.updateMany({ where: { id: hashToken(session.id) }, data: { lastSeenAt } });
    session.lastSeenAt = lastSeenAt;
  }
  // Lucia extends a session that is past half its life; the cookie must then be renewed too.
  const refreshedCookie = session.fresh ? lucia.createSessionCookie(session.id).serialize() : null;
  return { user, session, refreshedCookie };
}

const AUTH_MEMORY = "auth";

/** The signed-in user and session, validated once per request however many loaders ask. */
export function getAuth(request: Request): Promise<Auth> {
  return rememberForRequest(AUTH_MEMORY, () => validate(request));
}

/** The browser sent a session cookie (whether or not the session still works). */
export function sentSessionCookie(request: Request): boolean {
  return getLucia().readSessionCookie(request.headers.get("Cookie") ?? "") !== null;
}

export async function getUser(request: Request): Promise<User | null> {
  return (await getAuth(request))?.user ?? null;
}

/**
 * Starts a new session for the user and returns the Set-Cookie header. Any session the browser already
 * had is ended first, so a session id planted before login is never promoted (session fixation).
 */
export async function createUserSession(request: Request, userId: string): Promise<string> {
  forgetForRequest(AUTH_MEMORY);
  const lucia = getLucia();
  const previous = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (previous) await lucia.invalidateSession(previous);
  const userAgent = request.headers.get("User-Agent")?.slice(0, 500) ?? null;
  const session = await lucia.createSession(userId, { lastSeenAt: new Date(), userAgent });
  return lucia.createSessionCookie(session.id).serialize();
}

export async function logout(request: Request, redirectTo = "/inloggen") {
  forgetForRequest(AUTH_MEMORY);
  const lucia = getLucia();
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (sessionId) await lucia.invalidateSession(sessionId);
  return redirect(redirectTo, {
    headers: { "Set-Cookie": lucia.createBlankSessionCookie().serialize() },
  });
}

/** Ends every session of the user, on every device. */
export async function invalidateAllSessions(userId: string) {
  forgetForRequest(AUTH_MEMORY);
  await getLucia().invalidateUserSessions(userId);
}

export function blankSessionCookie(): string {
  return getLucia().createBlankSessionCookie().serialize();
}
