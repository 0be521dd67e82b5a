// The production app's readiness route and request log: /readyz answers 200 with the database (503 when
// Redis is configured but away), every request gets one JSON log line carrying the proxy's X-Request-Id
// (or a new one, sent back), and the process's name in X-Instance. Nothing personal in the log line.
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { Writable } from "node:stream";
import express from "express";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { clearEnvCache } from "~/utils/env.server.ts";
import { readiness } from "../../server/readiness.ts";

const root = path.resolve(import.meta.dirname, "../..");
if (!existsSync(path.join(root, "build/server/index.js"))) {
  throw new Error("tests/db/readiness-logging.test.ts needs the production build: run `npm run build` first.");
}
const { createApp } = await import("../../server/app.ts");

const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line));
    done();
  },
});

let url: string;
let stop: () => Promise<void>;
beforeAll(async () => {
  process.env.INSTANCE_NAME = "web-test-1";
  clearEnvCache();
  const { app, close } = await createApp({
    development: false,
    loginLimit: 100,
    logger: pino({ level: "info", base: { instance: "web-test-1" } }, sink),
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stop = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await close();
  };
});
afterAll(async () => {
  await stop();
  delete process.env.INSTANCE_NAME;
  clearEnvCache();
});

describe("readiness and request logs", () => {
  it("/readyz is 200 when the database answers; without REDIS_URL Redis is not checked", async () => {
    const response = await fetch(`${url}/readyz`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ready", database: "ok" });
  });

  it("/readyz is 503 when Redis is configured but unreachable", async () => {
    const check = readiness({ redisUrl: "redis://127.0.0.1:1" });
    const app = express().get("/readyz", check.handler);
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: "not ready", database: "ok", redis: "unavailable" });
    } finally {
      server.close();
      await check.close();
    }
  });

  it("logs one JSON line per request with the proxy's request id, the process name, and no token or query", async () => {
    const response = await fetch(`${url}/wachtwoord-herstellen/geheim-token-123?redirectTo=/x`, {
      headers: { "X-Request-Id": "proxy-abc-123", Cookie: "leernetwerk_session=zzz" },
    });
    expect(response.headers.get("x-request-id")).toBe("proxy-abc-123");
    expect(response.headers.get("x-instance")).toBe("web-test-1");
    // The line is written when the response has finished, which on a busy machine can be a while after the
    // client has it: wait for it (up to 5 s) rather than a fixed moment.
    const line = await vi.waitFor(
      () => {
        const found = lines.find((entry) => (entry.req as { id?: string } | undefined)?.id === "proxy-abc-123");
        if (!found) throw new Error("no log line for proxy-abc-123 yet");
        return found;
      },
      { timeout: 5000, interval: 20 },
    );
    expect(line).toMatchObject({
      instance: "web-test-1",
      req: { method: "GET", path: "/wachtwoord-herstellen/:token" },
      res: { statusCode: response.status },
    });
    expect(typeof line?.responseTime).toBe("number");
    expect(JSON.stringify(line)).not.toMatch(/geheim-token|redirectTo|zzz/);

    // No (or a malformed) X-Request-Id: a new id, sent back.
    const fresh = await fetch(`${url}/inloggen`, { headers: { "X-Request-Id": "bad id\twith spaces" } });
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
