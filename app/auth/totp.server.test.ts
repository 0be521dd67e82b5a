import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import {
  checkTotp,
  decryptSecret,
  encryptSecret,
  formatSecretForTyping,
  generateRecoveryCodes,
  hashRecoveryCode,
  looksLikeRecoveryCode,
  newTotpSecret,
  qrCodeDataUrl,
  totpUri,
} from "./totp.server.ts";

const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
// A moment 10 seconds into a 30-second step.
const NOW = new Date(1_800_000_010_000);
const STEP = Math.floor(NOW.getTime() / 30_000);
const codeAt = (seconds: number) => generate({ secret: SECRET, epoch: Math.floor(NOW.getTime() / 1000) + seconds });

describe("checkTotp: the window", () => {
  it("accepts the code of now and of one step either side, with the step it belongs to", async () => {
    expect(await checkTotp(SECRET, await codeAt(0), { lastUsedStep: null, now: NOW })).toEqual({
      ok: true,
      step: STEP,
    });
    expect(await checkTotp(SECRET, await codeAt(-30), { lastUsedStep: null, now: NOW })).toEqual({
      ok: true,
      step: STEP - 1,
    });
    expect(await checkTotp(SECRET, await codeAt(30), { lastUsedStep: null, now: NOW })).toEqual({
      ok: true,
      step: STEP + 1,
    });
  });

  it("refuses a code two steps away (a minute old or ahead)", async () => {
    expect(await checkTotp(SECRET, await codeAt(-60), { lastUsedStep: null, now: NOW })).toEqual({
      ok: false,
      reason: "wrong",
    });
    expect(await checkTotp(SECRET, await codeAt(60), { lastUsedStep: null, now: NOW })).toEqual({
      ok: false,
      reason: "wrong",
    });
  });

  it("ignores spaces and refuses what is not six digits, without throwing", async () => {
    const code = await codeAt(0);
    expect(await checkTotp(SECRET, ` ${code.slice(0, 3)} ${code.slice(3)} `, { lastUsedStep: null, now: NOW })).toEqual(
      { ok: true, step: STEP },
    );
    for (const input of ["", "12345", "1234567", "abcdef", "12 34 5x"]) {
      expect(await checkTotp(SECRET, input, { lastUsedStep: null, now: NOW })).toEqual({ ok: false, reason: "format" });
    }
  });

  it("refuses the wrong secret's code", async () => {
    const other = await generate({ secret: newTotpSecret(), epoch: Math.floor(NOW.getTime() / 1000) });
    const result = await checkTotp(SECRET, other, { lastUsedStep: null, now: NOW });
    // One in a million it is the same code by chance.
    if (other !== (await codeAt(0))) expect(result).toEqual({ ok: false, reason: "wrong" });
  });
});

describe("checkTotp: no replay", () => {
  it("refuses the code of a step already used, and of any earlier step", async () => {
    expect(await checkTotp(SECRET, await codeAt(0), { lastUsedStep: STEP, now: NOW })).toEqual({
      ok: false,
      reason: "replay",
    });
    expect(await checkTotp(SECRET, await codeAt(-30), { lastUsedStep: STEP, now: NOW })).toEqual({
      ok: false,
      reason: "replay",
    });
  });

  it("accepts the next step's code after a used one", async () => {
    expect(await checkTotp(SECRET, await codeAt(30), { lastUsedStep: STEP, now: NOW })).toEqual({
      ok: true,
      step: STEP + 1,
    });
  });
});

describe("the secret at rest", () => {
  const key = "a-session-secret-of-at-least-32-characters";

  it("encrypts with a fresh nonce each time and decrypts with the same SESSION_SECRET only", () => {
    const first = encryptSecret(SECRET, key);
    const second = encryptSecret(SECRET, key);
    expect(first).not.toContain(SECRET);
    expect(first).not.toBe(second);
    expect(decryptSecret(first, key)).toBe(SECRET);
    expect(decryptSecret(first, `${key}-rotated`)).toBeNull();
  });

  it("refuses an altered or malformed value (null, never a throw)", () => {
    const sealed = encryptSecret(SECRET, key);
    const parts = sealed.split(".");
    const flipped = parts[3]!.startsWith("A") ? `B${parts[3]!.slice(1)}` : `A${parts[3]!.slice(1)}`;
    expect(decryptSecret([parts[0], parts[1], parts[2], flipped].join("."), key)).toBeNull();
    expect(decryptSecret("not-encrypted", key)).toBeNull();
    expect(decryptSecret("", key)).toBeNull();
  });
});

describe("set-up details", () => {
  it("makes a Base32 secret of 160 bits, shown in groups of four", () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(formatSecretForTyping(SECRET)).toBe("JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP");
  });

  it("gives an otpauth address with the issuer and the account, and an SVG QR code as a data: URL", async () => {
    const uri = totpUri(SECRET, "sanne@leernetwerk.test");
    expect(uri).toMatch(/^otpauth:\/\/totp\/Leernetwerk:sanne%40leernetwerk\.test\?/);
    expect(uri).toContain(`secret=${SECRET}`);
    expect(uri).toContain("issuer=Leernetwerk");
    const image = await qrCodeDataUrl(uri);
    expect(image.startsWith("data:image/svg+xml;base64,")).toBe(true);
    expect(Buffer.from(image.split(",")[1]!, "base64").toString()).toContain("<svg");
  });
});

describe("recovery codes", () => {
  it("makes ten different codes of 10 characters without look-alikes", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(/^[2-9a-hjkmnp-z]{5}-[2-9a-hjkmnp-z]{5}$/);
      expect(looksLikeRecoveryCode(code)).toBe(true);
    }
  });

  it("hashes what was typed the same, whatever the case, spaces or dashes", () => {
    expect(hashRecoveryCode("abcde-23456")).toBe(hashRecoveryCode(" ABCDE 23456 "));
    expect(hashRecoveryCode("abcde-23456")).toMatch(/^[0-9a-f]{64}$/);
    expect(looksLikeRecoveryCode("123456")).toBe(false);
    expect(looksLikeRecoveryCode("abcde-2345o")).toBe(false);
  });
});
