// Rate-limit counters that every web process shares: in Redis when REDIS_URL is set (one atomic Lua script:
// INCR, and PEXPIRE on the first hit of a window), in the database otherwise (one atomic upsert on
// "RateLimitCounter"). A window starts with its first hit and lasts `windowMs`; the database's clock (or
// Redis's) decides, so processes with different clocks count alike. When the store cannot be reached the
// request is let through (fail open) and a warning is logged: an outage of Redis or the database must not
// lock everyone out of signing in.
import { createHmac } from "node:crypto";
import { Redis } from "ioredis";
import { prisma } from "./db.server.ts";
import { getEnv } from "./env.server.ts";

export type Hit = { count: number; resetAt: Date };

export interface CounterStore {
  /** Counts one hit on `key` and returns the hits in the current window, this one included. */
  hit(key: string, windowMs: number): Promise<Hit>;
  /** Takes one hit back (a successful login does not count against the failed-login limit). */
  undo(key: string): Promise<void>;
  /** Forgets the key. */
  reset(key: string): Promise<void>;
  close(): Promise<void>;
}

export function databaseCounterStore(): CounterStore {
  return {
    async hit(key, windowMs) {
      const rows = await prisma.$queryRaw<{ count: number; resetAt: Date }[]>`
        INSERT INTO "RateLimitCounter" ("key", "count", "resetAt")
        VALUES (${key}, 1, now() + ${Math.round(windowMs)}::int * interval '1 millisecond')
        ON CONFLICT ("key") DO UPDATE SET
          "count" = CASE WHEN "RateLimitCounter"."resetAt" <= now() THEN 1 ELSE "RateLimitCounter"."count" + 1 END,
          "resetAt" = CASE WHEN "RateLimitCounter"."resetAt" <= now() THEN EXCLUDED."resetAt"
                      ELSE "RateLimitCounter"."resetAt" END
        RETURNING "count", "resetAt"`;
      const row = rows[0]!;
      return { count: Number(row.count), resetAt: new Date(row.resetAt) };
    },
    async undo(key) {
      await prisma.$executeRaw`
        UPDATE "RateLimitCounter" SET "count" = "count" - 1
        WHERE "key" = ${key} AND "count" > 0 AND "resetAt" > now()`;
    },
    async reset(key) {
      await prisma.rateLimitCounter.deleteMany({ where: { key } });
    },
    async close() {},
  };
}

const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}`;

const UNDO_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 1 and tonumber(redis.call('GET', KEYS[1])) > 0 then
  return redis.call('DECR', KEYS[1])
end
return 0`;

const REDIS_PREFIX = "leernetwerk:rate-limit:";

export function redisCounterStore(url: string): CounterStore {
  // No offline queue and one attempt per command: while Redis is down a hit fails at once (and the
  // request goes through) instead of waiting for a reconnect.
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 2_000 });
  redis.on("error", (error: Error) => warnOnce(`Redis: ${error.message}`));
  const ready = new Promise<void>((resolve) => {
    if (redis.status === "ready") resolve();
    redis.once("ready", () => resolve());
  });
  /** The first hits after start wait (briefly) for the connection instead of failing open. */
  const connected = () => Promise.race([ready, new Promise<void>((resolve) => setTimeout(resolve, 2_000).unref())]);
  return {
    async hit(key, windowMs) {
      if (redis.status !== "ready") await connected();
      const [count, ttl] = (await redis.eval(HIT_SCRIPT, 1, REDIS_PREFIX + key, Math.round(windowMs))) as [
        number,
        number,
      ];
      return { count, resetAt: new Date(Date.now() + ttl) };
    },
    async undo(key) {
      await redis.eval(UNDO_SCRIPT, 1, REDIS_PREFIX + key);
    },
    async reset(key) {
      await redis.del(REDIS_PREFIX + key);
    },
    async close() {
      redis.disconnect();
    },
  };
}

let lastWarning = 0;
/** At most one warning a minute: an outage should be seen in the log, not flood it. */
function warnOnce(message: string) {
  const now = Date.now();
  if (now - lastWarning < 60_000) return;
  lastWarning = now;
  console.warn(`Rate limits: de teller is niet bereikbaar; verzoeken worden doorgelaten (fail open). ${message}`);
}

/** The store, but an error lets the request through (as the first of its window) with a logged warning. */
export function failOpen(store: CounterStore): CounterStore {
  const attempt = async <T>(run: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      warnOnce(error instanceof Error ? error.message : String(error));
      return fallback;
    }
  };
  return {
    hit: (key, windowMs) =>
      attempt(() => store.hit(key, windowMs), { count: 1, resetAt: new Date(Date.now() + windowMs) }),
    undo: (key) => attempt(() => store.undo(key), undefined),
    reset: (key) => attempt(() => store.reset(key), undefined),
    close: () => store.close(),
  };
}

let shared: CounterStore | undefined;

/** The counters of this deployment: Redis when REDIS_URL is set, else the database; failing open. */
export function rateLimitCounters(): CounterStore {
  if (!shared) {
    const url = getEnv().REDIS_URL;
    shared = failOpen(url ? redisCounterStore(url) : databaseCounterStore());
  }
  return shared;
}

/** For tests that change REDIS_URL: the next call builds the store again. */
export async function closeRateLimitCounters() {
  await shared?.close();
  shared = undefined;
}

/**
 * Counts one attempt for an identity (an e-mail address: stored only as a keyed hash) under a named limit
 * and says whether it is still within `limit` attempts per window.
 */
export async function withinLimit(
  name: string,
  identity: string,
  { limit, windowMs }: { limit: number; windowMs: number },
): Promise<boolean> {
  const hashed = createHmac("sha256", getEnv().SESSION_SECRET).update(identity).digest("hex");
  const { count } = await rateLimitCounters().hit(`${name}:${hashed}`, windowMs);
  return count <= limit;
}
