// Two-factor sign-in on the database: set-up, codes once only, recovery codes once only, turning it off,
// the sign-in challenge (attempts, expiry) and the rule for staff when the deployment requires it.
import { generate } from "otplib";
import { afterEach, describe, expect, it } from "vitest";
import { createUser, DEMO_PASSWORD } from "../../prisma/factories.ts";
import { prisma } from "~/utils/db.server.ts";
import { DomainError } from "~/utils/domain-error.ts";
import { clearEnvCache, getEnv } from "~/utils/env.server.ts";
import { decryptSecret } from "./totp.server.ts";
import {
  answerLoginChallenge,
  confirmTwoFactorSetup,
  createLoginChallenge,
  disableTwoFactor,
  getTwoFactorStatus,
  MAX_CODE_ATTEMPTS,
  renewRecoveryCodes,
  startTwoFactorSetup,
  twoFactorRequiredFor,
  verifySecondFactor,
} from "./two-factor.server.ts";

// 10 seconds into a 30-second step; each test moves on by whole steps.
const T0 = new Date(1_900_000_000_000 - (1_900_000_000_000 % 30_000) + 10_000);
const at = (steps: number) => new Date(T0.getTime() + steps * 30_000);
const codeAt = (secret: string, when: Date) => generate({ secret, epoch: Math.floor(when.getTime() / 1000) });

async function secretOf(userId: string) {
  const row = await prisma.twoFactor.findUniqueOrThrow({ where: { userId } });
  return decryptSecret(row.secretEncrypted, getEnv().SESSION_SECRET)!;
}

/** A user with two-factor sign-in on (confirmed at step 0), their secret and recovery codes. */
async function userWithTwoFactor(role: "PARTICIPANT" | "FACILITATOR" | "COORDINATOR" = "PARTICIPANT") {
  const user = await createUser(prisma, { role });
  await startTwoFactorSetup(user.id);
  const secret = await secretOf(user.id);
  const recoveryCodes = await confirmTwoFactorSetup(user.id, await codeAt(secret, at(0)), at(0));
  return { user, secret, recoveryCodes };
}

async function refusal(run: () => Promise<unknown>): Promise<DomainError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a DomainError");
}

function requireTwoFactorForStaff(value: "required" | "optional") {
  process.env.STAFF_TWO_FACTOR = value;
  clearEnvCache();
}

afterEach(() => {
  delete process.env.STAFF_TWO_FACTOR;
  clearEnvCache();
});

describe("setting up two-factor sign-in", () => {
  it("keeps the secret encrypted, refuses a wrong code, and turns on with a right one: ten hashed recovery codes, audit-logged", async () => {
    const user = await createUser(prisma);
    expect(await getTwoFactorStatus(user)).toEqual({ state: "off" });
    await startTwoFactorSetup(user.id);
    const pending = await getTwoFactorStatus(user);
    expect(pending.state).toBe("pending");
    const secret = await secretOf(user.id);
    expect(pending.state === "pending" && pending.secret).toBe(secret);
    expect(pending.state === "pending" && pending.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    const row = await prisma.twoFactor.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row.secretEncrypted).not.toContain(secret);

    // Starting again keeps the same secret (a QR code already scanned stays good).
    await startTwoFactorSetup(user.id);
    expect(await secretOf(user.id)).toBe(secret);

    const wrong = await refusal(async () => confirmTwoFactorSetup(user.id, await codeAt(secret, at(-5)), at(0)));
    expect(wrong.field).toBe("code");
    expect((await prisma.twoFactor.findUniqueOrThrow({ where: { userId: user.id } })).enabledAt).toBeNull();
    expect((await refusal(() => confirmTwoFactorSetup(user.id, "12ab", at(0)))).field).toBe("code");

    const codes = await confirmTwoFactorSetup(user.id, await codeAt(secret, at(0)), at(0));
    expect(codes).toHaveLength(10);
    const stored = await prisma.twoFactorRecoveryCode.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(10);
    for (const code of codes) expect(stored.map((r) => r.codeHash).join()).not.toContain(code);
    const status = await getTwoFactorStatus(user);
    expect(status).toEqual({ state: "on", enabledAt: at(0), recoveryCodesLeft: 10 });
    expect(await prisma.auditLog.count({ where: { actorId: user.id, action: "two_factor.enable" } })).toBe(1);
    await expect(startTwoFactorSetup(user.id)).rejects.toThrow("Tweestapsverificatie staat al aan.");
  });
});

describe("codes at sign-in", () => {
  it("refuses the set-up code again (replay) and any code once a later one was used", async () => {
    const { user, secret } = await userWithTwoFactor();
    expect(await verifySecondFactor(user.id, await codeAt(secret, at(0)), at(0))).toMatchObject({ ok: false });
    expect(await verifySecondFactor(user.id, await codeAt(secret, at(1)), at(1))).toEqual({ ok: true, method: "app" });
    const replay = await verifySecondFactor(user.id, await codeAt(secret, at(1)), at(1));
    expect(replay).toEqual({ ok: false, message: expect.stringContaining("al gebruikt") });
    // The code of step 2, used at step 2; then step 1's code, still within the window at step 2, is refused.
    expect(await verifySecondFactor(user.id, await codeAt(secret, at(2)), at(2))).toMatchObject({ ok: true });
    expect(await verifySecondFactor(user.id, await codeAt(secret, at(1)), at(2))).toMatchObject({ ok: false });
  });

  it("refuses a wrong code and nonsense with a Dutch message, never throwing", async () => {
    const { user, secret } = await userWithTwoFactor();
    expect(await verifySecondFactor(user.id, await codeAt(secret, at(10)), at(1))).toEqual({
      ok: false,
      message: expect.stringContaining("klopt niet"),
    });
    expect(await verifySecondFactor(user.id, "<script>", at(1))).toEqual({
      ok: false,
      message: expect.stringContaining("6 cijfers"),
    });
  });

  it("accepts each recovery code once, audit-logged with the number left", async () => {
    const { user, recoveryCodes } = await userWithTwoFactor();
    const code = recoveryCodes[3]!;
    expect(await verifySecondFactor(user.id, ` ${code.toUpperCase()} `, at(1))).toEqual({
      ok: true,
      method: "recovery-code",
      recoveryCodesLeft: 9,
    });
    expect(await verifySecondFactor(user.id, code, at(2))).toMatchObject({ ok: false });
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { actorId: user.id, action: "two_factor.recovery_code_used" },
    });
    expect(audit.details).toEqual({ recoveryCodesLeft: 9 });
    // Another person's recovery code does not work.
    const other = await userWithTwoFactor();
    expect(await verifySecondFactor(user.id, other.recoveryCodes[0]!, at(1))).toMatchObject({ ok: false });
  });

  it("new recovery codes replace the old ones", async () => {
    const { user, secret, recoveryCodes } = await userWithTwoFactor();
    const fresh = await renewRecoveryCodes(user.id, await codeAt(secret, at(1)), at(1));
    expect(fresh).toHaveLength(10);
    expect(await verifySecondFactor(user.id, recoveryCodes[0]!, at(2))).toMatchObject({ ok: false });
    expect(await verifySecondFactor(user.id, fresh[0]!, at(2))).toMatchObject({ ok: true });
    expect((await refusal(() => renewRecoveryCodes(user.id, "000000", at(3)))).field).toBe("code");
  });
});

describe("turning two-factor sign-in off", () => {
  it("needs the right password and a right code; then the secret and codes are gone, audit-logged", async () => {
    const { user, secret } = await userWithTwoFactor();
    const code = await codeAt(secret, at(1));
    expect((await refusal(() => disableTwoFactor(user, { password: "fout", code }, at(1)))).field).toBe("password");
    expect(
      (await refusal(() => disableTwoFactor(user, { password: DEMO_PASSWORD, code: "123456" }, at(1)))).field,
    ).toBe("code");
    expect(await prisma.twoFactor.count({ where: { userId: user.id } })).toBe(1);
    await disableTwoFactor(user, { password: DEMO_PASSWORD, code }, at(1));
    expect(await prisma.twoFactor.count({ where: { userId: user.id } })).toBe(0);
    expect(await prisma.twoFactorRecoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { actorId: user.id, action: "two_factor.disable" } })).toBe(1);
  });

  it("is refused for coordinators and facilitators when the deployment requires it (not for participants)", async () => {
    requireTwoFactorForStaff("required");
    expect(twoFactorRequiredFor("COORDINATOR")).toBe(true);
    expect(twoFactorRequiredFor("FACILITATOR")).toBe(true);
    expect(twoFactorRequiredFor("PARTICIPANT")).toBe(false);
    const staff = await userWithTwoFactor("FACILITATOR");
    const refused = await refusal(() =>
      disableTwoFactor(staff.user, { password: DEMO_PASSWORD, code: staff.recoveryCodes[0]! }, at(1)),
    );
    expect(refused.message).toContain("verplicht");
    expect(await prisma.twoFactor.count({ where: { userId: staff.user.id } })).toBe(1);
    // The recovery code was not spent on the refusal.
    expect(await prisma.twoFactorRecoveryCode.count({ where: { userId: staff.user.id, usedAt: null } })).toBe(10);

    const participant = await userWithTwoFactor("PARTICIPANT");
    await disableTwoFactor(participant.user, { password: DEMO_PASSWORD, code: participant.recoveryCodes[0]! }, at(1));

    requireTwoFactorForStaff("optional");
    expect(twoFactorRequiredFor("COORDINATOR")).toBe(false);
    await disableTwoFactor(staff.user, { password: DEMO_PASSWORD, code: staff.recoveryCodes[0]! }, at(1));
  });
});

describe("the sign-in challenge", () => {
  it("lets the right code through once and returns where the user was going", async () => {
    const { user, secret } = await userWithTwoFactor();
    const token = await createLoginChallenge(user.id, "/journaal", at(1));
    expect(await prisma.twoFactorChallenge.findFirst({ where: { userId: user.id } })).not.toMatchObject({
      tokenHash: token,
    });
    expect(await answerLoginChallenge(token, await codeAt(secret, at(1)), at(1))).toEqual({
      ok: true,
      userId: user.id,
      redirectTo: "/journaal",
      recoveryCodesLeft: undefined,
    });
    expect(await answerLoginChallenge(token, await codeAt(secret, at(2)), at(2))).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("ends after five minutes", async () => {
    const { user, secret } = await userWithTwoFactor();
    const token = await createLoginChallenge(user.id, "/", at(1));
    const later = new Date(at(1).getTime() + 5 * 60_000 + 1000);
    expect(await answerLoginChallenge(token, await codeAt(secret, later), later)).toEqual({
      ok: false,
      reason: "expired",
    });
    expect(await answerLoginChallenge("no-such-token", "123456", at(1))).toEqual({ ok: false, reason: "expired" });
    expect(await answerLoginChallenge(null, "123456", at(1))).toEqual({ ok: false, reason: "expired" });
  });

  it("ends after a few wrong codes, which count as failed logins of the account", async () => {
    const { user, secret } = await userWithTwoFactor();
    const token = await createLoginChallenge(user.id, "/", at(1));
    for (let attempt = 1; attempt < MAX_CODE_ATTEMPTS; attempt++) {
      expect(await answerLoginChallenge(token, "000000", at(1))).toMatchObject({ ok: false, reason: "wrong" });
    }
    expect(await answerLoginChallenge(token, "000000", at(1))).toEqual({ ok: false, reason: "too-many" });
    // Even the right code does not open this challenge any more.
    expect(await answerLoginChallenge(token, await codeAt(secret, at(1)), at(1))).toMatchObject({ ok: false });
    expect(await prisma.loginAttempt.count({ where: { userId: user.id, succeeded: false } })).toBe(MAX_CODE_ATTEMPTS);
    // A new challenge (after the password again) is also refused while the account is throttled.
    const again = await createLoginChallenge(user.id, "/", at(1));
    expect(await answerLoginChallenge(again, await codeAt(secret, at(1)), at(1))).toEqual({
      ok: false,
      reason: "too-many",
    });
  });
});
