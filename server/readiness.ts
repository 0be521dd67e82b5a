// GET /readyz for the proxy and the orchestrator: 200 when this process can serve, i.e. the database answers
// and, when REDIS_URL is set, Redis does too; 503 otherwise (the process stays alive: /healthz is the
// liveness check). Each check gives up after 2 s. The answer says which part failed, nothing more.
import type express from "express";
import { Redis } from "ioredis";
import { prisma } from "../app/utils/db.server.ts";

const TIMEOUT_MS = 2000;

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error("timeout")), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export function readiness(options: { redisUrl?: string }) {
  // One connection of its own, made on the first check; no offline queue, so a Redis that is away fails
  // the check at once instead of queueing the PING.
  let redis: Redis | undefined;
  const redisReady = async () => {
    if (!options.redisUrl) return undefined;
    redis ??= new Redis(options.redisUrl, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: TIMEOUT_MS,
    });
    redis.on("error", () => {});
    if (redis.status === "wait" || redis.status === "end") await within(redis.connect(), TIMEOUT_MS);
    return (await within(redis.ping(), TIMEOUT_MS)) === "PONG";
  };
  const handler: express.RequestHandler = async (_req, res) => {
    const [database, redisOk] = await Promise.all([
      within(prisma.$queryRaw`SELECT 1`, TIMEOUT_MS).then(
        () => true,
        () => false,
      ),
      redisReady().catch(() => false),
    ]);
    const ready = database && redisOk !== false;
    res
      .status(ready ? 200 : 503)
      .set("Cache-Control", "no-store")
      .json({
        status: ready ? "ready" : "not ready",
        database: database ? "ok" : "unavailable",
        ...(redisOk === undefined ? {} : { redis: redisOk ? "ok" : "unavailable" }),
      });
  };
  return {
    handler,
    close: async () => {
      redis?.disconnect();
      redis = undefined;
    },
  };
}
