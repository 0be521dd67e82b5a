// The session layer: who is signed in, signing in (with rotation), signing out (here or everywhere).
import type { Session, User } from "lucia";
import { redirect } from "@remix-run/node";
import { forgetForRequest, rememberForRequest } from "~/utils/request-context.server.ts";
import { getLucia } from "./lucia.server.ts";

export type AuthUser = User;

type Auth = { user: User; session: Session; refreshedCookie: string | null } | null;

async function validate(request: Request): Promise<Auth> {
  const lucia = getLucia();
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (!sessionId) return null;
  const { session, user } = await lucia.validateSession(sessionId);
  if (!session || !user) return null;
  // Lucia extends a session that is past half its life; the cookie must then be renewed too.
  const refreshedCookie = session.fresh ? lucia.createSessionCookie(session.id).serialize() : null;
  return { user, session, refreshedCookie };
}

const AUTH_MEMORY = "auth";

/** The signed-in user and session, validated once per request however many loaders ask. */
export function getAuth(request: Request): Promise<Auth> {
  return rememberForRequest(AUTH_MEMORY, () => validate(request));
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
  const session = await lucia.createSession(userId, {});
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
