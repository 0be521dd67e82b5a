// Two-factor sign-in through the routes: the login page hands over to /inloggen/code without a session,
// the code step creates it, and staff who must set it up reach only the set-up page.
import { generate } from "otplib";
import { afterEach, describe, expect, it } from "vitest";
import { createUser, DEMO_PASSWORD } from "../../prisma/factories.ts";
import {
  args,
  cookiePair,
  dataOf,
  form,
  requestAs,
  requestWithCookie,
  statusOf,
  thrownResponse,
} from "../support/requests.ts";
import { requireUser } from "~/auth/guards.server.ts";
import { SESSION_COOKIE_NAME } from "~/auth/lucia.server.ts";
import { getUser } from "~/auth/session.server.ts";
import { decryptSecret } from "~/auth/totp.server.ts";
import { confirmTwoFactorSetup, startTwoFactorSetup } from "~/auth/two-factor.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { clearEnvCache, getEnv } from "~/utils/env.server.ts";
import { action as loginAction } from "~/routes/_account+/inloggen.tsx";
import { action as codeAction, loader as codeLoader } from "~/routes/_account+/inloggen_.code.tsx";
import { action as setupAction, loader as setupLoader } from "~/routes/_account+/account_.tweestapsverificatie.tsx";
import { loader as accountLoader } from "~/routes/_account+/account.tsx";

const PAGE = "http://localhost/account/tweestapsverificatie";
const codeNow = (secret: string, offsetSeconds = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });

async function secretOf(userId: string) {
  const row = await prisma.twoFactor.findUniqueOrThrow({ where: { userId } });
  return decryptSecret(row.secretEncrypted, getEnv().SESSION_SECRET)!;
}

/** Sets up two-factor sign-in with the code of the previous step, so the current and next ones stay usable. */
async function withTwoFactor(user: { id: string }) {
  await startTwoFactorSetup(user.id);
  const secret = await secretOf(user.id);
  const codes = await confirmTwoFactorSetup(user.id, await codeNow(secret, -30));
  return { secret, codes };
}

function setCookies(response: Response): string[] {
  return response.headers.getSetCookie();
}

async function postLogin(email: string, password = DEMO_PASSWORD, redirectTo = "") {
  const response = (await loginAction(
    args(requestWithCookie(null, "http://localhost/inloggen", form({ email, password, redirectTo }))),
  )) as Response;
  return response;
}

afterEach(() => {
  delete process.env.STAFF_TWO_FACTOR;
  clearEnvCache();
});

describe("signing in with two-factor sign-in on", () => {
  it("the right password leads to /inloggen/code without a session; the right code then signs in", async () => {
    const user = await createUser(prisma);
    const { secret } = await withTwoFactor(user);

    const afterPassword = await postLogin(user.email, DEMO_PASSWORD, "/journaal");
    expect(afterPassword.status).toBe(302);
    expect(afterPassword.headers.get("Location")).toBe("/inloggen/code");
    const cookies = setCookies(afterPassword);
    expect(cookies.some((c) => c.startsWith(`${SESSION_COOKIE_NAME}=`))).toBe(false);
    const challengeCookie = cookies.find((c) => c.startsWith("ln_2fa="))!;
    expect(challengeCookie).toMatch(/HttpOnly/i);
    expect(challengeCookie).toMatch(/Max-Age=300/i);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);

    const challenge = cookiePair(challengeCookie);
    expect(await codeLoader(args(requestWithCookie(challenge, "http://localhost/inloggen/code")))).toBeNull();

    const wrong = await codeAction(
      args(requestWithCookie(challenge, "http://localhost/inloggen/code", form({ code: "000000" }))),
    );
    expect(statusOf(wrong)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string[]> }>(wrong).fieldErrors.code?.[0]).toContain("klopt niet");
    expect(dataOf<{ values: Record<string, string> }>(wrong).values.code).toBeUndefined();
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);

    const right = (await codeAction(
      args(requestWithCookie(challenge, "http://localhost/inloggen/code", form({ code: await codeNow(secret) }))),
    )) as Response;
    expect(right.status).toBe(302);
    expect(right.headers.get("Location")).toBe("/journaal");
    const after = setCookies(right);
    expect(after.some((c) => c.startsWith(`${SESSION_COOKIE_NAME}=`))).toBe(true);
    expect(after.some((c) => /^ln_2fa=;/.test(c) && /Max-Age=0/i.test(c))).toBe(true);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("a recovery code signs in once and says how many are left", async () => {
    const user = await createUser(prisma);
    const { codes } = await withTwoFactor(user);
    const challenge = cookiePair(setCookies(await postLogin(user.email)).find((c) => c.startsWith("ln_2fa="))!);
    const response = (await codeAction(
      args(requestWithCookie(challenge, "http://localhost/inloggen/code", form({ code: codes[0]! }))),
    )) as Response;
    expect(response.status).toBe(302);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);

    const second = cookiePair(setCookies(await postLogin(user.email)).find((c) => c.startsWith("ln_2fa="))!);
    const reused = await codeAction(
      args(requestWithCookie(second, "http://localhost/inloggen/code", form({ code: codes[0]! }))),
    );
    expect(statusOf(reused)).toBe(400);
  });

  it("without the cookie of the password step, the code page sends back to /inloggen", async () => {
    const loader = await thrownResponse(() =>
      codeLoader(args(requestWithCookie(null, "http://localhost/inloggen/code"))),
    );
    expect(loader?.status).toBe(302);
    expect(loader?.headers.get("Location")).toBe("/inloggen");
    const post = (await codeAction(
      args(requestWithCookie("ln_2fa=forged", "http://localhost/inloggen/code", form({ code: "123456" }))),
    )) as Response;
    expect(post.status).toBe(302);
    expect(post.headers.get("Location")).toBe("/inloggen");
  });

  it("without two-factor sign-in the password alone still signs in", async () => {
    const user = await createUser(prisma);
    const response = await postLogin(user.email, DEMO_PASSWORD, "/leren");
    expect(response.headers.get("Location")).toBe("/leren");
    expect(setCookies(response).some((c) => c.startsWith(`${SESSION_COOKIE_NAME}=`))).toBe(true);
  });
});

describe("the set-up page", () => {
  it("sets up with a code, shows the recovery codes once, and the account page says it is on", async () => {
    const user = await createUser(prisma);
    const start = (await setupAction(args(await requestAs(user.id, PAGE, form({ intent: "start" }))))) as Response;
    expect(start.status).toBe(302);
    const page = await setupLoader(args(await requestAs(user.id, PAGE)));
    expect(page.status.state).toBe("pending");
    const secret = page.status.state === "pending" ? page.status.secret : "";

    const wrong = await setupAction(args(await requestAs(user.id, PAGE, form({ intent: "confirm", code: "12" }))));
    expect(statusOf(wrong)).toBe(400);
    const elsewhere = await requestAs(user.id, "http://localhost/account");
    const confirmed = await setupAction(
      args(await requestAs(user.id, PAGE, form({ intent: "confirm", code: await codeNow(secret) }))),
    );
    expect(dataOf(confirmed)).toMatchObject({ status: "codes", reason: "enabled" });
    expect(dataOf<{ codes: string[] }>(confirmed).codes).toHaveLength(10);
    // Sessions made with the password alone end; this browser gets a fresh session.
    expect(await getUser(requestWithCookie(elsewhere.headers.get("Cookie")))).toBeNull();
    const fresh = (confirmed as unknown as { init: { headers: Record<string, string> } }).init.headers["Set-Cookie"]!;
    const account = await accountLoader(args(requestWithCookie(cookiePair(fresh), "http://localhost/account")));
    expect(account.twoFactorEnabled).toBe(true);
  });

  it("refuses to turn it off for staff when required, with the form's answer (400), not an error", async () => {
    process.env.STAFF_TWO_FACTOR = "required";
    clearEnvCache();
    const coordinator = await createUser(prisma, { role: "COORDINATOR" });
    const { codes } = await withTwoFactor(coordinator);
    const refused = await setupAction(
      args(
        await requestAs(coordinator.id, PAGE, form({ intent: "disable", password: DEMO_PASSWORD, code: codes[0]! })),
      ),
    );
    expect(statusOf(refused)).toBe(400);
    expect(dataOf<{ formError: string }>(refused).formError).toContain("verplicht");
    expect(await prisma.twoFactor.count({ where: { userId: coordinator.id } })).toBe(1);
  });
});

describe("required for staff (STAFF_TWO_FACTOR=required)", () => {
  it("keeps a coordinator or facilitator without it on the set-up page until it is done; participants pass", async () => {
    process.env.STAFF_TWO_FACTOR = "required";
    clearEnvCache();
    const facilitator = await createUser(prisma, { role: "FACILITATOR" });
    const participant = await createUser(prisma);

    // Signing in with the password works; every other page then sends to the set-up page.
    const login = await postLogin(facilitator.email);
    const session = cookiePair(setCookies(login).find((c) => c.startsWith(`${SESSION_COOKIE_NAME}=`))!);
    const gated = await thrownResponse(() => requireUser(requestWithCookie(session, "http://localhost/")));
    expect(gated?.status).toBe(302);
    expect(gated?.headers.get("Location")).toBe("/account/tweestapsverificatie");
    const account = await thrownResponse(() =>
      accountLoader(args(requestWithCookie(session, "http://localhost/account"))),
    );
    expect(account?.headers.get("Location")).toBe("/account/tweestapsverificatie");
    const page = await setupLoader(args(requestWithCookie(session, PAGE)));
    expect(page.required).toBe(true);

    expect((await requireUser(await requestAs(participant.id))).id).toBe(participant.id);

    await setupAction(args(requestWithCookie(session, PAGE, form({ intent: "start" }))));
    const secret = await secretOf(facilitator.id);
    const confirmed = await setupAction(
      args(requestWithCookie(session, PAGE, form({ intent: "confirm", code: await codeNow(secret) }))),
    );
    const fresh = (confirmed as unknown as { init: { headers: Record<string, string> } }).init.headers["Set-Cookie"]!;
    expect((await requireUser(requestWithCookie(cookiePair(fresh), "http://localhost/"))).id).toBe(facilitator.id);
  });

  it("does not apply when the setting is optional", async () => {
    process.env.STAFF_TWO_FACTOR = "optional";
    clearEnvCache();
    const coordinator = await createUser(prisma, { role: "COORDINATOR" });
    expect((await requireUser(await requestAs(coordinator.id))).id).toBe(coordinator.id);
  });
});
