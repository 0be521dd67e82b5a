import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { localDiskStorage, newStorageKey } from "./files.server.ts";

const root = await mkdtemp(path.join(tmpdir(), "leernetwerk-uploads-"));
afterAll(() => rm(root, { recursive: true, force: true }));

describe("local disk storage", () => {
  it("puts, gets and deletes by key", async () => {
    const storage = localDiskStorage(root);
    const key = newStorageKey("submissions", "abc");
    expect(key).toMatch(/^submissions\/abc\/[0-9a-f-]{36}$/);
    await storage.put(key, new TextEncoder().encode("inhoud"));
    expect(new TextDecoder().decode((await storage.get(key))!)).toBe("inhoud");
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    await storage.delete(key); // deleting twice does no harm
  });

  it("refuses keys that could leave the upload folder", async () => {
    const storage = localDiskStorage(root);
    await expect(storage.get("../etc/passwd")).rejects.toThrow("Ongeldige opslagsleutel");
    await expect(storage.put("a/../../b", new Uint8Array())).rejects.toThrow("Ongeldige opslagsleutel");
  });
});
