// The job engine. With REDIS_URL: Bull queues on Redis; web processes only enqueue, workers
// (`npm run worker`, jobs/worker.ts) process. Without REDIS_URL (the embedded default): the same
// processors run in this process, with the same retries, and timers instead of repeatable jobs.
//
// The engine imports no job: the start-up (server/startup.ts, for the web server and the worker alike)
// registers the definitions with registerJobs(). So side effects run one way — models → notifications →
// e-mail → this engine — and a job file may call any of them without an import circle.
//
// Durability never depends on Redis: whatever a job delivers was first recorded in the database (the
// outbox, notifications), and the periodic sweep re-enqueues anything not done. So enqueue() never
// throws and never keeps a user waiting: when Redis is unreachable it gives up quickly and the sweep
// delivers the message once Redis (and a worker) are back.
import Bull from "bull";
import type { z } from "zod";
import { prisma } from "../app/utils/db.server.ts";
import { getEnv } from "../app/utils/env.server.ts";
import type { JobDefinition } from "./definition.ts";

export const QUEUE_NAME = "leernetwerk";

function log(message: string, error?: unknown) {
  const detail = error instanceof Error ? `: ${error.message}` : error ? `: ${String(error)}` : "";
  console.warn(`[jobs] ${message}${detail}`);
}

// ---------------------------------------------------------------- Bull (Redis) ----------------------

// The production build bundles its own copy of this module next to the one server/index.ts loads; the
// engine's state lives on globalThis so both copies share one queue and one in-process runner.
type EngineState = {
  /** The jobs this process runs, by name (registerJobs). */
  jobs: Map<string, JobDefinition>;
  queue?: Bull.Queue;
  lastRedisError?: { at: Date; message: string };
  local: InProcessState;
};

export function redisUrl() {
  return getEnv().REDIS_URL;
}

/** The shared Bull queue of this process (producer side; workers add processors to it). */
export function getQueue(settings?: Bull.AdvancedSettings): Bull.Queue {
  const url = redisUrl();
  if (!url) throw new Error("getQueue() needs REDIS_URL");
  if (!state.queue) {
    const queue = new Bull(QUEUE_NAME, url, {
      settings,
      defaultJobOptions: { removeOnComplete: true, removeOnFail: 1000 },
    });
    let lastLogged = 0;
    queue.on("error", (error: Error) => {
      state.lastRedisError = { at: new Date(), message: error.message };
      // Redis being away is expected during an outage; say so now and then, not on every reconnect.
      if (Date.now() - lastLogged > 30_000) {
        lastLogged = Date.now();
        log("Redis niet bereikbaar", error);
      }
    });
    state.queue = queue;
  }
  return state.queue;
}

const ENQUEUE_TIMEOUT_MS = 1000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | "timeout"> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------- in-process ------------------------

type InProcessState = {
  started: boolean;
  timers: NodeJS.Timeout[];
  running: number;
  scheduled: number;
  completed: number;
  failed: number;
  lastError?: { at: Date; job: string; message: string };
  idleWaiters: (() => void)[];
};
const globalForJobs = globalThis as unknown as { __leernetwerkJobs?: EngineState };
const state: EngineState = globalForJobs.__leernetwerkJobs ?? {
  jobs: new Map(),
  local: { started: false, timers: [], running: 0, scheduled: 0, completed: 0, failed: 0, idleWaiters: [] },
};
globalForJobs.__leernetwerkJobs = state;
const local = state.local;

function settleIdle() {
  if (local.running === 0 && local.scheduled === 0) for (const resolve of local.idleWaiters.splice(0)) resolve();
}

/** In-process jobs share the web server's database pool: a few at a time, the rest wait their turn. */
const IN_PROCESS_CONCURRENCY = 4;
const readyToRun: (() => void)[] = [];

function runLocally(definition: JobDefinition, payload: unknown, attempt = 1, delayMs = 0) {
  local.scheduled++;
  const start = async () => {
    if (local.running >= IN_PROCESS_CONCURRENCY) {
      readyToRun.push(() => void start());
      return;
    }
    local.scheduled--;
    local.running++;
    try {
      await definition.process(payload);
      local.completed++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (attempt < definition.attempts && local.started) {
        runLocally(definition, payload, attempt + 1, definition.backoffMs * 2 ** (attempt - 1));
      } else {
        local.failed++;
        local.lastError = { at: new Date(), job: definition.name, message };
        log(`job ${definition.name} mislukt na ${attempt} poging(en)`, error);
      }
    } finally {
      local.running--;
      readyToRun.shift()?.();
      settleIdle();
    }
  };
  const timer = setTimeout(() => void start(), delayMs);
  timer.unref();
}

// ---------------------------------------------------------------- public API ------------------------

/**
 * Makes these jobs known to this process: the in-process engine and a Bull worker run only registered
 * jobs (the start-up registers them all, see server/startup.ts). Registering again replaces by name.
 */
export function registerJobs(definitions: readonly JobDefinition[]) {
  for (const definition of definitions) state.jobs.set(definition.name, definition);
}

/**
 * Hands a job to the engine. Never throws and returns quickly: the caller's work is already recorded
 * in the database, so a job that cannot be queued now is picked up by the sweep later.
 */
export async function enqueue<Schema extends z.ZodTypeAny>(
  definition: JobDefinition<Schema>,
  payload: z.input<Schema>,
): Promise<"queued" | "deferred"> {
  const name = definition.name;
  try {
    const data: z.output<Schema> = definition.payload.parse(payload);
    if (!redisUrl()) {
      // Only a started engine runs jobs (the web server starts it); elsewhere (tests, scripts) the
      // record waits for the sweep or for a direct call.
      if (!local.started) return "deferred";
      const registered = state.jobs.get(name);
      if (!registered) throw new Error(`job ${name} is niet geregistreerd (registerJobs)`);
      runLocally(registered, data);
      return "queued";
    }
    const q = getQueue();
    const status = q.client.status;
    if (status === "reconnecting" || status === "end" || status === "close") return "deferred";
    const added = await withTimeout(
      q.add(name, data, {
        jobId: definition.jobId?.(data),
        attempts: definition.attempts,
        backoff: { type: "exponential", delay: definition.backoffMs },
      }),
      ENQUEUE_TIMEOUT_MS,
    );
    return added === "timeout" ? "deferred" : "queued";
  } catch (error) {
    log(`job ${name} niet in de wachtrij gezet (de sweep pakt het later op)`, error);
    return "deferred";
  }
}

/** Runs a periodic job now (no slot claimed: see runPeriodicOnce) and records it in JobRun (shown on the coordinator's e-mail page). */
export async function runPeriodic<Schema extends z.ZodTypeAny>(
  definition: JobDefinition<Schema>,
  payload: unknown = {},
) {
  const started = Date.now();
  try {
    const result = await definition.process(definition.payload.parse(payload));
    await recordRun(definition.name, Date.now() - started, null, result);
    return result;
  } catch (error) {
    await recordRun(definition.name, Date.now() - started, error instanceof Error ? error.message : String(error), {});
    throw error;
  }
}

/**
 * Claims this schedule slot of a periodic job for this process: true for exactly one caller per slot across
 * every process on the database (the insert of the slot's JobSlot row wins; the others find it taken).
 * A slot is the time rounded down to a multiple of `everyMs`. Slots older than a day are removed.
 */
export async function claimSlot(name: string, everyMs: number, now: number = Date.now()): Promise<boolean> {
  const slot = new Date(Math.floor(now / everyMs) * everyMs);
  const claimed = await prisma.jobSlot.createMany({ data: [{ name, slot }], skipDuplicates: true });
  if (claimed.count === 1 && Math.random() < 0.05) {
    await prisma.jobSlot.deleteMany({ where: { name, slot: { lt: new Date(now - DAY_MS - everyMs) } } });
  }
  return claimed.count === 1;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What the schedule runs (the in-process timers and Bull's repeatable jobs): the periodic job, once per
 * slot across the deployment. Several web processes without Redis each have their timers; with Redis,
 * Bull already fires each repeatable job once, and the claim keeps it so when engines are mixed.
 */
export async function runPeriodicOnce<Schema extends z.ZodTypeAny>(
  definition: JobDefinition<Schema>,
  payload: unknown = {},
  now: number = Date.now(),
): Promise<{ ran: true; result: unknown } | { ran: false }> {
  if (!definition.everyMs) throw new Error(`job ${definition.name} is niet periodiek`);
  if (!(await claimSlot(definition.name, definition.everyMs, now))) return { ran: false };
  return { ran: true, result: await runPeriodic(definition, payload) };
}

async function recordRun(name: string, durationMs: number, lastError: string | null, result: unknown) {
  const json = JSON.parse(JSON.stringify(result ?? {})) as object;
  await prisma.jobRun
    .upsert({
      where: { name },
      create: { name, lastRunAt: new Date(), durationMs, lastError, result: json },
      update: { lastRunAt: new Date(), durationMs, lastError, result: json, runs: { increment: 1 } },
    })
    .catch((error: unknown) => log(`JobRun ${name} niet bijgewerkt`, error));
}

/** Without REDIS_URL: run jobs in this process, with timers for the periodic ones. */
export async function startInProcessJobs(options: { timers?: boolean } = {}) {
  if (local.started) return;
  local.started = true;
  if (options.timers === false) return;
  for (const definition of state.jobs.values()) {
    const every = definition.everyMs;
    if (!every) continue;
    const tick = () => void runPeriodicOnce(definition).catch((error: unknown) => log(`job ${definition.name}`, error));
    // First run soon after start-up (picks up what a restart left behind), then at the interval.
    const first = setTimeout(tick, 2000);
    first.unref();
    const interval = setInterval(tick, every);
    interval.unref();
    local.timers.push(first, interval);
  }
}

/** Resolves when no in-process job is running or waiting for a retry (tests, benchmark). */
export function inProcessIdle(): Promise<void> {
  if (local.running === 0 && local.scheduled === 0) return Promise.resolve();
  return new Promise((resolve) => local.idleWaiters.push(resolve));
}

export async function stopJobs() {
  local.started = false;
  for (const timer of local.timers.splice(0)) clearTimeout(timer);
  if (state.queue) {
    const closing = state.queue;
    state.queue = undefined;
    await withTimeout(closing.close(), 5000).catch(() => {});
  }
}

/**
 * A Bull worker: processes every job of the queue with `concurrency` jobs at a time and registers the
 * periodic jobs as repeatable jobs (several workers registering the same ones is harmless).
 */
export async function startWorker(options: { concurrency: number; settings?: Bull.AdvancedSettings }) {
  const q = getQueue(options.settings);
  void q.process("*", options.concurrency, async (job) => {
    const definition = state.jobs.get(job.name);
    if (!definition) throw new Error(`onbekende job ${job.name}`);
    if (definition.everyMs) return runPeriodicOnce(definition, job.data);
    return definition.process(definition.payload.parse(job.data));
  });
  const registerPeriodic = async () => {
    for (const definition of state.jobs.values()) {
      if (!definition.everyMs) continue;
      await q.add(definition.name, {}, { repeat: { every: definition.everyMs }, jobId: definition.name, attempts: 1 });
    }
  };
  await registerPeriodic();
  // A Redis that restarts without its data forgets the repeatable jobs: register them again on every
  // reconnect, so the sweep resumes and delivers what was recorded during the outage.
  q.client.on(
    "ready",
    () => void registerPeriodic().catch((error: unknown) => log("vaste taken niet opnieuw ingepland", error)),
  );
  return q;
}

export type QueueHealth =
  | {
      mode: "redis";
      connected: boolean;
      counts: { waiting: number; active: number; delayed: number; failed: number; completed: number } | null;
      lastError: { at: Date; message: string } | null;
    }
  | {
      mode: "in-process";
      started: boolean;
      running: number;
      scheduled: number;
      completed: number;
      failed: number;
      lastError: { at: Date; job: string; message: string } | null;
    };

export async function queueHealth(): Promise<QueueHealth> {
  if (!redisUrl()) {
    return {
      mode: "in-process",
      started: local.started,
      running: local.running,
      scheduled: local.scheduled,
      completed: local.completed,
      failed: local.failed,
      lastError: local.lastError ?? null,
    };
  }
  const q = getQueue();
  const connected = q.client.status === "ready";
  const counts = connected
    ? await withTimeout(q.getJobCounts(), ENQUEUE_TIMEOUT_MS).catch(() => "timeout" as const)
    : "timeout";
  return {
    mode: "redis",
    connected,
    counts:
      counts === "timeout"
        ? null
        : {
            waiting: counts.waiting,
            active: counts.active,
            delayed: counts.delayed,
            failed: counts.failed,
            completed: counts.completed,
          },
    lastError: state.lastRedisError ?? null,
  };
}
