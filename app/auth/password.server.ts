import { hash, verify } from "@node-rs/argon2";

// Argon2id with the OWASP-recommended minimum (19 MiB memory, 2 iterations, 1 lane).
const options = {
  // Algorithm.Argon2id (a const enum, which isolated modules cannot import).
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A hash to verify against when the account does not exist, so that a wrong e-mail address takes as
// long as a wrong password (no account enumeration through timing).
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("no-such-account-placeholder");
  await verifyPassword(await dummyHash, password);
  return false;
}
