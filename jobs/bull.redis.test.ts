// The job engine on a real Redis (Debian's redis-server, started here) with real worker processes:
// ordinary delivery, a Redis outage while a user action enqueues, and a worker killed mid-job.
// Runs on PostgreSQL (TEST_POSTGRES_URL): the worker is a second process using the same database.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startResendRecorder } from "../tests/support/resend-recorder.ts";
import { redisServer } from "../tests/support/redis.ts";
import { type WorkerProcess, startWorkerProcess } from "../tests/support/worker-process.ts";
import { sendEmail } from "../app/email/send-email.server.ts";
import { passwordResetEmail } from "../app/email/templates.server.ts";
import { prisma } from "../app/utils/db.server.ts";
import { clearEnvCache } from "../app/utils/env.server.ts";
import { deliveryPolicy } from "../app/email/delivery.server.ts";
import { getQueue, queueHealth, stopJobs } from "./engine.ts";

const redis = redisServer();
let recorder: Awaited<ReturnType<typeof startResendRecorder>>;
const workers: WorkerProcess[] = [];

const workerEnv = () => ({
  DATABASE_URL: process.env.DATABASE_URL!,
  DATABASE_POOL_SIZE: "4",
  REDIS_URL: redis.url,
  RESEND_API_KEY: "re_test_key",
  RESEND_BASE_URL: recorder.url,
  // Short timings so the faults resolve within the test.
  WORKER_LOCK_MS: "2000",
  EMAIL_CLAIM_MS: "3000",
  EMAIL_RETRY_BASE_MS: "500",
  OUTBOX_SWEEP_MS: "1000",
});

async function worker() {
  const started = await startWorkerProcess(workerEnv());
  workers.push(started);
  return started;
}

beforeAll(async () => {
  await redis.start();
  recorder = await startResendRecorder();
  // This test process plays the web server: it records and enqueues.
  process.env.REDIS_URL = redis.url;
  process.env.RESEND_API_KEY = "re_test_key";
  process.env.RESEND_BASE_URL = recorder.url;
  clearEnvCache();
  // Jobs carry their retry delay from where they are queued: the same short one as the workers.
  deliveryPolicy.backoffMs = 500;
});

afterEach(async () => {
  for (const started of workers.splice(0)) await started.stop();
  recorder.reset();
});

afterAll(async () => {
  await stopJobs();
  await recorder.close();
  await redis.stop();
  delete process.env.REDIS_URL;
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
  clearEnvCache();
});

const content = () => passwordResetEmail({ name: "Test", url: "http://localhost/x", expiresAt: new Date() });

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const statusOf = (id: string) =>
  prisma.emailMessage.findUniqueOrThrow({ where: { id }, select: { status: true, attempts: true, error: true } });
const sentWithKey = (key: string) => recorder.received.filter((request) => request.headers["idempotency-key"] === key);

describe("Bull on Redis", () => {
  it("a worker delivers what a request enqueued; a 500 from Resend is retried, then sent", async () => {
    await worker();
    const health = await waitFor(queueHealth, (h) => h.mode === "redis" && h.connected);
    expect(health).toMatchObject({ mode: "redis", connected: true });
    recorder.failNextRequests(1, 500);
    const message = await sendEmail({ to: "a@test.nl", kind: "test", idempotencyKey: "redis-ok", ...content() });
    expect(message.status).toBe("PENDING");
    const final = await waitFor(
      () => statusOf(message.id),
      (m) => m.status === "SENT",
    );
    expect(final).toMatchObject({ status: "SENT", attempts: 2 });
    expect(sentWithKey("redis-ok")).toHaveLength(1);
  });

  it("Redis stopped while a user action enqueues: the action succeeds at once, the e-mail goes out once Redis is back", async () => {
    await worker();
    await waitFor(queueHealth, (h) => h.mode === "redis" && h.connected);
    await redis.stop();
    await waitFor(
      async () => getQueue().client.status,
      (status) => status !== "ready",
    );

    const started = performance.now();
    const message = await sendEmail({ to: "b@test.nl", kind: "test", idempotencyKey: "redis-outage", ...content() });
    const tookMs = performance.now() - started;
    expect(message.status).toBe("PENDING");
    expect(tookMs).toBeLessThan(1500);
    const health = await queueHealth();
    expect(health).toMatchObject({ mode: "redis", connected: false });

    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await statusOf(message.id)).status).toBe("PENDING");
    expect(sentWithKey("redis-outage")).toHaveLength(0);

    // Redis comes back empty (no persistence): the worker registers its sweep again, which finds the message.
    await redis.start();
    const final = await waitFor(
      () => statusOf(message.id),
      (m) => m.status === "SENT",
    );
    expect(final.status).toBe("SENT");
    expect(sentWithKey("redis-outage")).toHaveLength(1);
  });

  it("a worker killed in the middle of a job: the job is retried by another worker and the e-mail is sent exactly once", async () => {
    const first = await worker();
    await waitFor(queueHealth, (h) => h.mode === "redis" && h.connected);
    // Resend answers slowly; the first worker dies while its request is under way (after Resend has
    // accepted the message, before the worker could record that).
    recorder.delayResponses(800);
    let killed: Promise<void> | undefined;
    recorder.onRequest(() => {
      killed ??= first.kill();
    });
    const message = await sendEmail({ to: "c@test.nl", kind: "test", idempotencyKey: "redis-kill", ...content() });
    await waitFor(
      async () => killed,
      (value) => value !== undefined,
    );
    await killed;
    expect(first.child.signalCode).toBe("SIGKILL");
    expect((await statusOf(message.id)).status).toBe("PENDING");
    recorder.onRequest(undefined);
    recorder.delayResponses(0);

    await worker();
    const final = await waitFor(
      () => statusOf(message.id),
      (m) => m.status === "SENT",
      30_000,
    );
    expect(final.status).toBe("SENT");
    expect(sentWithKey("redis-kill")).toHaveLength(1);
    expect(recorder.requestCount()).toBeGreaterThanOrEqual(2);
  });
});
