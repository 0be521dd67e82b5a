import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";
import remixConfig from "./remix.config.js";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

const isVitest = Boolean(process.env.VITEST);

export default defineConfig({
  plugins: [isVitest ? null : remix(remixConfig), tsconfigPaths()],
  build: { target: "es2022" },
  server: { host: "127.0.0.1" },
  test: {
    // A console.error during a unit test is a bug we want to see: tests/setup/no-console-error.ts fails it.
    setupFiles: ["tests/setup/no-console-error.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: [
            "app/**/*.test.ts",
            "server/**/*.test.ts",
            "jobs/**/*.test.ts",
            "prisma/**/*.test.ts",
            "tests/architecture/**/*.test.ts",
          ],
          exclude: ["**/*.db.test.ts", "**/*.redis.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          // Tests that need a database: each file gets its own fresh, migrated database
          // (in-memory PGlite by default, a new PostgreSQL database when TEST_POSTGRES_URL is set).
          name: "db",
          // Route tests (loaders and actions called directly) live in tests/routes, model tests next to the model.
          include: [
            "app/**/*.db.test.ts",
            "tests/db/**/*.test.ts",
            "tests/routes/**/*.db.test.ts",
            "jobs/**/*.db.test.ts",
          ],
          globalSetup: ["tests/setup/database-template.ts"],
          setupFiles: ["tests/setup/database.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          // The production shape (server/tools/cluster.ts: nginx, two web processes, two workers, PostgreSQL,
          // Redis) driven through the proxy; tests/run-all.sh runs it after the build (`--project cluster`).
          name: "cluster",
          include: ["tests/cluster/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
      {
        extends: true,
        test: {
          // The job engine on a real Redis with worker processes (tests/run-all.sh runs these with
          // Debian's redis-server installed, against PostgreSQL: `vitest run --project redis`).
          name: "redis",
          include: ["jobs/**/*.redis.test.ts", "app/**/*.redis.test.ts"],
          setupFiles: ["tests/setup/database.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
