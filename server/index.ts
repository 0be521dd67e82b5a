// Starts Leernetwerk: reads the environment, starts (or connects to) the database and migrates it, then
// serves the app. Stops cleanly on SIGINT/SIGTERM so the embedded database is flushed to disk.
import { existsSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { Server } from "node:http";
import { projectRoot } from "./app.ts";

const envFile = path.join(projectRoot, ".env");
if (existsSync(envFile)) process.loadEnvFile(envFile);

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

const development = env.NODE_ENV === "development";
const { startDatabase } = await import("./database/index.ts");
const database = await startDatabase({
  databaseUrl: env.DATABASE_URL,
  pgliteDataDir: path.resolve(projectRoot, env.PGLITE_DATA_DIR),
  log: (message) => console.log(message),
});

const { createApp } = await import("./app.ts");
const { app, close } = await createApp({
  development,
  loginLimit: env.LOGIN_RATE_LIMIT,
  trustProxy: process.env.TRUST_PROXY === "true",
});

// Background jobs: with REDIS_URL, workers (`npm run worker`) run them; without, this process does.
const jobs = await import("../jobs/engine.ts");
if (!env.REDIS_URL) await jobs.startInProcessJobs();

const server: Server = app.listen(env.PORT, env.HOST, () => {
  const ready = Math.round(performance.now());
  console.log(`Leernetwerk draait op ${env.APP_URL} (listening on ${env.HOST}:${env.PORT}, ready in ${ready} ms)`);
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stoppen…`);
  // Stop accepting connections, let running requests finish (at most 10 s), then close the database.
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  server.closeIdleConnections?.();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await close();
  await jobs.stopJobs();
  const { prisma } = await import("../app/utils/db.server.ts");
  await prisma.$disconnect().catch(() => {});
  await database.stop();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
