import { afterEach, describe, expect, it } from "vitest";
import { createUser, DEMO_PASSWORD } from "../../prisma/factories.ts";
import { prisma } from "~/utils/db.server.ts";
import { clearEnvCache } from "~/utils/env.server.ts";
import { demoSeedRefusal } from "./demo.ts";
import { attemptLogin, MAX_FAILED_LOGINS } from "./login.server.ts";

describe("attemptLogin", () => {
  it("accepts the right password, case-insensitive e-mail", async () => {
    const user = await createUser(prisma, { email: "iemand@gemeente.test" });
    expect(await attemptLogin("  IEMAND@gemeente.test ", DEMO_PASSWORD)).toEqual({ ok: true, userId: user.id });
  });

  it("gives the same answer for a wrong password and an unknown address", async () => {
    await createUser(prisma, { email: "bekend@gemeente.test" });
    expect(await attemptLogin("bekend@gemeente.test", "fout")).toEqual({ ok: false, reason: "invalid" });
    expect(await attemptLogin("onbekend@gemeente.test", "fout")).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses someone who has not accepted their invitation yet", async () => {
    await createUser(prisma, { email: "uitgenodigd@gemeente.test", password: null });
    expect(await attemptLogin("uitgenodigd@gemeente.test", "")).toEqual({ ok: false, reason: "invalid" });
  });

  it("pauses an address after repeated failures, even for the right password, until the window passes", async () => {
    await createUser(prisma, { email: "doelwit@gemeente.test" });
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) {
      expect((await attemptLogin("doelwit@gemeente.test", `fout-${i}`)).ok).toBe(false);
    }
    expect(await attemptLogin("doelwit@gemeente.test", DEMO_PASSWORD)).toEqual({ ok: false, reason: "throttled" });
    const later = new Date(Date.now() + 16 * 60_000);
    expect((await attemptLogin("doelwit@gemeente.test", DEMO_PASSWORD, later)).ok).toBe(true);
  });
});

describe("the published demo password", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    clearEnvCache();
  });

  function production(demoMode: boolean) {
    Object.assign(process.env, {
      NODE_ENV: "production",
      SESSION_SECRET: "x".repeat(40),
      EMAIL_OUTBOX_ONLY: "true",
      DEMO_MODE: demoMode ? "true" : "false",
    });
    clearEnvCache();
  }

  it("never signs in in production without DEMO_MODE, even on an account that has it", async () => {
    const user = await createUser(prisma, { email: "demo-in-productie@gemeente.test" });
    production(false);
    expect(await attemptLogin("demo-in-productie@gemeente.test", DEMO_PASSWORD)).toEqual({
      ok: false,
      reason: "invalid",
    });
    production(true);
    expect(await attemptLogin("demo-in-productie@gemeente.test", DEMO_PASSWORD)).toEqual({ ok: true, userId: user.id });
  });

  it("keeps the demo seed out of a production database unless DEMO_MODE=true", () => {
    expect(demoSeedRefusal({ NODE_ENV: "production" })).toMatch(/DEMO_MODE=true/);
    expect(demoSeedRefusal({ NODE_ENV: "production", DEMO_MODE: "false" })).not.toBeNull();
    expect(demoSeedRefusal({ NODE_ENV: "production", DEMO_MODE: "true" })).toBeNull();
    expect(demoSeedRefusal({})).toBeNull();
  });
});
