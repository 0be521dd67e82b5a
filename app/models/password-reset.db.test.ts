import { afterAll, describe, expect, it } from "vitest";
import { createUser, DEMO_PASSWORD } from "../../prisma/factories.ts";
import { args, cookiePair, form, requestWithCookie } from "../../tests/support/requests.ts";
import { attemptLogin } from "~/auth/login.server.ts";
import { createUserSession, getUser } from "~/auth/session.server.ts";
import { action as forgotPasswordAction } from "~/routes/_account+/wachtwoord-vergeten.tsx";
import { onDatabaseQuery, prisma } from "~/utils/db.server.ts";
import { inProcessIdle, registerJobs, startInProcessJobs, stopJobs } from "../../jobs/engine.ts";
import { allJobs } from "../../jobs/registry.ts";
import { checkResetToken, sendPasswordResetLink, resetPassword } from "./password-reset.server.ts";

function tokenFrom(text: string) {
  const match = /\/wachtwoord-herstellen\/([\w-]+)/.exec(text);
  if (!match) throw new Error("no reset link in e-mail");
  return match[1]!;
}

describe("password reset", () => {
  it("mails a single-use link that sets a new password and ends all sessions", async () => {
    const user = await createUser(prisma, { email: "vergeten@gemeente.test", name: "Vera Vergeten" });
    const cookie = cookiePair(await createUserSession(requestWithCookie(null), user.id));
    await sendPasswordResetLink("Vergeten@gemeente.test");
    const email = await prisma.emailMessage.findFirstOrThrow({ where: { to: user.email, kind: "password-reset" } });
    expect(email.subject).toBe("Nieuw wachtwoord instellen");
    expect(email.text).toContain("Hallo Vera Vergeten");
    const token = tokenFrom(email.text);
    // The request is audited, without the token.
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: "password_reset.requested", entityId: user.id },
    });
    expect(JSON.stringify(audit.details)).not.toContain(token);

    expect((await checkResetToken(token)).status).toBe("valid");
    expect((await resetPassword(token, "nieuw lang wachtwoord")).status).toBe("valid");
    expect((await attemptLogin(user.email, "nieuw lang wachtwoord")).ok).toBe(true);
    expect((await attemptLogin(user.email, DEMO_PASSWORD)).ok).toBe(false);
    expect(await getUser(requestWithCookie(cookie))).toBeNull();
    expect((await resetPassword(token, "nog een wachtwoord")).status).toBe("used");
  });

  it("expires after one hour", async () => {
    const user = await createUser(prisma, { email: "uur@gemeente.test" });
    await sendPasswordResetLink(user.email);
    const email = await prisma.emailMessage.findFirstOrThrow({ where: { to: user.email } });
    const token = tokenFrom(email.text);
    expect((await checkResetToken(token, new Date(Date.now() + 59 * 60_000))).status).toBe("valid");
    expect((await checkResetToken(token, new Date(Date.now() + 61 * 60_000))).status).toBe("expired");
  });

  it("sends nothing for an unknown address and says nothing about it", async () => {
    const before = await prisma.emailMessage.count();
    await expect(sendPasswordResetLink("niemand@gemeente.test")).resolves.toBeUndefined();
    expect(await prisma.emailMessage.count()).toBe(before);
    expect(await checkResetToken("onzin")).toEqual({ status: "unknown" });
  });
});

describe("asking for a reset link tells nothing about the address", () => {
  afterAll(() => stopJobs());

  /** The form's answer and the statements the request itself sends. */
  async function ask(email: string) {
    const statements: string[] = [];
    const stop = onDatabaseQuery((sql) => statements.push(sql));
    const started = performance.now();
    const answer = await forgotPasswordAction(
      args(requestWithCookie(null, "http://localhost/wachtwoord-vergeten", form({ email }))),
    );
    const ms = performance.now() - started;
    stop();
    return { answer, statements, ms };
  }

  it("answers the same with the same work for a known and an unknown address; the job sends the link", async () => {
    registerJobs(allJobs);
    await startInProcessJobs({ timers: false });
    await createUser(prisma, { email: "bestaat@gemeente.test" });
    // Each job runs after its request (in-process): wait for it, so its statements are not counted in the
    // next request.
    const known = await ask("bestaat@gemeente.test");
    await inProcessIdle();
    const unknown = await ask("bestaat-niet@gemeente.test");
    expect(JSON.stringify(known.answer).replace("bestaat@", "X@")).toBe(
      JSON.stringify(unknown.answer).replace("bestaat-niet@", "X@"),
    );
    // The request only counts the per-address limit and hands the address to the job: the same statements
    // either way, none of them reading the accounts (no lookup, no hashing, no token in the request).
    expect(known.statements).toEqual(unknown.statements);
    expect(known.statements.length).toBeLessThanOrEqual(1);
    for (const sql of known.statements) expect(sql).toMatch(/"RateLimitCounter"/);
    expect(known.statements.join(" ")).not.toMatch(/"User"|"PasswordResetToken"/);
    // No password hashing or mail in the request: it is quick either way.
    expect(known.ms).toBeLessThan(250);
    await inProcessIdle();
    expect(await prisma.emailMessage.count({ where: { to: "bestaat@gemeente.test", kind: "password-reset" } })).toBe(1);
    expect(await prisma.emailMessage.count({ where: { to: "bestaat-niet@gemeente.test" } })).toBe(0);
  });
});
