// The pure parts of two-factor sign-in: TOTP codes (RFC 6238, through otplib), the QR code (qrcode), the
// encryption of the secret at rest and the recovery codes. No database here (that is two-factor.server.ts),
// so every rule is unit-tested with a fixed clock (totp.server.test.ts).
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, randomInt } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";

export const TOTP_PERIOD_SECONDS = 30;
/** Codes of the previous and the next 30-second step are accepted too (a clock a little off, typing time). */
export const TOTP_TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;
export const TOTP_ISSUER = "Leernetwerk";

export function newTotpSecret(): string {
  // 20 random bytes (160 bits, RFC 4226's recommendation), Base32 as authenticator apps expect.
  return generateSecret();
}

/** The secret in groups of four, easier to type into an app by hand. */
export function formatSecretForTyping(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}

/** What a user types as a code: spaces and dashes are ignored. */
export function normalizeTotpCode(input: string): string {
  return input.replace(/[\s-]/g, "");
}

export function looksLikeTotpCode(input: string): boolean {
  return /^\d{6}$/.test(normalizeTotpCode(input));
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: "format" | "wrong" | "replay" };

/**
 * Checks a 6-digit code against the secret at `now`, allowing one step either side. A code of a step at or
 * before `lastUsedStep` is refused as a replay: each code works once, and after a code no older one works.
 */
export async function checkTotp(
  secret: string,
  input: string,
  options: { lastUsedStep: number | null; now?: Date },
): Promise<TotpCheck> {
  const token = normalizeTotpCode(input);
  if (!/^\d{6}$/.test(token)) return { ok: false, reason: "format" };
  const epoch = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const result = await verify({ secret, token, epoch, epochTolerance: TOTP_TOLERANCE_SECONDS });
  // (otplib's result type covers HOTP too; a TOTP check always names its time step.)
  if (!result.valid || !("timeStep" in result)) return { ok: false, reason: "wrong" };
  if (options.lastUsedStep !== null && result.timeStep <= options.lastUsedStep) return { ok: false, reason: "replay" };
  return { ok: true, step: result.timeStep };
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpUri(secret: string, accountName: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: accountName, secret });
}

/** The QR code as an SVG data: URL (the CSP allows data: images; no inline script or style needed). */
export async function qrCodeDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

// ---------------------------------------------------------------------------------------------------------
// The secret at rest: AES-256-GCM with a key derived from SESSION_SECRET (HKDF-SHA256). A database dump
// alone does not reveal the secrets. Rotating SESSION_SECRET makes them unreadable: people then set up
// two-factor sign-in again (see README).

const FORMAT = "v1";

function secretKey(sessionSecret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", sessionSecret, "leernetwerk", "two-factor-secret", 32));
}

export function encryptSecret(secret: string, sessionSecret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", secretKey(sessionSecret), iv);
  const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [FORMAT, iv, tag, ciphertext]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/** The secret, or null when it cannot be read (another SESSION_SECRET, or altered). */
export function decryptSecret(payload: string, sessionSecret: string): string | null {
  const [format, iv, tag, ciphertext] = payload.split(".");
  if (format !== FORMAT || !iv || !tag || !ciphertext) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", secretKey(sessionSecret), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Recovery codes: ten per person, each usable once. 10 characters from a 32-letter alphabet without look-
// alikes (50 random bits), shown as "xxxxx-xxxxx". Random enough that a plain SHA-256 is a safe hash.

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"; // no 0/o, 1/l/i

export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** What a user types as a recovery code: case, spaces and dashes do not matter. */
export function normalizeRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]/g, "");
}

export function looksLikeRecoveryCode(input: string): boolean {
  const normalized = normalizeRecoveryCode(input);
  return normalized.length === 10 && [...normalized].every((char) => ALPHABET.includes(char));
}

export function hashRecoveryCode(input: string): string {
  return createHash("sha256").update(normalizeRecoveryCode(input)).digest("hex");
}
