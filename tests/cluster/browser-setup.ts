// Playwright's globalSetup for playwright.cluster.config.ts: starts the cluster (nginx, two web processes,
// two workers, PostgreSQL, Redis, the demo data) and stops it when the run ends. The web processes' names,
// ports and pids go to tmp/cluster-<port>/control.json for the journey, which runs in another process.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { startCluster } from "../../server/tools/cluster.ts";

export type ClusterControl = { url: string; webs: Array<{ name: string; port: number; pid: number }> };

export function controlFile(port: number): string {
  return path.resolve(import.meta.dirname, "../..", "tmp", `cluster-${port}`, "control.json");
}

export default async function setup() {
  const port = Number(process.env.CLUSTER_PORT || 3320);
  const cluster = await startCluster({
    port,
    postgresPort: Number(process.env.CLUSTER_POSTGRES_PORT || 55471),
    redisPort: Number(process.env.CLUSTER_REDIS_PORT || 6397),
    // The journey signs in a few times from one address.
    env: { LOGIN_RATE_LIMIT: "100" },
  });
  const control: ClusterControl = {
    url: cluster.url,
    webs: cluster.webs.map((web) => ({ name: web.name, port: web.port!, pid: web.pid()! })),
  };
  writeFileSync(controlFile(port), JSON.stringify(control, null, 2));
  return async () => {
    await cluster.stop();
  };
}
