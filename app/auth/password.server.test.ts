import { describe, expect, it } from "vitest";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password.server.ts";

describe("password hashing", () => {
  it("hashes with Argon2id and verifies", async () => {
    const hash = await hashPassword("een lange zin als wachtwoord");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, "een lange zin als wachtwoord")).toBe(true);
    expect(await verifyPassword(hash, "een andere zin")).toBe(false);
  });

  it("salts every hash", async () => {
    const [a, b] = await Promise.all([hashPassword("zelfde wachtwoord"), hashPassword("zelfde wachtwoord")]);
    expect(a).not.toBe(b);
  });

  it("treats a malformed hash as a wrong password instead of throwing", async () => {
    expect(await verifyPassword("not-a-hash", "whatever")).toBe(false);
  });

  it("spends the same work on unknown accounts", async () => {
    expect(await verifyAgainstDummy("anything")).toBe(false);
  });
});
