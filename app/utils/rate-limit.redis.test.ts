// The rate-limit counters in Redis (Debian's redis-server, started here on its own port): atomic counts,
// windows that end, the store chosen by REDIS_URL, and an outage that lets requests through with a warning.
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { redisServer } from "../../tests/support/redis.ts";
import { clearEnvCache } from "./env.server.ts";
import { closeRateLimitCounters, failOpen, rateLimitCounters, redisCounterStore } from "./rate-limit.server.ts";

// One port above the job tests' (they may run at the same time).
const redis = redisServer(Number(process.env.TEST_REDIS_PORT ?? 6391) + 1);
let client: Redis;

beforeAll(async () => {
  await redis.start();
  client = new Redis(redis.url);
  // It loses its connection in the outage test, on purpose.
  client.on("error", () => {});
});

afterAll(async () => {
  client.disconnect();
  await closeRateLimitCounters();
  delete process.env.REDIS_URL;
  clearEnvCache();
  await redis.stop();
});

describe("the Redis counter store", () => {
  it("counts concurrent hits atomically and sets the window's expiry on the first hit", async () => {
    const store = redisCounterStore(redis.url);
    try {
      const hits = await Promise.all(Array.from({ length: 40 }, () => store.hit("test:concurrent", 60_000)));
      expect(hits.map((hit) => hit.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      expect(await client.get("leernetwerk:rate-limit:test:concurrent")).toBe("40");
      const ttl = await client.pttl("leernetwerk:rate-limit:test:concurrent");
      expect(ttl).toBeGreaterThan(50_000);
      expect(ttl).toBeLessThanOrEqual(60_000);
    } finally {
      await store.close();
    }
  });

  it("starts a new window after the old one ended; undo and reset", async () => {
    const store = redisCounterStore(redis.url);
    try {
      expect((await store.hit("test:window", 150)).count).toBe(1);
      expect((await store.hit("test:window", 150)).count).toBe(2);
      await store.undo("test:window");
      expect((await store.hit("test:window", 150)).count).toBe(2);
      await new Promise((resolve) => setTimeout(resolve, 250));
      expect((await store.hit("test:window", 150)).count).toBe(1);
      await store.reset("test:window");
      expect(await client.exists("leernetwerk:rate-limit:test:window")).toBe(0);
      // Undo on a key that is gone creates nothing.
      await store.undo("test:window");
      expect(await client.exists("leernetwerk:rate-limit:test:window")).toBe(0);
    } finally {
      await store.close();
    }
  });

  it("is the store of the deployment when REDIS_URL is set (nothing is counted in the database then)", async () => {
    process.env.REDIS_URL = redis.url;
    clearEnvCache();
    await closeRateLimitCounters();
    const { prisma } = await import("./db.server.ts");
    expect((await rateLimitCounters().hit("test:deployment", 60_000)).count).toBe(1);
    expect(await client.get("leernetwerk:rate-limit:test:deployment")).toBe("1");
    expect(await prisma.rateLimitCounter.count()).toBe(0);
  });

  it("fails open during an outage, with a warning, and counts again once Redis is back", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const store = failOpen(redisCounterStore(redis.url));
    try {
      expect((await store.hit("test:outage", 60_000)).count).toBe(1);
      await redis.stop();
      const started = Date.now();
      for (let attempt = 0; attempt < 5; attempt++) expect((await store.hit("test:outage", 60_000)).count).toBe(1);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/niet bereikbaar.*fail open/));
      await redis.start();
      // The client reconnects by itself; the counter started anew (Redis ran without persistence).
      await vi.waitFor(async () => expect((await store.hit("test:outage", 60_000)).count).toBeGreaterThan(1), {
        timeout: 10_000,
        interval: 200,
      });
    } finally {
      await store.close();
      warn.mockRestore();
    }
  });
});
