// The in-process engine (no REDIS_URL, the embedded default): the same processors and retries as on
// Bull, and periodic jobs recorded in JobRun for the coordinator's page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startResendRecorder } from "../tests/support/resend-recorder.ts";
import { deliverEmailJob, deliveryPolicy } from "../app/email/delivery.server.ts";
import { sendEmail } from "../app/email/send-email.server.ts";
import { passwordResetEmail } from "../app/email/templates.server.ts";
import { prisma } from "../app/utils/db.server.ts";
import { clearEnvCache } from "../app/utils/env.server.ts";
import {
  enqueue,
  inProcessIdle,
  queueHealth,
  registerJobs,
  runPeriodic,
  runPeriodicOnce,
  startInProcessJobs,
  stopJobs,
} from "./engine.ts";
import { allJobs } from "./registry.ts";
import { sweepOutboxJob } from "./sweep-outbox.ts";

let recorder: Awaited<ReturnType<typeof startResendRecorder>>;
const originalBackoff = deliveryPolicy.backoffMs;
beforeAll(async () => {
  recorder = await startResendRecorder();
  process.env.RESEND_API_KEY = "re_test_key";
  process.env.RESEND_BASE_URL = recorder.url;
  clearEnvCache();
  deliveryPolicy.backoffMs = 50;
  // What the start-up does (server/startup.ts): the engine runs only registered jobs.
  registerJobs(allJobs);
});
afterAll(async () => {
  await stopJobs();
  deliveryPolicy.backoffMs = originalBackoff;
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
  clearEnvCache();
  await recorder.close();
});

const content = () => passwordResetEmail({ name: "Test", url: "http://localhost/x", expiresAt: new Date() });

describe("in-process engine", () => {
  it("before it is started, enqueue only defers (the record waits for the sweep)", async () => {
    expect(await enqueue(sweepOutboxJob, {})).toBe("deferred");
    expect(await queueHealth()).toMatchObject({ mode: "in-process", started: false });
  });

  it("an invalid payload is refused without throwing", async () => {
    await startInProcessJobs({ timers: false });
    expect(await enqueue(deliverEmailJob, { messageId: "not-a-uuid" })).toBe("deferred");
  });

  it("delivers what sendEmail records, retrying a 500 with backoff", async () => {
    await startInProcessJobs({ timers: false });
    recorder.failNextRequests(1, 500);
    const message = await sendEmail({ to: "x@test.nl", kind: "test", idempotencyKey: "inprocess-1", ...content() });
    expect(message.status).toBe("PENDING");
    await inProcessIdle();
    const row = await prisma.emailMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(row).toMatchObject({ status: "SENT", attempts: 2 });
    expect(recorder.received.filter((r) => r.headers["idempotency-key"] === "inprocess-1")).toHaveLength(1);
    expect(await queueHealth()).toMatchObject({ mode: "in-process", started: true, running: 0, scheduled: 0 });
  });

  it("a periodic job run is recorded in JobRun", async () => {
    await runPeriodic(sweepOutboxJob);
    await runPeriodic(sweepOutboxJob);
    const run = await prisma.jobRun.findUniqueOrThrow({ where: { name: "sweep-outbox" } });
    expect(run.runs).toBe(2);
    expect(run.lastError).toBeNull();
  });
});

describe("periodic jobs run once per schedule slot", () => {
  it("two engines on one database ticking in the same slot: one runs the job, the other skips", async () => {
    const every = sweepOutboxJob.everyMs!;
    const slotStart = Math.floor(Date.UTC(2031, 0, 1) / every) * every;
    const before = (await prisma.jobRun.findUnique({ where: { name: "sweep-outbox" } }))?.runs ?? 0;
    const [first, second] = await Promise.all([
      runPeriodicOnce(sweepOutboxJob, {}, slotStart + 10),
      runPeriodicOnce(sweepOutboxJob, {}, slotStart + every - 10),
    ]);
    expect([first.ran, second.ran].sort()).toEqual([false, true]);
    // The next slot runs again.
    expect((await runPeriodicOnce(sweepOutboxJob, {}, slotStart + every)).ran).toBe(true);
    const after = await prisma.jobRun.findUniqueOrThrow({ where: { name: "sweep-outbox" } });
    expect(after.runs - before).toBe(2);
  });
});

describe("in-process concurrency", () => {
  it("many queued e-mails at once are all delivered (four run at a time, the rest wait)", async () => {
    await startInProcessJobs({ timers: false });
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      ids.push(
        (await sendEmail({ to: `y${i}@test.nl`, kind: "test", idempotencyKey: `inprocess-many-${i}`, ...content() }))
          .id,
      );
    }
    await inProcessIdle();
    expect(await prisma.emailMessage.count({ where: { id: { in: ids }, status: "SENT" } })).toBe(12);
  });
});
