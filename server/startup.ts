// The start-up shared by the web server (server/index.ts) and the worker (jobs/worker.ts): read .env,
// parse the environment, start or connect to the database and migrate it, register the jobs, and stop
// cleanly on SIGINT/SIGTERM (running work finishes, the embedded database is flushed to disk).
//
// App modules are imported only after the environment is complete and DATABASE_URL points at the
// database: the Prisma client reads it when it is first imported.
import { existsSync } from "node:fs";
import path from "node:path";
import type { Env } from "../app/utils/env.server.ts";
import type { Database } from "./database/index.ts";

export const projectRoot = path.resolve(import.meta.dirname, "..");

export type Started = {
  env: Env;
  database: Database;
  /**
   * On SIGINT/SIGTERM: log `message`, run `stop` (e.g. close the HTTP server), then stop the jobs, close
   * the database connections and the embedded database, and exit. Forced exit after 10 s.
   */
  stopOnSignals: (message: string, stop?: () => Promise<void>) => void;
};

export async function startUp(options: { role: "web" | "worker" }): Promise<Started> {
  const envFile = path.join(projectRoot, ".env");
  if (existsSync(envFile)) process.loadEnvFile(envFile);

  const { getEnv, EnvError } = await import("../app/utils/env.server.ts");
  let env: Env;
  try {
    env = getEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  if (options.role === "worker" && (!env.REDIS_URL || !env.DATABASE_URL)) {
    console.error(
      "De worker heeft REDIS_URL en DATABASE_URL nodig. Zonder Redis voert de webserver de taken zelf uit. / The worker needs REDIS_URL and DATABASE_URL.",
    );
    process.exit(1);
  }

  const { startDatabase } = await import("./database/index.ts");
  const database = await startDatabase({
    databaseUrl: env.DATABASE_URL,
    pgliteDataDir: path.resolve(projectRoot, env.PGLITE_DATA_DIR),
    log: (message) => console.log(message),
  });
  // startDatabase handed the database's URL on through DATABASE_URL (the embedded one is only known now).
  env = getEnv();

  // Every job, for both roles: the web server runs them itself without Redis, and enqueues them with it.
  const { registerJobs, stopJobs } = await import("../jobs/engine.ts");
  const { allJobs } = await import("../jobs/registry.ts");
  registerJobs(allJobs);

  let stopping = false;
  const stopOnSignals = (message: string, stop?: () => Promise<void>) => {
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(`${signal}: ${message}`);
      const force = setTimeout(() => process.exit(1), 10_000);
      force.unref();
      await stop?.();
      await stopJobs();
      const { prisma } = await import("../app/utils/db.server.ts");
      await prisma.$disconnect().catch(() => {});
      await database.stop();
      process.exit(0);
    };
    process.on("SIGINT", () => void shutdown("SIGINT"));
    process.on("SIGTERM", () => void shutdown("SIGTERM"));
  };

  return { env, database, stopOnSignals };
}
