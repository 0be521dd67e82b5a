// End-to-end tests (tests/e2e): a real browser against the production build, served by the real Express
// server on a fresh embedded database (PGlite) seeded with the demo data. `npm run test:e2e` does not build:
// run `npm run build` first (npm test does). Debian's Chromium is used because `npx playwright install`
// cannot download browsers here (see the "Browsers for Playwright" section of STACK.md).
import { defineConfig, devices } from "@playwright/test";
import { webServerNodeArgs } from "./server/tools/start-command.ts";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const DATA_DIR = "tmp/e2e/pglite";

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "tmp/e2e/test-results",
  // The tests share one server and one database; mutating tests use their own data, but one worker keeps
  // the per-address login throttle and the outbox ordering predictable.
  workers: 1,
  fullyParallel: false,
  // No retries: the tests change shared data (used links, changed passwords), so a retry would not be a
  // clean re-run, and a flaky test should be seen, not hidden.
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: "list",
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL: BASE_URL,
    locale: "nl-NL",
    timezoneId: "Europe/Amsterdam",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: {
    // A fresh database on every run: remove it, migrate and seed it, then serve the built app as `npm start`
    // does (its Node arguments).
    command: `rm -rf ${DATA_DIR} && mkdir -p tmp/e2e && node_modules/.bin/tsx prisma/seed.ts && exec node ${webServerNodeArgs().join(" ")}`,
    url: `${BASE_URL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      NODE_ENV: "production",
      PGLITE_DATA_DIR: DATA_DIR,
      // Always the embedded database, even when the shell has one configured.
      DATABASE_URL: "",
      SESSION_SECRET: "e2e-session-secret-0123456789-abcdefghijklmnop",
      PORT: String(PORT),
      HOST: "127.0.0.1",
      APP_URL: BASE_URL,
      // E-mail stays in the outbox (readable on /beheer/e-mail), never sent; production allows that only when
      // told explicitly.
      RESEND_API_KEY: "",
      EMAIL_OUTBOX_ONLY: "true",
      // The demo: the seed may run in production, the published demo password works, and the outbox shows
      // the links of other people's mails (the tests follow them).
      DEMO_MODE: "true",
      REDIS_URL: "",
      // The suite makes many failed logins on purpose; the per-IP limit is not what it tests.
      LOGIN_RATE_LIMIT: "1000",
      // Staff sign in with the password alone here (as in the demo); tests/e2e/two-factor.spec.ts sets up
      // two-factor sign-in for an account of its own.
      STAFF_TWO_FACTOR: "optional",
    },
  },
});
