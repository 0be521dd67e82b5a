// Benchmark of the job engine (npm run bench:jobs):
//  1. throughput: 10,000 recorded e-mails, queued on Bull, delivered by one and then two worker
//     processes (`jobs/worker.ts`, WORKER_CONCURRENCY each) to the local fake Resend server; messages/s
//     from "queue resumed" to "all 10,000 SENT in the database";
//  2. the latency a page action pays for enqueueing: the same e-mail step of an action with and without
//     the enqueue (recordEmail + enqueue to Redis vs recordEmail alone), interleaved in one run; p50/p95.
// Every figure is the median over BENCH_RUNS runs. Runs on a throw-away PostgreSQL (tests/support/
// postgres.sh, port BENCH_POSTGRES_PORT) and Debian's redis-server (BENCH_REDIS_PORT), both on 127.0.0.1
// and stopped afterwards. Tuning: BENCH_MESSAGES (10000), BENCH_RUNS (3), BENCH_CONCURRENCY (10),
// BENCH_ACTIONS (1000 per variant and run).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { redisServer } from "../support/redis.ts";
import { startResendRecorder } from "../support/resend-recorder.ts";
import { type WorkerProcess, startWorkerProcess } from "../support/worker-process.ts";

const root = path.resolve(import.meta.dirname, "../..");
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const ACTIONS = Number(process.env.BENCH_ACTIONS ?? 1000);
const pgPort = process.env.BENCH_POSTGRES_PORT ?? "55473";
const redis = redisServer(Number(process.env.BENCH_REDIS_PORT ?? 6393));

// CPU time (user + system, ms) a process has used, from /proc; it hardly depends on how busy the
// machine is, unlike messages/s on a shared machine.
const clockTicks = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;
function cpuMs(pid: number | undefined): number {
  if (!pid) return 0;
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

const postgres = path.join(root, "tests/support/postgres.sh");
execFileSync(postgres, ["stop", pgPort]);
const adminUrl = execFileSync(postgres, ["start", pgPort]).toString().trim();
const workers: WorkerProcess[] = [];
try {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query("CREATE DATABASE bench_jobs");
  await admin.end();
  const databaseUrl = adminUrl.replace(/\/postgres$/, "/bench_jobs");
  const { migrate } = await import("../../server/database/migrate.ts");
  await migrate(databaseUrl);

  await redis.start();
  const recorder = await startResendRecorder();
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: "10",
    REDIS_URL: redis.url,
    RESEND_API_KEY: "re_bench",
    RESEND_BASE_URL: recorder.url,
    NODE_ENV: "test",
  });
  const { prisma } = await import("../../app/utils/db.server.ts");
  const { getQueue, enqueue, stopJobs } = await import("../../jobs/engine.ts");
  const { recordEmail } = await import("../../app/email/send-email.server.ts");
  const { deliverEmailJob } = await import("../../app/email/delivery.server.ts");
  const { passwordResetEmail } = await import("../../app/email/templates.server.ts");
  const content = passwordResetEmail({ name: "Bench", url: "http://localhost/x", expiresAt: new Date() });
  const queue = getQueue();
  await queue.isReady();

  console.log(
    `Machine: ${os.cpus().length} CPUs, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  console.log(`Throughput: ${MESSAGES} e-mails, worker concurrency ${CONCURRENCY}, ${RUNS} runs per setting`);

  const throughput: Record<number, number[]> = { 1: [], 2: [] };
  const cpuPerMessage: Record<number, number[]> = { 1: [], 2: [] };
  for (let run = 1; run <= RUNS; run++) {
    for (const count of [1, 2]) {
      await prisma.emailMessage.deleteMany();
      await queue.empty();
      await queue.pause(); // global: workers wait until everything is queued
      const rows = Array.from({ length: MESSAGES }, (_, i) => ({
        id: randomUUID(),
        idempotencyKey: `bench-${run}-${count}-${i}`,
        kind: "bench",
        to: `ontvanger${i}@bench.test`,
        ...content,
        status: "PENDING" as const,
        // Far in the future: only the queued jobs deliver them, not the sweep.
        nextAttemptAt: new Date(Date.now() + 24 * 60 * 60 * 1000),
      }));
      for (let i = 0; i < rows.length; i += 1000)
        await prisma.emailMessage.createMany({ data: rows.slice(i, i + 1000) });
      for (let i = 0; i < rows.length; i += 1000) {
        await queue.addBulk(
          rows.slice(i, i + 1000).map((row) => ({
            name: "deliver-email",
            data: { messageId: row.id },
            opts: { jobId: `email:${row.id}`, removeOnComplete: true, attempts: 6 },
          })),
        );
      }
      for (let i = 0; i < count; i++) {
        workers.push(
          await startWorkerProcess({
            DATABASE_URL: databaseUrl,
            DATABASE_POOL_SIZE: "10",
            REDIS_URL: redis.url,
            RESEND_API_KEY: "re_bench",
            RESEND_BASE_URL: recorder.url,
            WORKER_CONCURRENCY: String(CONCURRENCY),
          }),
        );
      }
      const before = recorder.received.length;
      const cpuBefore = workers.reduce((sum, worker) => sum + cpuMs(worker.child.pid), 0);
      const started = performance.now();
      await queue.resume();
      for (;;) {
        const sent = await prisma.emailMessage.count({ where: { status: "SENT" } });
        if (sent >= MESSAGES) break;
        if (performance.now() - started > 600_000) throw new Error(`only ${sent} sent after 10 minutes`);
        await sleep(100);
      }
      const seconds = (performance.now() - started) / 1000;
      const workerCpu = workers.reduce((sum, worker) => sum + cpuMs(worker.child.pid), 0) - cpuBefore;
      cpuPerMessage[count]!.push(workerCpu / MESSAGES);
      const delivered = recorder.received.length - before;
      if (delivered !== MESSAGES) throw new Error(`fake Resend received ${delivered} e-mails, expected ${MESSAGES}`);
      throughput[count]!.push(MESSAGES / seconds);
      console.log(
        `  run ${run}, ${count} worker(s): ${(MESSAGES / seconds).toFixed(0)} messages/s (${seconds.toFixed(1)} s), ` +
          `worker CPU ${(workerCpu / MESSAGES).toFixed(2)} ms per message, load average ${os.loadavg()[0]!.toFixed(2)}`,
      );
      for (const worker of workers.splice(0)) await worker.stop();
    }
  }

  // The e-mail step of a page action: record it (always), and hand it to the queue (measured).
  console.log(`Enqueue latency: ${ACTIONS} actions per variant and run, interleaved`);
  await prisma.emailMessage.deleteMany();
  await queue.pause(); // nothing is delivered meanwhile; we measure only the request's share
  const p95s = { without: [] as number[], with: [] as number[] };
  const p50s = { without: [] as number[], with: [] as number[] };
  for (let run = 1; run <= RUNS; run++) {
    const timings = { without: [] as number[], with: [] as number[] };
    for (let i = 0; i < ACTIONS * 2; i++) {
      const variant = i % 2 === 0 ? "without" : "with";
      const started = performance.now();
      const message = await recordEmail({
        to: "a@bench.test",
        kind: "bench",
        idempotencyKey: `action-${run}-${i}`,
        ...content,
      });
      if (variant === "with") await enqueue(deliverEmailJob, { messageId: message.id });
      timings[variant].push(performance.now() - started);
    }
    for (const variant of ["without", "with"] as const) {
      p95s[variant].push(percentile(timings[variant], 95));
      p50s[variant].push(percentile(timings[variant], 50));
    }
    console.log(
      `  run ${run}: p95 without ${percentile(timings.without, 95).toFixed(2)} ms, with ${percentile(timings.with, 95).toFixed(2)} ms`,
    );
  }
  await queue.empty();

  console.log("\nMedians");
  console.log(
    `  1 worker:  ${median(throughput[1]!).toFixed(0)} messages/s, worker CPU ${median(cpuPerMessage[1]!).toFixed(2)} ms per message`,
  );
  console.log(
    `  2 workers: ${median(throughput[2]!).toFixed(0)} messages/s, worker CPU ${median(cpuPerMessage[2]!).toFixed(2)} ms per message`,
  );
  console.log(
    `  action's e-mail step p50: ${median(p50s.without).toFixed(2)} ms without enqueue, ${median(p50s.with).toFixed(2)} ms with`,
  );
  console.log(
    `  action's e-mail step p95: ${median(p95s.without).toFixed(2)} ms without enqueue, ${median(p95s.with).toFixed(2)} ms with (added: ${(median(p95s.with) - median(p95s.without)).toFixed(2)} ms)`,
  );
  await stopJobs();
  await prisma.$disconnect();
  await recorder.close();
} finally {
  for (const worker of workers.splice(0)) await worker.kill().catch(() => {});
  await redis.stop();
  execFileSync(postgres, ["stop", pgPort]);
}
