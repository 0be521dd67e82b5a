// Starts Leernetwerk: the shared start-up (server/startup.ts: environment, database and migrations, jobs,
// graceful shutdown), then serves the app. Without REDIS_URL this process also runs the jobs.
// First: caches route matching in @remix-run/router before anything loads it (server/route-matching.ts).
import "./route-matching.ts";
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import type { Server } from "node:http";
import { startUp } from "./startup.ts";

const { env, stopOnSignals } = await startUp({ role: "web" });

const { createApp } = await import("./app.ts");
const { app, close } = await createApp({
  development: env.NODE_ENV === "development",
  production: env.NODE_ENV === "production",
  loginLimit: env.LOGIN_RATE_LIMIT,
  trustProxyHops: env.TRUST_PROXY,
});

// Uploads of the former disk storage (UPLOAD_DIR) are copied into the database once; later starts find
// nothing left to copy (app/storage/files.server.ts).
if (existsSync(env.UPLOAD_DIR)) {
  const { migrateDiskUploads } = await import("../app/storage/files.server.ts");
  const moved = await migrateDiskUploads(env.UPLOAD_DIR);
  if (moved.copied > 0 || moved.missing.length > 0) {
    console.log(
      `Bestanden van ${env.UPLOAD_DIR} naar de database: ${moved.copied} gekopieerd, ${moved.missing.length} niet gevonden`,
    );
  }
}

// Background jobs: with REDIS_URL, workers (`npm run worker`) run them; without, this process does.
if (!env.REDIS_URL) {
  const { startInProcessJobs } = await import("../jobs/engine.ts");
  await startInProcessJobs();
}

const server: Server = app.listen(env.PORT, env.HOST, () => {
  const ready = Math.round(performance.now());
  console.log(`Leernetwerk draait op ${env.APP_URL} (listening on ${env.HOST}:${env.PORT}, ready in ${ready} ms)`);
});

// Stop accepting connections and let running requests finish (at most 10 s), then the jobs and the database.
stopOnSignals("stoppen…", async () => {
  server.closeIdleConnections?.();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await close();
});
