// The worker process: `npm run worker` (one or more, on any machine that reaches Redis and PostgreSQL).
// Processes every job of the Bull queue and registers the periodic ones (outbox sweep, session notices,
// weekly digest) as repeatable jobs. Needs REDIS_URL and DATABASE_URL (the embedded PGlite lives inside
// the web process; without Redis the web process runs the jobs itself).
import { existsSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
if (existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));

const { getEnv, EnvError } = await import("../app/utils/env.server.ts");
let env: ReturnType<typeof getEnv>;
try {
  env = getEnv();
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
if (!env.REDIS_URL || !env.DATABASE_URL) {
  console.error(
    "De worker heeft REDIS_URL en DATABASE_URL nodig. Zonder Redis voert de webserver de taken zelf uit. / The worker needs REDIS_URL and DATABASE_URL.",
  );
  process.exit(1);
}

const concurrency = Number(process.env.WORKER_CONCURRENCY ?? 5);
// How soon a job of a worker that died is given to another one (Bull's lock); tests shorten it.
const lockDuration = Number(process.env.WORKER_LOCK_MS ?? 30_000);

const { migrate } = await import("../server/database/migrate.ts");
await migrate(env.DATABASE_URL);
const { startWorker, stopJobs } = await import("./engine.ts");
await startWorker({ concurrency, settings: { lockDuration, stalledInterval: Math.max(1000, lockDuration / 2) } });
console.log(`Worker gestart (pid ${process.pid}, ${concurrency} taken tegelijk)`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: worker stopt…`);
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  await stopJobs();
  const { prisma } = await import("../app/utils/db.server.ts");
  await prisma.$disconnect().catch(() => {});
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
