// Periodic jobs across processes without Redis: several web processes each run the in-process engine with
// its timers on one PostgreSQL database; every schedule slot still runs the job once (jobs/engine.ts,
// claimSlot). Runs in the redis project because it needs real processes on PostgreSQL (TEST_POSTGRES_URL).
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "../app/utils/db.server.ts";

const root = path.resolve(import.meta.dirname, "..");
const children: ChildProcess[] = [];

function startEngine(): Promise<ChildProcess> {
  const { REDIS_URL: _ignored, ...env } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/periodic-engine.ts"], {
    cwd: root,
    env: { ...env, NODE_ENV: "test", PERIODIC_EVERY_MS: "400", DATABASE_URL: process.env.DATABASE_URL! },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`engine did not start:\n${output}`)), 30_000);
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("engine gestart")) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.on("exit", (code) => reject(new Error(`engine exited with ${code}:\n${output}`)));
  });
}

async function stopEngines() {
  for (const child of children.splice(0)) {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
  }
}
afterAll(stopEngines);

describe("periodic jobs without Redis", () => {
  it("two engines on one database run each slot of a periodic job once", async () => {
    await Promise.all([startEngine(), startEngine()]);
    // About ten slots of 400 ms (the first tick comes 2 s after each engine's start).
    await new Promise((resolve) => setTimeout(resolve, 6000));
    await stopEngines();
    const slots = await prisma.jobSlot.count({ where: { name: "sweep-outbox" } });
    const run = await prisma.jobRun.findUniqueOrThrow({ where: { name: "sweep-outbox" } });
    expect(slots).toBeGreaterThanOrEqual(5);
    // Without the claim each engine would run every slot: twice as many runs as slots. A run still
    // going when its engine was stopped is not recorded, hence the small margin below.
    expect(run.runs).toBeLessThanOrEqual(slots);
    expect(run.runs).toBeGreaterThanOrEqual(slots - 3);
  }, 120_000);
});
