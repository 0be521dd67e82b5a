// The worker process: `npm run worker` (one or more, on any machine that reaches Redis and PostgreSQL).
// Processes every job of the Bull queue and registers the periodic ones (outbox sweep, session notices,
// weekly digest) as repeatable jobs. Needs REDIS_URL and DATABASE_URL (the embedded PGlite lives inside
// the web process; without Redis the web process runs the jobs itself). The start-up (environment,
// migrations, job registration, graceful shutdown) is the web server's: server/startup.ts.
import { startUp } from "../server/startup.ts";

const { env, stopOnSignals } = await startUp({ role: "worker" });

const { startWorker } = await import("./engine.ts");
// WORKER_LOCK_MS: how soon a job of a worker that died is given to another one (Bull's lock).
const lockDuration = env.WORKER_LOCK_MS;
await startWorker({
  concurrency: env.WORKER_CONCURRENCY,
  settings: { lockDuration, stalledInterval: Math.max(1000, lockDuration / 2) },
});
console.log(`Worker gestart (pid ${process.pid}, ${env.WORKER_CONCURRENCY} taken tegelijk)`);

stopOnSignals("worker stopt…");
