// Two-factor sign-in (TOTP) per person: set-up, the second step of signing in, recovery codes, turning it
// off, and whether the deployment requires it for staff (STAFF_TWO_FACTOR). The pure rules (codes, QR,
// encryption) are in totp.server.ts. Every change is in the audit log.
import { createCookie } from "@remix-run/node";
import type { Role } from "~/generated/prisma/client.ts";
import { recordAudit } from "~/models/audit.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { DomainError } from "~/utils/domain-error.ts";
import { getEnv } from "~/utils/env.server.ts";
import { LOGIN_WINDOW_MINUTES, MAX_FAILED_LOGINS } from "./login.server.ts";
import { verifyPassword } from "./password.server.ts";
import { generateToken, hashToken } from "./tokens.server.ts";
import {
  checkTotp,
  decryptSecret,
  encryptSecret,
  formatSecretForTyping,
  generateRecoveryCodes,
  hashRecoveryCode,
  looksLikeRecoveryCode,
  looksLikeTotpCode,
  newTotpSecret,
  qrCodeDataUrl,
  totpUri,
} from "./totp.server.ts";

const STAFF_ROLES: readonly Role[] = ["COORDINATOR", "FACILITATOR"];

/** Whether this deployment requires two-factor sign-in of someone with this role. */
export function twoFactorRequiredFor(role: Role): boolean {
  return getEnv().STAFF_TWO_FACTOR === "required" && STAFF_ROLES.includes(role);
}

export const WRONG_CODE =
  "Deze code klopt niet. Kijk in je app en typ de code die nu staat, of gebruik een herstelcode.";
const REPLAYED_CODE = "Deze code is al gebruikt. Wacht tot je app een nieuwe code laat zien en typ die.";
const CODE_FORMAT = "Typ de 6 cijfers uit je app, of een herstelcode (10 tekens, zoals abcde-23456).";
const UNREADABLE_SECRET =
  "Je tweestapsverificatie kan niet meer worden gecontroleerd. Neem contact op met de beheerder van Leernetwerk.";

function secretOf(row: { secretEncrypted: string }): string {
  const secret = decryptSecret(row.secretEncrypted, getEnv().SESSION_SECRET);
  // Only after SESSION_SECRET changed: a refusal with a way forward, not a 500.
  if (!secret) throw new DomainError(UNREADABLE_SECRET, "code");
  return secret;
}

export type TwoFactorStatus =
  | { state: "off" }
  | { state: "pending"; secret: string; secretForTyping: string; qrCode: string }
  | { state: "on"; enabledAt: Date; recoveryCodesLeft: number };

/** What the set-up page shows: off, halfway set up (with the QR code and the secret), or on. */
export async function getTwoFactorStatus(user: { id: string; email: string }): Promise<TwoFactorStatus> {
  const row = await prisma.twoFactor.findUnique({
    where: { userId: user.id },
    select: {
      secretEncrypted: true,
      enabledAt: true,
      user: { select: { _count: { select: { twoFactorRecoveryCodes: { where: { usedAt: null } } } } } },
    },
  });
  if (!row) return { state: "off" };
  if (row.enabledAt) {
    return { state: "on", enabledAt: row.enabledAt, recoveryCodesLeft: row.user._count.twoFactorRecoveryCodes };
  }
  const secret = decryptSecret(row.secretEncrypted, getEnv().SESSION_SECRET);
  if (!secret) {
    // A half-finished set-up from before a SESSION_SECRET change: start it over.
    await prisma.twoFactor.delete({ where: { userId: user.id } });
    return { state: "off" };
  }
  return {
    state: "pending",
    secret,
    secretForTyping: formatSecretForTyping(secret),
    qrCode: await qrCodeDataUrl(totpUri(secret, user.email)),
  };
}

export async function isTwoFactorEnabled(userId: string): Promise<boolean> {
  const row = await prisma.twoFactor.findUnique({ where: { userId }, select: { enabledAt: true } });
  return Boolean(row?.enabledAt);
}

/** Starts the set-up with a new secret (a set-up already begun keeps its secret, so a scanned QR code stays good). */
export async function startTwoFactorSetup(userId: string): Promise<void> {
  const existing = await prisma.twoFactor.findUnique({ where: { userId }, select: { enabledAt: true } });
  if (existing?.enabledAt) throw new DomainError("Tweestapsverificatie staat al aan.");
  if (existing) return;
  await prisma.twoFactor.create({
    data: { userId, secretEncrypted: encryptSecret(newTotpSecret(), getEnv().SESSION_SECRET) },
  });
}

export async function cancelTwoFactorSetup(userId: string): Promise<void> {
  await prisma.twoFactor.deleteMany({ where: { userId, enabledAt: null } });
}

async function replaceRecoveryCodes(userId: string, tx: Pick<typeof prisma, "twoFactorRecoveryCode">) {
  const codes = generateRecoveryCodes();
  await tx.twoFactorRecoveryCode.deleteMany({ where: { userId } });
  await tx.twoFactorRecoveryCode.createMany({
    data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })),
  });
  return codes;
}

/**
 * Confirms the set-up with a code from the app: two-factor sign-in is on from now, and the ten recovery codes
 * are returned to be shown once (only their hashes are kept).
 */
export async function confirmTwoFactorSetup(userId: string, code: string, now = new Date()): Promise<string[]> {
  const row = await prisma.twoFactor.findUnique({ where: { userId } });
  if (!row) throw new DomainError("Begin opnieuw met instellen: er staat geen instelling klaar.");
  if (row.enabledAt) throw new DomainError("Tweestapsverificatie staat al aan.");
  if (!looksLikeTotpCode(code)) throw new DomainError("Typ de 6 cijfers die je app nu laat zien.", "code");
  const check = await checkTotp(secretOf(row), code, { lastUsedStep: row.lastUsedStep, now });
  if (!check.ok) {
    throw new DomainError(
      "Deze code klopt niet. Controleer of de tijd op je telefoon goed staat en typ de code die je app nu laat zien.",
      "code",
    );
  }
  return prisma.$transaction(async (tx) => {
    const updated = await tx.twoFactor.updateMany({
      where: { userId, enabledAt: null },
      data: { enabledAt: now, lastUsedStep: check.step },
    });
    if (updated.count !== 1) throw new DomainError("Tweestapsverificatie staat al aan.");
    const codes = await replaceRecoveryCodes(userId, tx);
    await recordAudit({ actorId: userId, action: "two_factor.enable", entityType: "User", entityId: userId }, tx);
    return codes;
  });
}

export type SecondFactorResult =
  | { ok: true; method: "app" | "recovery-code"; recoveryCodesLeft?: number }
  | { ok: false; message: string };

/**
 * Checks a code from the app (once per 30-second step: a code already used, or an older one, is refused)
 * or one of the person's unused recovery codes (used up by this check).
 */
export async function verifySecondFactor(userId: string, input: string, now = new Date()): Promise<SecondFactorResult> {
  const row = await prisma.twoFactor.findUnique({ where: { userId } });
  if (!row?.enabledAt) return { ok: false, message: WRONG_CODE };
  if (looksLikeTotpCode(input)) {
    const secret = decryptSecret(row.secretEncrypted, getEnv().SESSION_SECRET);
    if (!secret) return { ok: false, message: UNREADABLE_SECRET };
    const check = await checkTotp(secret, input, { lastUsedStep: row.lastUsedStep, now });
    if (!check.ok) return { ok: false, message: check.reason === "replay" ? REPLAYED_CODE : WRONG_CODE };
    // Only one request can move the step forward: two posts of the same code cannot both pass.
    const moved = await prisma.twoFactor.updateMany({
      where: { userId, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: check.step } }] },
      data: { lastUsedStep: check.step },
    });
    return moved.count === 1 ? { ok: true, method: "app" } : { ok: false, message: REPLAYED_CODE };
  }
  if (looksLikeRecoveryCode(input)) {
    const used = await prisma.twoFactorRecoveryCode.updateMany({
      where: { userId, codeHash: hashRecoveryCode(input), usedAt: null },
      data: { usedAt: now },
    });
    if (used.count !== 1) return { ok: false, message: WRONG_CODE };
    const recoveryCodesLeft = await prisma.twoFactorRecoveryCode.count({ where: { userId, usedAt: null } });
    await recordAudit({
      actorId: userId,
      action: "two_factor.recovery_code_used",
      entityType: "User",
      entityId: userId,
      details: { recoveryCodesLeft },
    });
    return { ok: true, method: "recovery-code", recoveryCodesLeft };
  }
  return { ok: false, message: CODE_FORMAT };
}

/** Turns two-factor sign-in off: needs the password and a code; refused when the deployment requires it. */
export async function disableTwoFactor(
  user: { id: string; role: Role },
  input: { password: string; code: string },
  now = new Date(),
): Promise<void> {
  if (twoFactorRequiredFor(user.role)) {
    throw new DomainError(
      "Voor coördinatoren en begeleiders is tweestapsverificatie verplicht; je kunt hem niet uitzetten.",
    );
  }
  const account = await prisma.user.findUnique({ where: { id: user.id }, select: { passwordHash: true } });
  if (!account?.passwordHash || !(await verifyPassword(account.passwordHash, input.password))) {
    throw new DomainError("Je wachtwoord klopt niet.", "password");
  }
  const check = await verifySecondFactor(user.id, input.code, now);
  if (!check.ok) throw new DomainError(check.message, "code");
  await prisma.$transaction([
    prisma.twoFactorRecoveryCode.deleteMany({ where: { userId: user.id } }),
    prisma.twoFactor.deleteMany({ where: { userId: user.id } }),
    prisma.auditLog.create({
      data: { actorId: user.id, action: "two_factor.disable", entityType: "User", entityId: user.id, details: {} },
    }),
  ]);
}

/** Ten new recovery codes (the old ones stop working), after a code from the app or a recovery code. */
export async function renewRecoveryCodes(userId: string, code: string, now = new Date()): Promise<string[]> {
  const check = await verifySecondFactor(userId, code, now);
  if (!check.ok) throw new DomainError(check.message, "code");
  return prisma.$transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(userId, tx);
    await recordAudit(
      { actorId: userId, action: "two_factor.recovery_codes_renewed", entityType: "User", entityId: userId },
      tx,
    );
    return codes;
  });
}

// ---------------------------------------------------------------------------------------------------------
// The second step of signing in. After the right password the browser gets a token (cookie, 5 minutes) for
// a challenge row; only with a right code is the session created. A few wrong codes end the challenge,
// and each wrong code counts as a failed login of the account (the same per-account throttle).

export const CHALLENGE_MINUTES = 5;
export const MAX_CODE_ATTEMPTS = 5;

function challengeCookie() {
  return createCookie("ln_2fa", {
    httpOnly: true,
    sameSite: "lax",
    secure: getEnv().COOKIE_SECURE,
    // The code page and its form posts only.
    path: "/inloggen",
    maxAge: CHALLENGE_MINUTES * 60,
  });
}

export function challengeTokenFrom(request: Request): Promise<string | null> {
  return challengeCookie()
    .parse(request.headers.get("Cookie"))
    .then((value: unknown) => (typeof value === "string" ? value : null));
}

export function challengeCookieHeader(token: string): Promise<string> {
  return challengeCookie().serialize(token);
}

export function clearedChallengeCookieHeader(): Promise<string> {
  return challengeCookie().serialize("", { maxAge: 0 });
}

export async function createLoginChallenge(userId: string, redirectTo: string, now = new Date()): Promise<string> {
  const token = generateToken();
  await prisma.$transaction([
    // One sign-in waiting for a code per person is enough; expired ones are cleared on the way.
    prisma.twoFactorChallenge.deleteMany({ where: { OR: [{ userId }, { expiresAt: { lte: now } }] } }),
    prisma.twoFactorChallenge.create({
      data: {
        tokenHash: hashToken(token),
        userId,
        redirectTo,
        expiresAt: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000),
      },
    }),
  ]);
  return token;
}

/** The challenge of this token while it is valid (for the code page). */
export async function findLoginChallenge(token: string | null | undefined, now = new Date()) {
  if (!token) return null;
  const challenge = await prisma.twoFactorChallenge.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true, redirectTo: true, expiresAt: true, attempts: true },
  });
  if (!challenge || challenge.expiresAt <= now || challenge.attempts >= MAX_CODE_ATTEMPTS) return null;
  return challenge;
}

export type ChallengeAnswer =
  | { ok: true; userId: string; redirectTo: string; recoveryCodesLeft?: number }
  | { ok: false; reason: "expired" | "too-many" }
  | { ok: false; reason: "wrong"; message: string };

export async function answerLoginChallenge(
  token: string | null | undefined,
  code: string,
  now = new Date(),
): Promise<ChallengeAnswer> {
  const challenge = await findLoginChallenge(token, now);
  if (!challenge) return { ok: false, reason: "expired" };
  const user = await prisma.user.findUnique({ where: { id: challenge.userId }, select: { email: true } });
  if (!user) return { ok: false, reason: "expired" };
  const since = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000);
  const failures = await prisma.loginAttempt.count({
    where: { email: user.email, succeeded: false, createdAt: { gte: since } },
  });
  if (failures >= MAX_FAILED_LOGINS) {
    await prisma.twoFactorChallenge.deleteMany({ where: { id: challenge.id } });
    return { ok: false, reason: "too-many" };
  }
  const result = await verifySecondFactor(challenge.userId, code, now);
  if (result.ok) {
    await prisma.twoFactorChallenge.deleteMany({ where: { id: challenge.id } });
    return {
      ok: true,
      userId: challenge.userId,
      redirectTo: challenge.redirectTo,
      recoveryCodesLeft: result.recoveryCodesLeft,
    };
  }
  const [updated] = await prisma.$transaction([
    prisma.twoFactorChallenge.update({
      where: { id: challenge.id },
      data: { attempts: { increment: 1 } },
      select: { attempts: true },
    }),
    prisma.loginAttempt.create({
      data: { email: user.email, userId: challenge.userId, succeeded: false, createdAt: now },
    }),
  ]);
  if (updated.attempts >= MAX_CODE_ATTEMPTS || failures + 1 >= MAX_FAILED_LOGINS) {
    await prisma.twoFactorChallenge.deleteMany({ where: { id: challenge.id } });
    return { ok: false, reason: "too-many" };
  }
  return { ok: false, reason: "wrong", message: result.message };
}

export async function endLoginChallenge(token: string | null | undefined): Promise<void> {
  if (token) await prisma.twoFactorChallenge.deleteMany({ where: { tokenHash: hashToken(token) } });
}
