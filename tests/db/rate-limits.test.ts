// The rate limits as a client meets them (real Express, real HTTP) and the database store they count in,
// which every web process shares when there is no Redis. Runs on PGlite and on PostgreSQL.
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "~/utils/db.server.ts";
import { type CounterStore, databaseCounterStore, failOpen } from "~/utils/rate-limit.server.ts";
import { limitPath, rateLimits } from "../../server/security.ts";

const counters = databaseCounterStore();

/** An Express app with the rate limits in front of a handler that answers 400 unless `?ok=1`. */
async function limitedServer(loginLimit = 2, store: CounterStore = counters) {
  const app = express();
  app.use(rateLimits({ loginLimit, counters: store }));
  app.all("*", (req, res) => {
    res.status(req.method === "GET" || req.query.ok ? 200 : 400).send("x");
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    post: (path: string) => fetch(`${url}${path}`, { method: "POST" }),
    get: (path: string) => fetch(`${url}${path}`),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

let server: Awaited<ReturnType<typeof limitedServer>> | undefined;
beforeEach(async () => {
  await prisma.rateLimitCounter.deleteMany();
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("the database counter store", () => {
  it("counts concurrent hits atomically: 40 at once get the counts 1…40", async () => {
    const hits = await Promise.all(Array.from({ length: 40 }, () => counters.hit("test:concurrent", 60_000)));
    expect(hits.map((hit) => hit.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    // One window: every hit reports the same end, about a minute from now.
    const ends = new Set(hits.map((hit) => hit.resetAt.getTime()));
    expect(ends.size).toBe(1);
    expect([...ends][0]! - Date.now()).toBeGreaterThan(50_000);
    expect(await prisma.rateLimitCounter.findUnique({ where: { key: "test:concurrent" } })).toMatchObject({
      count: 40,
    });
  });

  it("starts a new window after the old one ended; keys are counted apart; undo and reset", async () => {
    expect((await counters.hit("test:window", 150)).count).toBe(1);
    expect((await counters.hit("test:window", 150)).count).toBe(2);
    expect((await counters.hit("test:other", 150)).count).toBe(1);
    await counters.undo("test:window");
    expect((await counters.hit("test:window", 150)).count).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await counters.hit("test:window", 150)).count).toBe(1);
    await counters.reset("test:window");
    expect(await prisma.rateLimitCounter.findUnique({ where: { key: "test:window" } })).toBeNull();
  });

  it("fails open: when the store cannot be reached the request goes through and a warning is logged", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const broken: CounterStore = {
      ...counters,
      hit: () => Promise.reject(new Error("connection refused")),
    };
    server = await limitedServer(1, failOpen(broken));
    for (let attempt = 0; attempt < 3; attempt++) expect((await server.post("/inloggen")).status).toBe(400);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/niet bereikbaar.*fail open.*connection refused/));
    warn.mockRestore();
  });
});

describe("the path a limit is chosen by", () => {
  it("is written one way, however the client spells it", () => {
    for (const spelling of [
      "/inloggen",
      "/Inloggen",
      "/INLOGGEN/",
      "/inloggen%2F",
      "/inloggen%252F",
      "/%69nloggen",
      "/inloggen.data",
      "/Inloggen.DATA",
      "//inloggen//",
      "/x/../inloggen",
      "/x/%2e%2e/inloggen",
      "/x%2F..%2Finloggen",
      "/\\inloggen",
    ]) {
      expect(limitPath(spelling), spelling).toBe("/inloggen");
    }
    expect(limitPath("/")).toBe("/");
    expect(limitPath("/_root.data")).toBe("/_root");
    expect(limitPath("/wachtwoord-herstellen/AbC.data")).toBe("/wachtwoord-herstellen/abc");
  });
});

describe("rate limits on login and password-reset posts", () => {
  it("count the single-fetch .data posts of the login form (failed attempts only)", async () => {
    server = await limitedServer(2);
    expect((await server.post("/inloggen.data")).status).toBe(400);
    expect((await server.post("/inloggen?ok=1")).status).toBe(200);
    expect((await server.post("/inloggen")).status).toBe(400);
    expect((await server.post("/inloggen.data")).status).toBe(429);
    expect((await server.post("/wachtwoord-vergeten.data")).status).toBe(400);
    expect((await server.post("/wachtwoord-vergeten.data")).status).toBe(400);
    expect((await server.post("/wachtwoord-vergeten.data")).status).toBe(429);
  });

  it("count /Inloggen/, /inloggen%2F and other spellings against the same limit", async () => {
    server = await limitedServer(3);
    expect((await server.post("/Inloggen/")).status).toBe(400);
    expect((await server.post("/inloggen%2F")).status).toBe(400);
    expect((await server.post("/INLOGGEN.data")).status).toBe(400);
    for (const spelling of ["/inloggen", "/x/%2e%2e/inloggen", "/inloggen%252f", "//Inloggen//"]) {
      const refused = await server.post(spelling);
      expect(refused.status, spelling).toBe(429);
      expect(await refused.text()).toContain("Er is te vaak geprobeerd in te loggen");
    }
    // The reset form the same way.
    for (const spelling of ["/Wachtwoord-Vergeten", "/wachtwoord-vergeten%2f", "/wachtwoord-vergeten/"]) {
      expect((await server.post(spelling)).status, spelling).toBe(400);
    }
    expect((await server.post("/wachtwoord-vergeten.data")).status).toBe(429);
  });

  it("keep their counts in the shared store (another process sees them) and only as ip:<limit>:<address>", async () => {
    server = await limitedServer(2);
    await server.post("/inloggen");
    const rows = await prisma.rateLimitCounter.findMany();
    expect(rows.map((row) => row.key)).toEqual(["ip:login:127.0.0.1"]);
    // A second server (another web process) on the same database continues the count.
    const second = await limitedServer(2);
    try {
      expect((await second.post("/inloggen")).status).toBe(400);
      expect((await second.post("/inloggen")).status).toBe(429);
    } finally {
      await second.close();
    }
  });
});

describe("rate limit on the sign-in code (two-factor)", () => {
  it("counts wrong codes on /inloggen/code together with failed logins", async () => {
    server = await limitedServer(2);
    expect((await server.post("/inloggen")).status).toBe(400);
    expect((await server.post("/inloggen/code.data")).status).toBe(400);
    expect((await server.post("/Inloggen/Code/")).status).toBe(429);
  });
});

describe("rate limit on the public application form", () => {
  it("refuses the third post within 15 minutes, counting the single-fetch .data posts and other spellings", async () => {
    server = await limitedServer(2);
    expect((await server.post("/aanmelden/leernetwerk-a?ok=1")).status).toBe(200);
    expect((await server.post("/Aanmelden/leernetwerk-b.data?ok=1")).status).toBe(200);
    const refused = await server.post("/aanmelden/leernetwerk-a?ok=1");
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain("Er zijn te veel aanmeldingen verstuurd vanaf dit adres.");
    // Reading the page is not limited by it.
    expect((await server.get("/aanmelden/leernetwerk-a")).status).toBe(200);
  });
});
