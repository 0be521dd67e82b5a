import { describe, expect, it } from "vitest";
import { createUser, DEMO_PASSWORD } from "../../prisma/factories.ts";
import { cookiePair, requestWithCookie } from "../../tests/support/requests.ts";
import { attemptLogin } from "~/auth/login.server.ts";
import { createUserSession, getUser } from "~/auth/session.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { checkResetToken, requestPasswordReset, resetPassword } from "./password-reset.server.ts";

function tokenFrom(text: string) {
  const match = /\/wachtwoord-herstellen\/([\w-]+)/.exec(text);
  if (!match) throw new Error("no reset link in e-mail");
  return match[1]!;
}

describe("password reset", () => {
  it("mails a single-use link that sets a new password and ends all sessions", async () => {
    const user = await createUser(prisma, { email: "vergeten@gemeente.test", name: "Vera Vergeten" });
    const cookie = cookiePair(await createUserSession(requestWithCookie(null), user.id));
    await requestPasswordReset("Vergeten@gemeente.test");
    const email = await prisma.emailMessage.findFirstOrThrow({ where: { to: user.email, kind: "password-reset" } });
    expect(email.subject).toBe("Nieuw wachtwoord instellen");
    expect(email.text).toContain("Hallo Vera Vergeten");
    const token = tokenFrom(email.text);

    expect((await checkResetToken(token)).status).toBe("valid");
    expect((await resetPassword(token, "nieuw lang wachtwoord")).status).toBe("valid");
    expect((await attemptLogin(user.email, "nieuw lang wachtwoord")).ok).toBe(true);
    expect((await attemptLogin(user.email, DEMO_PASSWORD)).ok).toBe(false);
    expect(await getUser(requestWithCookie(cookie))).toBeNull();
    expect((await resetPassword(token, "nog een wachtwoord")).status).toBe("used");
  });

  it("expires after one hour", async () => {
    const user = await createUser(prisma, { email: "uur@gemeente.test" });
    await requestPasswordReset(user.email);
    const email = await prisma.emailMessage.findFirstOrThrow({ where: { to: user.email } });
    const token = tokenFrom(email.text);
    expect((await checkResetToken(token, new Date(Date.now() + 59 * 60_000))).status).toBe("valid");
    expect((await checkResetToken(token, new Date(Date.now() + 61 * 60_000))).status).toBe("expired");
  });

  it("sends nothing for an unknown address and says nothing about it", async () => {
    const before = await prisma.emailMessage.count();
    await expect(requestPasswordReset("niemand@gemeente.test")).resolves.toBeUndefined();
    expect(await prisma.emailMessage.count()).toBe(before);
    expect(await checkResetToken("onzin")).toEqual({ status: "unknown" });
  });
});
