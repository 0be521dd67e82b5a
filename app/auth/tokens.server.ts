import { createHash, randomBytes } from "node:crypto";

/** A random token for a link or cookie (256 bits, URL-safe). */
export function generateToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Only this hash is stored, so a database leak does not leak usable tokens. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
