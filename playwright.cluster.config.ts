// The browser journey through the production shape (tests/cluster/*.spec.ts): globalSetup starts
// server/tools/cluster.ts's cluster — nginx in front of two web processes, two workers, PostgreSQL and Redis
// on 127.0.0.1, with the demo data — and the browser (Debian's Chromium, as in playwright.config.ts) talks
// to nginx only. The setup writes the web processes' pids to tmp/cluster-<port>/control.json, so the journey
// can kill one mid-way. `npm run test:cluster-browser` after `npm run build`; tests/run-all.sh runs it after
// the cluster's Vitest step. Ports: CLUSTER_PORT (3320; the web processes take the next two),
// CLUSTER_POSTGRES_PORT (55471), CLUSTER_REDIS_PORT (6397).
import { defineConfig, devices } from "@playwright/test";
import baseConfig from "./playwright.config.ts";

const PORT = Number(process.env.CLUSTER_PORT || 3320);

export default defineConfig({
  testDir: "tests/cluster",
  testMatch: "**/*.spec.ts",
  outputDir: "tmp/cluster-e2e/test-results",
  globalSetup: "./tests/cluster/browser-setup.ts",
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: "list",
  timeout: 90_000,
  expect: { timeout: 10_000 },
  use: {
    ...baseConfig.use,
    baseURL: `http://127.0.0.1:${PORT}`,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], ...baseConfig.projects?.[0]?.use } }],
});
