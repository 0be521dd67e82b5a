import { describe, expect, it } from "vitest";
import { createUser, DEMO_PASSWORD } from "../../prisma/factories.ts";
import { args, cookiePair, form, requestWithCookie } from "../../tests/support/requests.ts";
import { attemptLogin } from "~/auth/login.server.ts";
import { createUserSession, getUser } from "~/auth/session.server.ts";
import { action as accountAction } from "~/routes/_account+/account.tsx";
import { action as confirmAction } from "~/routes/_account+/e-mailadres-bevestigen.$token.tsx";
import { onDatabaseQuery, prisma } from "~/utils/db.server.ts";
import { checkEmailChange, confirmEmailChange, requestEmailChange } from "./email-change.server.ts";

const signIn = async (userId: string) => cookiePair(await createUserSession(requestWithCookie(null), userId));
const mailTo = (to: string) => prisma.emailMessage.findMany({ where: { to }, orderBy: { createdAt: "asc" } });
const tokenIn = (text: string) => /\/e-mailadres-bevestigen\/([\w-]+)/.exec(text)?.[1];

describe("changing one's e-mail address", () => {
  it("needs the current password", async () => {
    const user = await createUser(prisma, { email: "wachtwoord@gemeente.test" });
    expect(await requestEmailChange(user.id, { email: "nieuw-1@gemeente.test", currentPassword: "fout" })).toEqual({
      ok: false,
      reason: "password",
    });
    expect(await mailTo("nieuw-1@gemeente.test")).toHaveLength(0);
    expect(await prisma.emailChangeRequest.count({ where: { userId: user.id } })).toBe(0);
  });

  it("is confirmed through a link to the new address, announced to the old one, and ends the other sessions", async () => {
    const user = await createUser(prisma, { email: "oud@gemeente.test", name: "Olga Oud" });
    const elsewhere = await signIn(user.id);
    const here = await signIn(user.id);
    const answer = await requestEmailChange(user.id, { email: "Nieuw@Gemeente.test", currentPassword: DEMO_PASSWORD });
    expect(answer).toEqual({ ok: true, newEmail: "nieuw@gemeente.test" });
    // Nothing changes before the confirmation.
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe("oud@gemeente.test");

    const [confirmMail] = await mailTo("nieuw@gemeente.test");
    const token = tokenIn(confirmMail!.text)!;
    expect(token).toBeTruthy();
    const [notice] = await mailTo("oud@gemeente.test");
    expect(notice!.subject).toBe("Er is gevraagd je e-mailadres te wijzigen");
    expect(notice!.text).toContain("nieuw@gemeente.test");
    expect(notice!.text).not.toMatch(/https?:\/\//);
    // Only the hash of the token is stored.
    const stored = await prisma.emailChangeRequest.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).not.toContain(token);

    // Confirming in this browser: the address changes, every other session ends, this browser stays in.
    const response = (await confirmAction(
      args(requestWithCookie(here, `http://localhost/e-mailadres-bevestigen/${token}`, { method: "POST" }), { token }),
    )) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/account");
    const fresh = response.headers.getSetCookie().find((cookie) => cookie.startsWith("ln_session="))!;
    expect((await getUser(requestWithCookie(cookiePair(fresh))))?.id).toBe(user.id);
    expect(await getUser(requestWithCookie(elsewhere))).toBeNull();
    expect(await getUser(requestWithCookie(here))).toBeNull();
    expect((await attemptLogin("nieuw@gemeente.test", DEMO_PASSWORD)).ok).toBe(true);
    expect((await attemptLogin("oud@gemeente.test", DEMO_PASSWORD)).ok).toBe(false);
    expect(await prisma.auditLog.count({ where: { action: "user.email_change", entityId: user.id } })).toBe(1);

    // The link works once.
    expect((await confirmEmailChange(token)).status).toBe("used");
  });

  it("expires after 24 hours, and a newer request replaces an older one", async () => {
    const user = await createUser(prisma, { email: "traag@gemeente.test" });
    await requestEmailChange(user.id, { email: "eerste@gemeente.test", currentPassword: DEMO_PASSWORD });
    const first = tokenIn((await mailTo("eerste@gemeente.test"))[0]!.text)!;
    expect((await checkEmailChange(first, new Date(Date.now() + 25 * 60 * 60_000))).status).toBe("expired");
    await requestEmailChange(user.id, { email: "tweede@gemeente.test", currentPassword: DEMO_PASSWORD });
    expect((await confirmEmailChange(first)).status).toBe("used");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe("traag@gemeente.test");
  });
});

describe("the profile tells nothing about whether an address is taken", () => {
  async function ask(cookie: string, email: string) {
    const statements: string[] = [];
    const stop = onDatabaseQuery((sql) => statements.push(sql));
    try {
      const response = (await accountAction(
        args(
          requestWithCookie(
            cookie,
            "http://localhost/account",
            form({ intent: "email", email, emailChangePassword: DEMO_PASSWORD }),
          ),
        ),
      )) as Response;
      return { status: response.status, location: response.headers.get("Location"), statements };
    } finally {
      stop();
    }
  }

  it("answers the same with the same statements; only the taken address is told, without a link", async () => {
    await createUser(prisma, { email: "bezet@gemeente.test" });
    const asker = await createUser(prisma, { email: "vrager@gemeente.test" });
    const cookie = await signIn(asker.id);
    // Warm up once, so neither measured request pays for a first-time statement preparation.
    await ask(cookie, "opwarmen@gemeente.test");
    const taken = await ask(cookie, "bezet@gemeente.test");
    const free = await ask(cookie, "vrij@gemeente.test");
    expect(taken.status).toBe(302);
    expect({ status: taken.status, location: taken.location }).toEqual({
      status: free.status,
      location: free.location,
    });
    expect(taken.statements).toEqual(free.statements);

    const [toTaken] = await mailTo("bezet@gemeente.test");
    expect(toTaken!.subject).toBe("Je e-mailadres is niet gewijzigd");
    expect(toTaken!.text).toContain("Maar er is al een account met dit e-mailadres");
    expect(toTaken!.text).not.toMatch(/https?:\/\//);
    expect(tokenIn((await mailTo("vrij@gemeente.test"))[0]!.text)).toBeTruthy();
    expect((await prisma.user.findUniqueOrThrow({ where: { id: asker.id } })).email).toBe("vrager@gemeente.test");
  });
});
