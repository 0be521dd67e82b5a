import { describe, expect, it } from "vitest";
import { createUser } from "../../prisma/factories.ts";
import { cookiePair, requestWithCookie } from "../../tests/support/requests.ts";
import { prisma } from "~/utils/db.server.ts";
import { runWithRequestMemory } from "~/utils/request-context.server.ts";
import { getLucia, SESSION_COOKIE_NAME } from "./lucia.server.ts";
import { createUserSession, getAuth, getUser, invalidateAllSessions, logout } from "./session.server.ts";
import { hashToken } from "./tokens.server.ts";

async function signIn(userId: string, previousCookie: string | null = null) {
  const setCookie = await createUserSession(requestWithCookie(previousCookie), userId);
  return cookiePair(setCookie);
}

describe("sessions", () => {
  it("sets a secure-by-default cookie: HttpOnly, SameSite=Lax, path /", async () => {
    const user = await createUser(prisma);
    const setCookie = await createUserSession(requestWithCookie(null), user.id);
    expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE_NAME}=`));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//i);
  });

  it("stores only a hash of the token", async () => {
    const user = await createUser(prisma);
    const cookie = await signIn(user.id);
    const token = cookie.split("=")[1]!;
    const rows = await prisma.session.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toBe(hashToken(token));
    expect(rows[0]!.id).not.toContain(token);
    expect((await getUser(requestWithCookie(cookie)))?.id).toBe(user.id);
  });

  it("rejects an unknown or tampered token", async () => {
    expect(await getUser(requestWithCookie(`${SESSION_COOKIE_NAME}=nonsense`))).toBeNull();
    expect(await getUser(requestWithCookie(null))).toBeNull();
  });

  it("expires sessions", async () => {
    const user = await createUser(prisma);
    const cookie = await signIn(user.id);
    await prisma.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await getUser(requestWithCookie(cookie))).toBeNull();
    // Lucia removes the expired session when it meets it.
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("extends a session past half its life and renews the cookie", async () => {
    const user = await createUser(prisma);
    const cookie = await signIn(user.id);
    const soon = new Date(Date.now() + 2 * 24 * 60 * 60_000);
    await prisma.session.updateMany({ where: { userId: user.id }, data: { expiresAt: soon } });
    const auth = await getAuth(requestWithCookie(cookie));
    expect(auth?.refreshedCookie).toMatch(new RegExp(`^${SESSION_COOKIE_NAME}=`));
    const row = await prisma.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.expiresAt.getTime()).toBeGreaterThan(soon.getTime() + 20 * 24 * 60 * 60_000);
  });

  it("rotates on login: the session the browser had before is ended", async () => {
    const user = await createUser(prisma);
    const before = await signIn(user.id);
    const after = await signIn(user.id, before);
    expect(after).not.toBe(before);
    expect(await getUser(requestWithCookie(before))).toBeNull();
    expect((await getUser(requestWithCookie(after)))?.id).toBe(user.id);
  });

  it("logs out one session and clears the cookie", async () => {
    const user = await createUser(prisma);
    const here = await signIn(user.id);
    const elsewhere = await signIn(user.id);
    const response = await logout(requestWithCookie(here));
    expect(response.status).toBe(302);
    expect(response.headers.get("Set-Cookie")).toMatch(/Max-Age=0/i);
    expect(await getUser(requestWithCookie(here))).toBeNull();
    expect((await getUser(requestWithCookie(elsewhere)))?.id).toBe(user.id);
  });

  it("logs out everywhere", async () => {
    const user = await createUser(prisma);
    const other = await createUser(prisma);
    const a = await signIn(user.id);
    const b = await signIn(user.id);
    const keep = await signIn(other.id);
    await invalidateAllSessions(user.id);
    expect(await getUser(requestWithCookie(a))).toBeNull();
    expect(await getUser(requestWithCookie(b))).toBeNull();
    expect((await getUser(requestWithCookie(keep)))?.id).toBe(other.id);
  });

  it("validates the session once per request, and forgets it when the session changes", async () => {
    const user = await createUser(prisma);
    const cookie = await signIn(user.id);
    await runWithRequestMemory(async () => {
      // Remix gives every loader its own copy of the Request: the memory must not depend on it.
      const first = getAuth(requestWithCookie(cookie));
      const second = getAuth(requestWithCookie(cookie));
      expect(second).toBe(first);
      expect((await first)?.user.id).toBe(user.id);
      await logout(requestWithCookie(cookie));
      expect(await getAuth(requestWithCookie(cookie))).toBeNull();
    });
    // Outside a request nothing is cached.
    expect(getAuth(requestWithCookie(cookie))).not.toBe(getAuth(requestWithCookie(cookie)));
  });

  it("cleans up expired sessions in bulk", async () => {
    const user = await createUser(prisma);
    await signIn(user.id);
    await prisma.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(0) } });
    await getLucia().deleteExpiredSessions();
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });
});
