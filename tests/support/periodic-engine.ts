// A second (third, …) web process's job engine without Redis, as a child process for the test of periodic
// jobs across processes (jobs/periodic.redis.test.ts): registers the outbox sweep with a short interval
// (PERIODIC_EVERY_MS) and starts the in-process engine with its timers, on DATABASE_URL, until SIGTERM.
import { sweepOutboxJob } from "../../jobs/sweep-outbox.ts";
import { registerJobs, startInProcessJobs, stopJobs } from "../../jobs/engine.ts";
import { prisma } from "../../app/utils/db.server.ts";

registerJobs([{ ...sweepOutboxJob, everyMs: Number(process.env.PERIODIC_EVERY_MS ?? 500) }]);
await startInProcessJobs();
console.log("engine gestart");
// The engine's timers do not keep a process alive (a web server's HTTP server does): this one does.
const alive = setInterval(() => {}, 60_000);
process.on("SIGTERM", () => {
  clearInterval(alive);
  void stopJobs()
    .then(() => prisma.$disconnect())
    .then(() => process.exit(0));
});
