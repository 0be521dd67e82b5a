// Load test of the app's pages, signed in, on both databases (npm run bench), or of a lesson page with the
// transformed-content cache on and off (npm run bench:lesson).
//
// Scenario "pages" (the default): for each database (embedded PGlite, then a throw-away PostgreSQL via
// tests/support/postgres.sh) this seeds a fresh database with the demo data, starts the production server
// as a child process, with the Node arguments of `npm start` of the checkout measured
// (server/tools/start-command.ts; timing the cold start: spawn → first 200 on /healthz), signs in as the demo
// participant, facilitator and coordinator, finds the demo's ids by following the pages' links, and
// measures with autocannon at the same settings, interleaved round-robin so drift hits all targets alike:
//   static            GET /favicon.svg    (express.static; the floor of the HTTP stack)
//   healthz           GET /healthz        (a Remix resource route doing one SELECT 1)
//   empty             GET /uitloggen      (the "Uitloggen?" page: a trivial loader in the root layout,
//                                          signed in: the ceiling any page of this app can reach)
//   start-*           GET /               (the start page of the participant, facilitator, coordinator)
//   lesson            a long lesson with praktijkvoorbeelden, callouts, a reflectie and an opdracht block
//   cohort            the participant's cohort page
//   journal           the participant's journal
//   assignment        an assignment of the participant's duo with feedback and a reply
//   self-scan         the participant's self-scan results
//   live-poll         what the live intervisie view asks every few seconds, with nothing changed: the
//                     state stamp (or, for code that has none, the route data the view revalidates)
// First each target is asked BENCH_ALONE times one request after another ("alone": the median is what the
// page itself takes, with no queue in front of it), then under load. Every figure is the median over the
// runs. Any answer other than the expected status, a socket error or
// a timeout fails the run. Latency percentiles are computed from every response time (autocannon itself
// has no p95). Next to req/s the CPU time per request is read from /proc: the app server's (which for
// PGlite includes the database) and PostgreSQL's (all its processes). CPU per request hardly depends on
// other load on the machine, req/s and latency do; the load average is printed so a busy machine shows.
// After the runs the app server's peak resident memory (VmHWM) is read, so a setting that buys speed with
// memory shows its price.
// The report compares each page with the static file of the same server (the floor of the HTTP stack),
// with the empty page, and the empty page with /healthz (the goals of
// issue 18: empty page ≥ 50 % of /healthz; participant start page ≥ 70 % of the empty page with a p95 at
// most 1.5× the empty page's; a lesson ≥ 80 %; every other page ≥ 50 %). A share is taken per run, against
// the reference's run of the same round (seconds apart): the median over the runs decides, and the lowest and
// highest run are printed beside it, so a table shows how far its own runs scatter.
//
// Scenario "lesson": one database (PGlite) and two servers, the production default (content parsed,
// validated and transformed once per process: "warm") and CONTENT_CACHE=off (every request reads, parses,
// validates and transforms the lesson's file again: "cold"). It also times the first lesson request after
// start (which builds the whole library) against the second.
//
// Needs the production build (runs `npm run build` when build/server/index.js is missing) and, for the
// PostgreSQL part, Debian's postgresql package. Everything listens on 127.0.0.1 only; the data lives
// in tmp/bench/ and is removed afterwards.
//
// A run under load must outlast the first answers: with 50 connections on one busy core every request waits
// for about 50 others, so a page taking 30 ms alone first answers after ~1.5 s. Each run therefore lasts
// at least BENCH_DURATION and at least 1.5 × that estimate (connections × "alone"), at most 10 s.
//
// Tuning (environment): BENCH_CONNECTIONS (50), BENCH_DURATION seconds per run and target at least (1),
// BENCH_RUNS (3), BENCH_WARMUP seconds per target (0: the "alone" requests warm up), BENCH_ALONE requests
// one at a time per target (20), BENCH_TIMEOUT seconds for the whole run, after which it stops and fails
// (600),
// BENCH_DATABASES ("pglite,postgres"),
// BENCH_TARGETS (comma-separated keys, default all), BENCH_PORTS (a range such as "3300-3349" for the app
// servers; default: a free port chosen by the system), BENCH_POSTGRES_PORT (55499), BENCH_APP_DIR (the
// checkout whose build, server and seed are measured; default this one, e.g. to measure another branch
// with this script), BENCH_BASELINE_DIR (another checkout with a build, e.g. a worktree of the commit before
// a change: per database its server runs beside this one, on the same seeded data (PGlite: a copy of the
// folder), and every step is taken on both in turn, the order alternating per run, so that drift during the
// run weighs on both alike; the report adds a before → after table; this doubles the run time), BENCH_CPU_PROFILE (a folder: the servers run with
// --cpu-prof and write there).
// With the defaults the whole run takes about 2½ minutes on a 2-CPU machine (per database: seed and cold
// start ~20 s, 13 targets × 3 runs of 1–2 s under load) when the pages take 10–20 ms alone; slower code
// runs longer. The short runs make req/s and latency noisier than CPU per request and "alone"; for
// steadier figures, e.g. BENCH_DURATION=8 (about 11 minutes).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { webServerNodeArgs } from "../../server/tools/start-command.ts";

// ---------------------------------------------------------------------------------------------------
// Settings

const root = path.resolve(process.env.BENCH_APP_DIR || path.resolve(import.meta.dirname, "../.."));
// Another checkout (e.g. a worktree of the commit before a change) measured in the same run, on the same
// seeded database, right before this one: the report then compares before → after per page.
const BASELINE_DIR = process.env.BENCH_BASELINE_DIR ? path.resolve(process.env.BENCH_BASELINE_DIR) : null;
const benchDir = path.join(root, "tmp/bench");
const HOST = "127.0.0.1";
const DEMO_PASSWORD = "Leernetwerk-demo-2027";
const PARTICIPANT = { email: "lisa.bakker@zwolle.test", firstName: "Lisa" };
const FACILITATOR = { email: "marco.jansen@leernetwerk.test", firstName: "Marco" };
const COORDINATOR = { email: "sanne.devries@leernetwerk.test", firstName: "Sanne" };
type Person = typeof PARTICIPANT;

function intSetting(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max} (got ${JSON.stringify(raw)})`);
  }
  return value;
}

function numberSetting(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new Error(`${name} must be a number from ${min} to ${max} (got ${JSON.stringify(raw)})`);
  }
  return value;
}

function portRange(name: string): [number, number] | null {
  const raw = process.env[name];
  if (!raw) return null;
  const match = /^(\d+)-(\d+)$/.exec(raw.trim());
  const [from, to] = match ? [Number(match[1]), Number(match[2])] : [0, -1];
  if (!match || from < 1024 || to > 65535 || from > to)
    throw new Error(`${name} must be a port range such as 3300-3349 (got ${JSON.stringify(raw)})`);
  return [from, to];
}

const CONNECTIONS = intSetting("BENCH_CONNECTIONS", 50, 1, 1000);
const DURATION = numberSetting("BENCH_DURATION", 1, 0.5, 120);
const RUNS = intSetting("BENCH_RUNS", 3, 1, 20);
const WARMUP = numberSetting("BENCH_WARMUP", 0, 0, 60);
// Requests one after another (one connection, nothing else running) per target: the page's own time.
const ALONE = intSetting("BENCH_ALONE", 20, 0, 1000);
// The whole run stops (cleaning up, failing) after this many seconds, whatever the settings above.
const TIMEOUT = intSetting("BENCH_TIMEOUT", 600, 10, 24 * 3600);
const POSTGRES_PORT = intSetting("BENCH_POSTGRES_PORT", 55499, 1024, 65535);
const APP_PORTS = portRange("BENCH_PORTS");
// 3210: the e2e tests' default server.
const RESERVED_PORTS = new Set([3210, POSTGRES_PORT]);
const CPU_PROFILE_DIR = process.env.BENCH_CPU_PROFILE ? path.resolve(process.env.BENCH_CPU_PROFILE) : null;
const SCENARIO = process.env.BENCH_SCENARIO === "lesson" ? "lesson" : "pages";
const DATABASES = (process.env.BENCH_DATABASES || (SCENARIO === "lesson" ? "pglite" : "pglite,postgres"))
  .split(",")
  .map((s) => s.trim());
// A long lesson with praktijkvoorbeelden, callouts, a reflectie and an opdracht block (no lemniscaat figure).
const LESSON = { path: "/leren/ontsluiten/werk-bronnen-en-klantreis", expect: "Ervaringskennis ontsluiten" };
for (const name of DATABASES) {
  if (name !== "pglite" && name !== "postgres") throw new Error(`BENCH_DATABASES: unknown database "${name}"`);
}

// ---------------------------------------------------------------------------------------------------
// autocannon (CommonJS, no bundled types): only the small part of its API used here.

type AutocannonResult = {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  resets: number;
  statusCodeStats: Record<string, { count: number }>;
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p97_5: number; p99: number; totalCount: number };
};
type AutocannonInstance = PromiseLike<AutocannonResult> & {
  on(event: "response", listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
};
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
  timeout?: number;
}) => AutocannonInstance;

const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

// ---------------------------------------------------------------------------------------------------
// Small helpers

const t0 = performance.now();
const log = (message: string) =>
  console.log(`[bench ${((performance.now() - t0) / 1000).toFixed(1).padStart(5)}s] ${message}`);

class BenchError extends Error {
  override name = "BenchError";
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile of unsorted samples. */
function percentile(samples: Float64Array | number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = Float64Array.from(samples).sort();
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

/** Whether nothing listens on the port (on 127.0.0.1) right now. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, HOST, () => server.close(() => resolve(true)));
  });
}

/** A free port: from BENCH_PORTS when set (so the bench never takes a port another job expects), else any. */
async function freePort(): Promise<number> {
  if (APP_PORTS) {
    for (let port = APP_PORTS[0]; port <= APP_PORTS[1]; port++) {
      if (!RESERVED_PORTS.has(port) && !usedPorts.has(port) && (await portIsFree(port))) {
        usedPorts.add(port);
        return port;
      }
    }
    throw new BenchError(`No free port in BENCH_PORTS (${APP_PORTS.join("-")})`);
  }
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.once("error", reject);
      server.listen(0, HOST, () => {
        const address = server.address();
        server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
      });
    });
    if (port > 0 && !RESERVED_PORTS.has(port)) return port;
  }
  throw new BenchError("No free port found");
}
const usedPorts = new Set<number>();

type HttpResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

function request(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string; timeoutMs?: number },
): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: HOST,
        port,
        method: options.method ?? "GET",
        path: options.path,
        headers: options.headers,
        agent: false,
        timeout: options.timeoutMs ?? 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`timeout: ${options.method ?? "GET"} ${options.path}`)));
    req.on("error", reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** Runs a command to completion (output to this terminal, or captured), failing on a non-zero exit. */
async function run(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; capture?: boolean; timeoutMs?: number } = {},
): Promise<string> {
  const child = spawn(command, args, {
    cwd: root,
    env: options.env ?? process.env,
    stdio: options.capture ? ["ignore", "pipe", "pipe"] : ["ignore", "inherit", "inherit"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const timeout = setTimeout(() => child.kill("SIGTERM"), options.timeoutMs ?? 300_000);
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once("error", reject);
      child.once("close", (exitCode, signal) => resolve(signal ? -1 : exitCode));
    });
    if (code !== 0) {
      throw new BenchError(
        `\`${command} ${args.join(" ")}\` failed (exit ${code})${output ? `:\n${output.trim()}` : ""}`,
      );
    }
  } finally {
    clearTimeout(timeout);
  }
  return output;
}

// ---------------------------------------------------------------------------------------------------
// The app server as a child process

type Server = {
  label: string;
  child: ChildProcess;
  port: number;
  url: string;
  logFile: string;
  exited: Promise<void>;
  exitInfo: () => string | null;
};
const servers = new Set<Server>();

function baseEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  // Settings of the surrounding shell that would change what is measured.
  for (const key of [
    "DATABASE_URL",
    "PGLITE_DATA_DIR",
    "PORT",
    "HOST",
    "APP_URL",
    "TRUST_PROXY",
    "DATABASE_POOL_SIZE",
  ]) {
    delete env[key];
  }
  // Defined but empty: server/index.ts and prisma/seed.ts load .env without overriding what is already
  // set, and both treat an empty DATABASE_URL as "not set" (→ embedded PGlite).
  env.DATABASE_URL = "";
  return env;
}

async function startServer(
  label: string,
  dbEnv: Record<string, string>,
  appDir = root,
): Promise<{ server: Server; coldStartMs: number }> {
  const port = await freePort();
  const url = `http://${HOST}:${port}`;
  const logFile = path.join(benchDir, `server-${label}.log`);
  const out = createWriteStream(logFile);
  const env: NodeJS.ProcessEnv = {
    ...baseEnv(),
    ...dbEnv,
    NODE_ENV: "production",
    SESSION_SECRET: randomBytes(32).toString("hex"),
    PORT: String(port),
    HOST,
    APP_URL: url,
    LOGIN_RATE_LIMIT: "1000",
    // The demo data and its published password, e-mail kept in the outbox.
    DEMO_MODE: "true",
    EMAIL_OUTBOX_ONLY: "true",
  };
  const spawnedAt = performance.now();
  // One folder per server, Node's own file names: every thread (tsx's loader runs in one) writes its own
  // profile, which a fixed --cpu-prof-name would overwrite with whichever thread ends last.
  const profile = CPU_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${path.join(CPU_PROFILE_DIR, label)}`] : [];
  const child = spawn(process.execPath, [...profile, ...webServerNodeArgs(appDir)], {
    cwd: appDir,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.pipe(out, { end: false });
  child.stderr!.pipe(out, { end: false });
  let exitInfo: string | null = null;
  const exited = new Promise<void>((resolve) => {
    child.once("exit", (code, signal) => {
      exitInfo = signal ? `signal ${signal}` : `exit code ${code}`;
      resolve();
    });
    child.once("error", (error) => {
      exitInfo = `spawn error: ${error.message}`;
      resolve();
    });
  }).then(() => new Promise<void>((resolve) => out.end(resolve)));
  const server: Server = { label, child, port, url, logFile, exited, exitInfo: () => exitInfo };
  servers.add(server);

  // Poll /healthz: bounded by a 90 s deadline, stops early when the process dies.
  const deadline = spawnedAt + 90_000;
  let lastProblem = "no answer yet";
  while (performance.now() < deadline) {
    if (exitInfo) throw new BenchError(`Server (${label}) stopped during start-up (${exitInfo}):\n${tail(logFile)}`);
    try {
      const res = await request(port, { path: "/healthz", timeoutMs: 5_000 });
      if (res.status === 200) {
        const coldStartMs = performance.now() - spawnedAt;
        return { server, coldStartMs };
      }
      lastProblem = `/healthz answered ${res.status}: ${res.body.slice(0, 200)}`;
    } catch (error) {
      lastProblem = (error as Error).message;
    }
    await sleep(20);
  }
  throw new BenchError(`Server (${label}) not ready within 90 s (${lastProblem}):\n${tail(logFile)}`);
}

async function stopServer(server: Server): Promise<void> {
  if (!servers.has(server)) return;
  servers.delete(server);
  const { child } = server;
  if (child.exitCode === null && child.signalCode === null) {
    child.kill("SIGTERM"); // graceful: closes connections, flushes PGlite to disk
    const stopped = await Promise.race([server.exited.then(() => true), sleep(15_000, false, { ref: false })]);
    if (!stopped) {
      console.error(`Server on port ${server.port} did not stop within 15 s after SIGTERM; sending SIGKILL.`);
      child.kill("SIGKILL");
      await Promise.race([server.exited, sleep(5_000, undefined, { ref: false })]);
    }
  }
  await server.exited;
  // Its port can serve the next server (usedPorts only keeps two running servers apart).
  usedPorts.delete(server.port);
}

/** Fails when the server process has died (the log's last lines go into the message). */
function assertRunning(server: Server) {
  const info = server.exitInfo();
  if (info)
    throw new BenchError(
      `Server (${server.label}) died under load (${info}). Last lines of its log:\n${tail(server.logFile)}`,
    );
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no server log)";
  }
}

// ---------------------------------------------------------------------------------------------------
// CPU time (Linux /proc): robust against other load on the machine, unlike req/s.

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ (getconf CLK_TCK): 100 on all common Linux systems

type ProcStat = { ppid: number; ownMs: number; childrenMs: number };

function procStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" "); // fields[0] is field 3 (state)
    const tick = (i: number) => (Number(fields[i - 3]) * 1000) / CLOCK_TICKS_PER_SECOND;
    return { ppid: Number(fields[1]), ownMs: tick(14) + tick(15), childrenMs: tick(16) + tick(17) };
  } catch {
    return null;
  }
}

/** The most memory the process has held so far (VmHWM, peak resident set), in MiB; null off Linux. */
function peakMemoryMiB(pid: number | undefined): number | null {
  try {
    const kib = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kib ? Number(kib) / 1024 : null;
  } catch {
    return null;
  }
}

/** CPU milliseconds used so far by the app server, and by the PostgreSQL server with all its backends. */
function cpuSnapshot(server: Server, postmasterPid: number | null): { appMs: number; dbMs: number } | null {
  const app = procStat(server.child.pid ?? -1);
  if (!app) return null;
  let dbMs = 0;
  if (postmasterPid) {
    const postmaster = procStat(postmasterPid);
    // Exited backends are counted in the postmaster's children time once reaped.
    dbMs += postmaster ? postmaster.ownMs + postmaster.childrenMs : 0;
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = procStat(Number(entry));
      if (stat?.ppid === postmasterPid) dbMs += stat.ownMs;
    }
  }
  return { appMs: app.ownMs, dbMs };
}

function postmasterPid(): number | null {
  try {
    const pid = Number(
      readFileSync(`/tmp/leernetwerk-postgres-${POSTGRES_PORT}/data/postmaster.pid`, "utf8").split("\n")[0],
    );
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function loadNote(): string {
  const [one, five] = os.loadavg();
  const cpus = os.availableParallelism();
  const busy = one! > cpus * 0.75 ? `  ⚠ the machine is busy with other work: expect noisy figures` : "";
  return `load average ${one!.toFixed(2)} (1 min), ${five!.toFixed(2)} (5 min) on ${cpus} CPUs${busy}`;
}

// ---------------------------------------------------------------------------------------------------
// Signing in, finding the demo's pages, checking them

async function login(server: Server, person: Person): Promise<string> {
  const body = new URLSearchParams({ email: person.email, password: DEMO_PASSWORD }).toString();
  const res = await request(server.port, {
    method: "POST",
    path: "/inloggen",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      "Content-Length": String(Buffer.byteLength(body)),
      Origin: server.url,
    },
    body,
  });
  const setCookie = res.headers["set-cookie"] ?? [];
  const session = setCookie.map((line) => /^ln_session=([^;]+)/.exec(line)?.[1]).find(Boolean);
  if (res.status !== 302 || !session) {
    throw new BenchError(
      `Login as ${person.email} failed: status ${res.status}, Set-Cookie ${JSON.stringify(setCookie)}\n${res.body.slice(0, 500)}`,
    );
  }
  return `ln_session=${session}`;
}

type Cookies = Map<Person, string>;

type Target = {
  key: string;
  label: string;
  path: string;
  /** Signed in as (null: no cookie). */
  person: Person | null;
  status: number;
  /** Text the answer must contain (checked once before and once after measuring). */
  expect?: string;
  /** A page a browser navigates to: asked with the headers of a navigation (NAVIGATION_HEADERS). */
  navigation?: boolean;
};

/**
 * What a browser sends when it navigates to a page (besides its cookie), so that the server answers as it
 * answers a browser: a lesson's page data, for one, leaves out the content that the HTML holds
 * (isDocumentNavigation in app/utils/http.server.ts). Not sent for the static file, /healthz and the live
 * poll (a script's fetch).
 */
const NAVIGATION_HEADERS = {
  accept: "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8",
  "sec-fetch-dest": "document",
  "sec-fetch-mode": "navigate",
  "sec-fetch-site": "same-origin",
};

/** The headers a target is asked with: the person's cookie, and a navigation's headers for a page. */
function targetHeaders(target: Target, cookies: Cookies): Record<string, string> {
  return {
    ...(target.navigation ? NAVIGATION_HEADERS : {}),
    ...(target.person ? { cookie: cookies.get(target.person)! } : {}),
  };
}

/** GET as a person; fails unless the status is the expected one. React's `<!-- -->` separators removed. */
async function fetchPage(
  server: Server,
  cookies: Cookies,
  person: Person | null,
  path: string,
  status = 200,
  headers: Record<string, string> = {},
): Promise<HttpResponse> {
  const res = await request(server.port, {
    path,
    headers: { ...headers, ...(person ? { Cookie: cookies.get(person)! } : {}) },
  });
  if (res.status !== status) {
    throw new BenchError(
      `GET ${path}${person ? ` as ${person.email}` : ""}: expected ${status}, got ${res.status}` +
        (res.headers.location ? ` → ${res.headers.location}` : "") +
        `\n${res.body.slice(0, 1000)}`,
    );
  }
  return { ...res, body: res.body.replaceAll("<!-- -->", "") };
}

function firstMatch(body: string, pattern: RegExp, what: string): string {
  const found = pattern.exec(body)?.[1];
  if (!found) throw new BenchError(`Could not find ${what} in the demo's pages`);
  return found;
}

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** The pages to measure, with the demo's ids found by following links as the participant would. */
async function findTargets(server: Server, cookies: Cookies): Promise<Target[]> {
  const base: Target[] = [
    { key: "static", label: "static GET /favicon.svg", path: "/favicon.svg", person: null, status: 200 },
    { key: "healthz", label: "GET /healthz (SELECT 1)", path: "/healthz", person: null, status: 200, expect: "ok" },
  ];
  const lesson: Target = {
    key: "lesson",
    label: "lesson (participant)",
    path: LESSON.path,
    person: PARTICIPANT,
    status: 200,
    expect: LESSON.expect,
    navigation: true,
  };
  if (SCENARIO === "lesson") return [...base, lesson];

  const me = PARTICIPANT;
  const cohortId = firstMatch(
    (await fetchPage(server, cookies, me, "/leernetwerken")).body,
    new RegExp(`href="/leernetwerken/(${UUID})"`),
    "the participant's cohort",
  );
  const assignmentIds = [
    ...new Set(
      [
        ...(await fetchPage(server, cookies, me, "/opdrachten")).body.matchAll(
          new RegExp(`href="/opdrachten/(${UUID})"`, "g"),
        ),
      ].map((m) => m[1]!),
    ),
  ];
  let assignmentId: string | undefined;
  for (const id of assignmentIds) {
    if ((await fetchPage(server, cookies, me, `/opdrachten/${id}`)).body.includes("Er is feedback gegeven")) {
      assignmentId = id;
      break;
    }
  }
  if (!assignmentId) throw new BenchError("No assignment with feedback found for the demo participant");
  const scanId = firstMatch(
    (await fetchPage(server, cookies, me, `/leernetwerken/${cohortId}/zelfscans`)).body,
    new RegExp(`href="/leernetwerken/${cohortId}/zelfscans/([a-z0-9-]+)/resultaten"`),
    "the participant's self-scan results",
  );
  const meetingId = firstMatch(
    (await fetchPage(server, cookies, me, "/intervisie")).body,
    new RegExp(`href="/intervisie/bijeenkomsten/(${UUID})"`),
    "an intervisie meeting",
  );
  const pages: Target[] = [
    {
      key: "empty",
      label: "empty page (GET /uitloggen)",
      path: "/uitloggen",
      person: me,
      status: 200,
      expect: "Uitloggen",
    },
    {
      key: "start-participant",
      label: "start page, participant",
      path: "/",
      person: me,
      status: 200,
      expect: `Welkom, ${me.firstName}`,
    },
    {
      key: "start-facilitator",
      label: "start page, facilitator",
      path: "/",
      person: FACILITATOR,
      status: 200,
      expect: `Welkom, ${FACILITATOR.firstName}`,
    },
    {
      key: "start-coordinator",
      label: "start page, coordinator",
      path: "/",
      person: COORDINATOR,
      status: 200,
      expect: `Welkom, ${COORDINATOR.firstName}`,
    },
    lesson,
    { key: "cohort", label: "cohort page (participant)", path: `/leernetwerken/${cohortId}`, person: me, status: 200 },
    { key: "journal", label: "journal (participant)", path: "/journaal", person: me, status: 200, expect: "Journaal" },
    {
      key: "assignment",
      label: "assignment with feedback",
      path: `/opdrachten/${assignmentId}`,
      person: me,
      status: 200,
      expect: "Er is feedback gegeven",
    },
    {
      key: "self-scan",
      label: "self-scan results",
      path: `/leernetwerken/${cohortId}/zelfscans/${scanId}/resultaten`,
      person: me,
      status: 200,
    },
  ];
  return [
    ...base,
    ...pages.map((page) => ({ ...page, navigation: true })),
    await livePollTarget(server, cookies, meetingId),
  ];
}

/**
 * What the live view of a meeting asks every few seconds when nothing changed. Code with a state stamp
 * (GET …/live/stand answers {"stamp": …}) is asked with the stamp it has: 204, nothing rendered. Code
 * without one revalidates the page's data (GET …/live.data: every loader of the page, as Remix's
 * revalidation does).
 */
async function livePollTarget(server: Server, cookies: Cookies, meetingId: string): Promise<Target> {
  const base = `/intervisie/bijeenkomsten/${meetingId}/live`;
  const stamp = await request(server.port, { path: `${base}/stand`, headers: { Cookie: cookies.get(PARTICIPANT)! } });
  if (stamp.status === 200 && stamp.headers["content-type"]?.includes("application/json")) {
    const value = (JSON.parse(stamp.body) as { stamp?: unknown }).stamp;
    if (typeof value !== "string") throw new BenchError(`GET ${base}/stand: no stamp in ${stamp.body}`);
    return {
      key: "live-poll",
      label: "live intervisie poll, unchanged",
      path: `${base}/stand?sinds=${encodeURIComponent(value)}`,
      person: PARTICIPANT,
      status: 204,
    };
  }
  return {
    key: "live-poll",
    label: "live intervisie poll (route data)",
    path: `${base}.data`,
    person: PARTICIPANT,
    status: 200,
  };
}

/** Every target answers as expected; returns the size of each answer. */
async function checkTargets(server: Server, cookies: Cookies, targets: Target[]): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  for (const target of targets) {
    const res = await fetchPage(
      server,
      cookies,
      target.person,
      target.path,
      target.status,
      target.navigation ? NAVIGATION_HEADERS : {},
    );
    if (target.expect && !res.body.includes(target.expect)) {
      throw new BenchError(
        `GET ${target.path}: the answer does not contain "${target.expect}"\n${res.body.slice(0, 1500)}`,
      );
    }
    sizes.set(target.key, Buffer.byteLength(res.body));
  }
  return sizes;
}

/** The first lesson request after start builds the content library; the second finds it built. */
async function timeFirstLessonRequests(server: Server, cookies: Cookies): Promise<[number, number]> {
  const times: number[] = [];
  for (let i = 0; i < 2; i++) {
    const started = performance.now();
    await fetchPage(server, cookies, PARTICIPANT, LESSON.path);
    times.push(performance.now() - started);
  }
  return [times[0]!, times[1]!];
}

// ---------------------------------------------------------------------------------------------------
// Measuring

type RunFigures = {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  /** Answers with another status than the target's, socket errors and timeouts. */
  unexpected: number;
  errors: number;
  /** CPU ms per request in the app server process (for PGlite this includes the database). */
  appCpuMs: number;
  /** Share of one CPU the app server used during the run (100% = one core saturated). */
  appCpuShare: number;
  /** CPU ms per request in PostgreSQL (all its processes); NaN for PGlite. */
  dbCpuMs: number;
  /** Unexpected status codes with their counts, e.g. "404×1". */
  otherStatuses: string;
};
type Medians = Omit<RunFigures, "requests" | "unexpected" | "errors" | "otherStatuses">;
type TargetFigures = Medians & {
  target: Target;
  runs: RunFigures[];
  requests: number;
  unexpected: number;
  errors: number;
  bytes: number;
  /** Median time of one request with nothing else running (ms): what the page itself takes. */
  aloneMs: number;
};

/** The median time of ALONE requests sent one after another (each on a new connection, as a browser's first). */
async function timeAlone(server: Server, cookies: Cookies, target: Target): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < ALONE; i++) {
    const started = performance.now();
    const res = await request(server.port, { path: target.path, headers: targetHeaders(target, cookies) });
    times.push(performance.now() - started);
    if (res.status !== target.status)
      throw new BenchError(`GET ${target.path}: expected ${target.status}, got ${res.status} (one request at a time)`);
  }
  return times.length ? median(times) : Number.NaN;
}

async function cannon(
  server: Server,
  target: Target,
  cookies: Cookies,
  seconds: number,
  postgresPid: number | null,
): Promise<RunFigures> {
  const latencies: number[] = [];
  const cpuBefore = cpuSnapshot(server, postgresPid);
  const startedAt = performance.now();
  const instance = autocannon({
    url: server.url + target.path,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 10,
    headers: targetHeaders(target, cookies),
  });
  // autocannon reports p50/p90/p97.5/p99 only; keep every expected answer's latency (ms) for p95.
  instance.on("response", (_client, status, _bytes, ms) => {
    if (status === target.status) latencies.push(ms);
  });
  const result = await instance;
  const elapsedMs = performance.now() - startedAt;
  const cpuAfter = cpuSnapshot(server, postgresPid);
  assertRunning(server);
  const samples = Float64Array.from(latencies);
  const completed = Math.max(1, result.requests.total);
  const cpu =
    cpuBefore && cpuAfter ? { app: cpuAfter.appMs - cpuBefore.appMs, db: cpuAfter.dbMs - cpuBefore.dbMs } : null;
  const expected = result.statusCodeStats[String(target.status)]?.count ?? 0;
  return {
    otherStatuses: Object.entries(result.statusCodeStats)
      .filter(([code]) => code !== String(target.status))
      .map(([code, { count }]) => `${code}×${count}`)
      .join(", "),
    appCpuMs: cpu ? cpu.app / completed : Number.NaN,
    appCpuShare: cpu ? cpu.app / elapsedMs : Number.NaN,
    dbCpuMs: cpu && postgresPid ? cpu.db / completed : Number.NaN,
    // Completed requests over the run's length (autocannon's own average is of whole-second samples).
    rps: result.requests.total / Math.max(0.001, result.duration),
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    requests: result.requests.total,
    unexpected: Math.max(0, result.requests.total - expected) + result.errors + result.timeouts,
    errors: result.errors + result.timeouts,
  };
}

/** How long one run under load lasts: at least DURATION and 1.5 × the first answers' wait (see above), at most 10 s. */
function runSeconds(aloneMs: number): number {
  const firstAnswers = Number.isNaN(aloneMs) ? 0 : (CONNECTIONS * aloneMs) / 1000;
  return Math.min(Math.max(DURATION, 10), Math.max(DURATION, Math.ceil(1.5 * firstAnswers * 10) / 10));
}

/**
 * Measures the targets on one server, or on several servers side by side (the "before" and "after" of a
 * comparison): every step is taken on each server in turn, and the order of the servers alternates from run
 * to run, so that a machine getting busier or quieter during the run, or a slower second half, weighs on
 * both alike (measured one after the other, whichever server came second showed 20–30 % more CPU per request
 * on PGlite, whatever its code). Returns the figures per server, in the order given.
 */
async function measure(servers: Ready[], postgresPid: number | null): Promise<TargetFigures[][]> {
  const keys = servers[0]!.targets.map((target) => target.key);
  const targetOf = (ready: Ready, key: string) => {
    const target = ready.targets.find((candidate) => candidate.key === key);
    if (!target) throw new BenchError(`${ready.name}: target ${key} was not found on this server`);
    return target;
  };
  const prefix = (ready: Ready) => (servers.length > 1 ? `${ready.name}: ` : "");
  if (WARMUP > 0) {
    for (const key of keys) {
      for (const ready of servers) {
        const target = targetOf(ready, key);
        const warm = await cannon(ready.server, target, ready.cookies, WARMUP, postgresPid);
        log(`  ${prefix(ready)}warm-up ${target.label}: ${warm.rps.toFixed(0)} req/s`);
      }
    }
  }
  const alone = servers.map(() => new Map<string, number>());
  for (const key of keys) {
    for (const [i, ready] of servers.entries())
      alone[i]!.set(key, await timeAlone(ready.server, ready.cookies, targetOf(ready, key)));
  }
  if (ALONE > 0) {
    for (const [i, ready] of servers.entries())
      log(
        `  ${prefix(ready)}one request at a time (median of ${ALONE}): ${keys.map((key) => `${key} ${alone[i]!.get(key)!.toFixed(1)} ms`).join(", ")}`,
      );
  }
  // The same duration on every server: the longest any of them needs.
  const seconds = new Map(keys.map((key) => [key, Math.max(...alone.map((times) => runSeconds(times.get(key)!)))]));
  const runs = servers.map(() => new Map<string, RunFigures[]>(keys.map((key) => [key, []])));
  for (let i = 1; i <= RUNS; i++) {
    const order = [...servers.entries()];
    if (i % 2 === 0) order.reverse();
    for (const key of keys) {
      for (const [index, ready] of order) {
        const target = targetOf(ready, key);
        const figures = await cannon(ready.server, target, ready.cookies, seconds.get(key)!, postgresPid);
        runs[index]!.get(key)!.push(figures);
        const db = Number.isNaN(figures.dbCpuMs) ? "" : ` + PostgreSQL ${figures.dbCpuMs.toFixed(2)} ms`;
        log(
          `  ${prefix(ready)}run ${i}/${RUNS} (${seconds.get(key)} s) ${target.label.padEnd(34)} ${figures.rps.toFixed(0).padStart(6)} req/s  ` +
            `p50 ${figures.p50.toFixed(1)} ms  p95 ${figures.p95.toFixed(1)} ms  ` +
            `CPU/req: app ${figures.appCpuMs.toFixed(2)} ms${db} (app at ${(figures.appCpuShare * 100).toFixed(0)}% of a core)  ` +
            `(${figures.requests} requests, ${figures.unexpected} unexpected)`,
        );
      }
    }
  }
  return servers.map((ready, i) =>
    keys.map((key) => {
      const list = runs[i]!.get(key)!;
      return {
        target: targetOf(ready, key),
        runs: list,
        bytes: ready.sizes.get(key) ?? 0,
        aloneMs: alone[i]!.get(key) ?? Number.NaN,
        rps: median(list.map((r) => r.rps)),
        p50: median(list.map((r) => r.p50)),
        p95: median(list.map((r) => r.p95)),
        p99: median(list.map((r) => r.p99)),
        appCpuMs: median(list.map((r) => r.appCpuMs)),
        appCpuShare: median(list.map((r) => r.appCpuShare)),
        dbCpuMs: median(list.map((r) => r.dbCpuMs)),
        requests: list.reduce((sum, r) => sum + r.requests, 0),
        unexpected: list.reduce((sum, r) => sum + r.unexpected, 0),
        errors: list.reduce((sum, r) => sum + r.errors, 0),
      };
    }),
  );
}

// ---------------------------------------------------------------------------------------------------
// The two databases

type DatabaseResult = {
  name: string;
  /** Measured on BENCH_BASELINE_DIR's checkout (the "before" of the comparison). */
  baseline?: boolean;
  seedMs: number;
  coldStartMs: number;
  figures: TargetFigures[];
  serverLogIssues: string[];
  load: string[];
  /** The first and second lesson request after the server started (ms). */
  firstRequests: [number, number];
  /** The app server's peak resident memory after the measurements (MiB), if known. */
  peakMemoryMiB: number | null;
};

async function seed(env: NodeJS.ProcessEnv): Promise<number> {
  const started = performance.now();
  await run("npx", ["tsx", "prisma/seed.ts"], { env, capture: true, timeoutMs: 180_000 });
  return performance.now() - started;
}

const ONLY = process.env.BENCH_TARGETS ? new Set(process.env.BENCH_TARGETS.split(",").map((key) => key.trim())) : null;

/** A server started, signed in as the bench's people, with its targets found and checked: ready to measure. */
type Ready = {
  name: string;
  server: Server;
  coldStartMs: number;
  cookies: Cookies;
  targets: Target[];
  sizes: Map<string, number>;
  firstRequests: [number, number];
};

type ServerSpec = { name: string; label: string; dbEnv: Record<string, string>; appDir?: string; baseline?: boolean };

async function prepareServer(spec: ServerSpec): Promise<Ready> {
  const appDir = spec.appDir ?? root;
  log(`${spec.name}: starting the server${appDir === root ? "" : ` of ${appDir}`}`);
  const { server, coldStartMs } = await startServer(spec.label, spec.dbEnv, appDir);
  try {
    log(`${spec.name}: cold start ${coldStartMs.toFixed(0)} ms (spawn → first 200 on /healthz) at ${server.url}`);
    const people = SCENARIO === "lesson" ? [PARTICIPANT] : [PARTICIPANT, FACILITATOR, COORDINATOR];
    const cookies: Cookies = new Map();
    for (const person of people) cookies.set(person, await login(server, person));
    const firstRequests = await timeFirstLessonRequests(server, cookies);
    if (SCENARIO === "lesson") {
      log(
        `${spec.name}: first lesson request after start ${firstRequests[0].toFixed(0)} ms, second ${firstRequests[1].toFixed(0)} ms`,
      );
    }
    const targets = (await findTargets(server, cookies)).filter((target) => !ONLY || ONLY.has(target.key));
    if (targets.length === 0) throw new BenchError(`BENCH_TARGETS matches no target`);
    const sizes = await checkTargets(server, cookies, targets);
    log(
      `${spec.name}: signed in as ${people.map((p) => p.email).join(", ")}; ${targets.length} targets answer as expected`,
    );
    return { name: spec.name, server, coldStartMs, cookies, targets, sizes, firstRequests };
  } catch (error) {
    assertRunning(server);
    if (error instanceof Error)
      error.message += `\nLast lines of the server log (${spec.label}):\n${tail(server.logFile)}`;
    await stopServer(server);
    throw error;
  }
}

/**
 * Starts the servers (one, or the "before" and "after" of a comparison, running side by side), measures them
 * together (measure: interleaved), checks that every session survived the load, and stops them.
 */
async function benchmarkServers(
  specs: ServerSpec[],
  seedMs: number,
  postgresPid: number | null = null,
): Promise<DatabaseResult[]> {
  const servers: Ready[] = [];
  try {
    for (const spec of specs) servers.push(await prepareServer(spec));
    const load = [loadNote()];
    log(`${servers.map((ready) => ready.name).join(" + ")}: ${load[0]}`);
    const figures = await measure(servers, postgresPid);
    load.push(loadNote());
    log(`${servers.map((ready) => ready.name).join(" + ")}: ${load[1]}`);
    // Still signed in afterwards, and still the same answers (the sessions must survive the load).
    for (const ready of servers) await checkTargets(ready.server, ready.cookies, ready.targets);
    return servers.map((ready, i) => ({
      name: ready.name,
      baseline: specs[i]!.baseline,
      seedMs,
      coldStartMs: ready.coldStartMs,
      figures: figures[i]!,
      serverLogIssues: [],
      load,
      firstRequests: ready.firstRequests,
      peakMemoryMiB: peakMemoryMiB(ready.server.child.pid),
    }));
  } catch (error) {
    for (const [i, ready] of servers.entries()) {
      assertRunning(ready.server);
      if (error instanceof Error)
        error.message += `\nLast lines of the server log (${specs[i]!.label}):\n${tail(ready.server.logFile)}`;
    }
    throw error;
  } finally {
    for (const ready of servers) await stopServer(ready.server);
  }
}

function logIssues(logFile: string): string[] {
  try {
    return readFileSync(logFile, "utf8")
      .split("\n")
      .filter((line) => /error|warn|exception|unhandled|timed? ?out/i.test(line));
  } catch {
    return [];
  }
}

async function benchPglite(): Promise<DatabaseResult[]> {
  const dataDir = path.join(benchDir, "pglite");
  rmSync(dataDir, { recursive: true, force: true });
  const dbEnv = { PGLITE_DATA_DIR: dataDir };
  log("PGlite: seeding a fresh data folder");
  const seedMs = await seed({ ...baseEnv(), ...dbEnv });
  log(`PGlite: seeded in ${(seedMs / 1000).toFixed(1)} s`);
  if (SCENARIO === "lesson") {
    const results: DatabaseResult[] = [];
    for (const [name, label, cache] of [
      ["PGlite, content cache on (warm)", "pglite-warm", "on"],
      ["PGlite, CONTENT_CACHE=off (cold)", "pglite-cold", "off"],
    ] as const) {
      const [result] = await benchmarkServers([{ name, label, dbEnv: { ...dbEnv, CONTENT_CACHE: cache } }], seedMs);
      result!.serverLogIssues = logIssues(path.join(benchDir, `server-${label}.log`));
      results.push(result!);
    }
    return results;
  }
  const specs: ServerSpec[] = [{ name: "PGlite", label: "pglite", dbEnv }];
  if (BASELINE_DIR) {
    // The "before" server gets its own copy of the freshly seeded folder (PGlite is one process per folder).
    const beforeDir = `${dataDir}-before`;
    rmSync(beforeDir, { recursive: true, force: true });
    cpSync(dataDir, beforeDir, { recursive: true });
    specs.unshift({
      name: "PGlite, before",
      label: "pglite-before",
      dbEnv: { PGLITE_DATA_DIR: beforeDir },
      appDir: BASELINE_DIR,
      baseline: true,
    });
  }
  const results = await benchmarkServers(specs, seedMs);
  for (const [i, result] of results.entries())
    result.serverLogIssues = logIssues(path.join(benchDir, `server-${specs[i]!.label}.log`));
  return results;
}

async function waitForPostgresBinaries(): Promise<void> {
  const installed = () =>
    (existsSync("/usr/lib/postgresql") ? readdirSync("/usr/lib/postgresql") : []).some(
      (v) => existsSync(`/usr/lib/postgresql/${v}/bin/pg_ctl`) && existsSync(`/usr/lib/postgresql/${v}/bin/postgres`),
    );
  const deadline = performance.now() + 180_000;
  let announced = false;
  while (!installed()) {
    if (performance.now() > deadline) {
      throw new BenchError("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/pg_ctl after 3 minutes)");
    }
    if (!announced) log("PostgreSQL: waiting for the postgresql package to be installed (at most 3 minutes)");
    announced = true;
    await sleep(2_000);
  }
  // apt unpacks the binaries before it configures the package: give a running dpkg up to a minute.
  const dpkgDeadline = performance.now() + 60_000;
  while (dpkgBusy() && performance.now() < dpkgDeadline) await sleep(2_000);
}

/** Whether apt/dpkg holds its lock (/var/lib/dpkg/lock-frontend) right now; unknown counts as no. */
function dpkgBusy(): boolean {
  try {
    const inode = statSync("/var/lib/dpkg/lock-frontend").ino;
    return readFileSync("/proc/locks", "utf8")
      .split("\n")
      .some((line) => line.split(/\s+/)[5]?.endsWith(`:${inode}`));
  } catch {
    return false;
  }
}

async function benchPostgres(): Promise<DatabaseResult[]> {
  await waitForPostgresBinaries();
  const script = path.join(root, "tests/support/postgres.sh");
  log(`PostgreSQL: starting a throw-away server on port ${POSTGRES_PORT}`);
  // A leftover from an interrupted earlier run would be reused; start clean.
  await run("bash", [script, "stop", String(POSTGRES_PORT)], { capture: true });
  let started = false;
  try {
    const output = await run("bash", [script, "start", String(POSTGRES_PORT)], { capture: true, timeoutMs: 120_000 });
    started = true;
    const adminUrl = output
      .trim()
      .split("\n")
      .filter((line) => line.startsWith("postgresql://"))
      .pop();
    if (!adminUrl) throw new BenchError(`postgres.sh start printed no URL:\n${output}`);
    const version = await createDatabase(adminUrl, "leernetwerk_bench");
    const databaseUrl = new URL(adminUrl);
    databaseUrl.pathname = "/leernetwerk_bench";
    const dbEnv = { DATABASE_URL: databaseUrl.toString() };
    log(`PostgreSQL: ${version}; seeding database leernetwerk_bench`);
    const seedMs = await seed({ ...baseEnv(), ...dbEnv });
    log(`PostgreSQL: seeded in ${(seedMs / 1000).toFixed(1)} s`);
    const name = `PostgreSQL ${version.match(/PostgreSQL (\d+(\.\d+)?)/)?.[1] ?? ""}`.trim();
    // With a baseline, both servers use the one database at the same time (the app runs as several processes
    // on one PostgreSQL anyway), measured in turn.
    const specs: ServerSpec[] = [{ name, label: "postgres", dbEnv }];
    if (BASELINE_DIR)
      specs.unshift({ name: `${name}, before`, label: "postgres-before", dbEnv, appDir: BASELINE_DIR, baseline: true });
    const results = await benchmarkServers(specs, seedMs, postmasterPid());
    for (const [i, result] of results.entries())
      result.serverLogIssues = logIssues(path.join(benchDir, `server-${specs[i]!.label}.log`));
    return results;
  } finally {
    if (started || existsSync(`/tmp/leernetwerk-postgres-${POSTGRES_PORT}`)) {
      log(`PostgreSQL: stopping the server on port ${POSTGRES_PORT}`);
      await run("bash", [script, "stop", String(POSTGRES_PORT)], { capture: true }).catch((error: Error) =>
        console.error(`Stopping PostgreSQL failed: ${error.message}`),
      );
    }
  }
}

async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name}`);
    await client.query(`CREATE DATABASE ${name}`);
    const { rows } = await client.query<{ version: string }>("SELECT version()");
    return rows[0]?.version.split(" on ")[0] ?? "PostgreSQL";
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------------
// Report

/** The goals of issue 18, as shares of a reference target's req/s. */
function goalFor(key: string): { of: string; share: number; p95Factor?: number } | null {
  if (key === "static" || key === "healthz") return null;
  if (key === "empty") return { of: "healthz", share: 0.5 };
  if (key === "start-participant") return { of: "empty", share: 0.7, p95Factor: 1.5 };
  if (key === "lesson") return { of: "empty", share: 0.8 };
  return { of: "empty", share: 0.5 };
}

type Share = {
  goal: NonNullable<ReturnType<typeof goalFor>>;
  /** req/s against the reference's: the median over the runs, and the lowest and highest run. */
  value: number;
  low: number;
  high: number;
  /** p95 against the reference's p95, likewise (the median over the runs). */
  p95: number;
  ok: boolean;
};

/**
 * A page's share of its reference's req/s (the goals of issue 18), paired per run: each run of the page
 * against the reference's run of the same round, measured seconds apart, so drift between rounds (another
 * process, the machine's clock) falls out. The median over the runs decides; the range shows the noise.
 */
function shareOf(result: DatabaseResult, f: TargetFigures): Share | null {
  const goal = SCENARIO === "pages" ? goalFor(f.target.key) : null;
  const reference = goal && result.figures.find((other) => other.target.key === goal.of);
  if (!goal || !reference) return null;
  const pairs = f.runs.flatMap((run, i) => {
    const other = reference.runs[i];
    return other ? [{ share: run.rps / other.rps, p95: run.p95 / other.p95 }] : [];
  });
  const shares = pairs.map((pair) => pair.share);
  const value = median(shares);
  const p95 = median(pairs.map((pair) => pair.p95));
  const ok = value >= goal.share && (goal.p95Factor === undefined || p95 <= goal.p95Factor);
  return { goal, value, low: Math.min(...shares), high: Math.max(...shares), p95, ok };
}

/** "72 % (68–75)": the median share with the range over the runs (without a range for one run). */
function sharePercent(share: Share): string {
  const percent = (value: number) => (value * 100).toFixed(0);
  return RUNS > 1
    ? `${percent(share.value)} % (${percent(share.low)}–${percent(share.high)})`
    : `${percent(share.value)} %`;
}

function report(results: DatabaseResult[], totalMs: number) {
  const ms = (value: number) => (Number.isNaN(value) ? "–" : value.toFixed(1));
  const cpu = (value: number) => (Number.isNaN(value) ? "–" : value.toFixed(2));
  const lines: string[] = [];
  lines.push("");
  lines.push(
    `## ${SCENARIO === "lesson" ? "Lesson page" : "Pages"} benchmark — ${CONNECTIONS} connections, ${RUNS} runs per target of ${DURATION}–${Math.max(DURATION, 10)} s (at least 1.5 × connections × alone) after ${WARMUP} s warm-up ` +
      `(medians over the runs; a share is the median of the runs' shares, each against the reference's run in ` +
      `the same round, with the lowest and highest run in brackets); "alone": median of ${ALONE} requests one at a time`,
  );
  lines.push("");
  lines.push(
    "| Database | Target | alone (ms) | req/s | % of static | share (goal) | p50 (ms) | p95 (ms) | app CPU/req (ms) | app CPU use | PostgreSQL CPU/req (ms) | size (bytes) | requests | unexpected |",
  );
  lines.push("|---|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
  const misses: string[] = [];
  for (const result of results) {
    for (const f of result.figures) {
      const found = shareOf(result, f);
      let share = "";
      if (found) {
        const { goal } = found;
        share =
          `${sharePercent(found)} of ${goal.of} (≥ ${goal.share * 100} %` +
          (goal.p95Factor === undefined ? "" : `, p95 ${found.p95.toFixed(2)}× ≤ ${goal.p95Factor}×`) +
          `) ${found.ok ? "✓" : "✗"}`;
        if (!found.ok) misses.push(`${result.name}: ${f.target.label} ${share}`);
      }
      const staticFigures = result.figures.find((other) => other.target.key === "static");
      const ofStatic =
        staticFigures && f.target.key !== "static" ? `${((f.rps / staticFigures.rps) * 100).toFixed(1)} %` : "";
      lines.push(
        `| ${result.name} | ${f.target.label} | ${ms(f.aloneMs)} | ${f.rps.toFixed(0)} | ${ofStatic} | ${share} | ${ms(f.p50)} | ${ms(f.p95)} | ` +
          `${cpu(f.appCpuMs)} | ${Number.isNaN(f.appCpuShare) ? "–" : `${(f.appCpuShare * 100).toFixed(0)}%`} | ${cpu(f.dbCpuMs)} | ` +
          `${f.bytes} | ${f.requests} | ${f.unexpected} |`,
      );
    }
  }
  lines.push("");
  lines.push(
    "| Database | Cold start (spawn → 200 /healthz) | Seed (npx tsx prisma/seed.ts) | 1st / 2nd lesson request after start | App server's peak memory (VmHWM) | Load average before → after |",
  );
  lines.push("|---|---:|---:|---:|---:|---|");
  for (const result of results) {
    const load = result.load.map((note) => note.match(/load average ([\d.]+)/)?.[1] ?? "?").join(" → ");
    lines.push(
      `| ${result.name} | ${result.coldStartMs.toFixed(0)} ms | ${(result.seedMs / 1000).toFixed(1)} s | ` +
        `${result.firstRequests[0].toFixed(0)} / ${result.firstRequests[1].toFixed(0)} ms | ` +
        `${result.peakMemoryMiB === null ? "–" : `${result.peakMemoryMiB.toFixed(0)} MiB`} | ${load} (${os.availableParallelism()} CPUs) |`,
    );
  }
  lines.push("");
  if (SCENARIO === "pages") {
    lines.push(
      misses.length
        ? `Below the goal:\n${misses.map((miss) => `- ${miss}`).join("\n")}`
        : "Every measured page meets its goal.",
    );
  }
  if (results.some((result) => result.baseline)) lines.push(...comparison(results));
  lines.push(`Total runtime: ${(totalMs / 1000).toFixed(1)} s`);
  console.log(lines.join("\n"));
}

/** Before (BENCH_BASELINE_DIR) → after per database and page: CPU per request, alone, req/s and share. */
function comparison(results: DatabaseResult[]): string[] {
  const lines = ["", `## Before (${BASELINE_DIR}) → after (${root}), same run, same database`, ""];
  lines.push("| Database | Target | app CPU/req (ms) | alone (ms) | req/s | share (goal) |");
  lines.push("|---|---|---:|---:|---:|---|");
  const shareText = (result: DatabaseResult, f: TargetFigures): string => {
    const found = shareOf(result, f);
    return found ? `${sharePercent(found)}${found.ok ? " ✓" : ""}` : "–";
  };
  for (const before of results.filter((result) => result.baseline)) {
    const after = results.find((result) => !result.baseline && `${result.name}, before` === before.name);
    if (!after) continue;
    for (const b of before.figures) {
      const a = after.figures.find((f) => f.target.key === b.target.key);
      if (!a) continue;
      const goal = goalFor(b.target.key);
      const goalText = goal ? ` (≥ ${goal.share * 100} % of ${goal.of})` : "";
      lines.push(
        `| ${after.name} | ${a.target.label} | ${b.appCpuMs.toFixed(2)} → ${a.appCpuMs.toFixed(2)} | ` +
          `${b.aloneMs.toFixed(1)} → ${a.aloneMs.toFixed(1)} | ${b.rps.toFixed(0)} → ${a.rps.toFixed(0)} | ` +
          `${shareText(before, b)} → ${shareText(after, a)}${goalText} |`,
      );
    }
  }
  lines.push("");
  return lines;
}

// ---------------------------------------------------------------------------------------------------
// Main

let cleaningUp: Promise<void> | undefined;
function cleanup(): Promise<void> {
  cleaningUp ??= (async () => {
    await Promise.all([...servers].map((server) => stopServer(server)));
    rmSync(benchDir, { recursive: true, force: true });
  })();
  return cleaningUp;
}

/** Stops everything this run started (servers, the throw-away PostgreSQL, tmp/bench) and exits. */
function abort(message: string, exitCode: number) {
  console.error(`\n${message}: cleaning up…`);
  const script = path.join(root, "tests/support/postgres.sh");
  void cleanup()
    .then(() =>
      DATABASES.includes("postgres") ? run("bash", [script, "stop", String(POSTGRES_PORT)], { capture: true }) : "",
    )
    .catch(() => {})
    .finally(() => process.exit(exitCode));
}

for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => abort(signal, 130));
// A bound on the whole run, so a hanging server or database cannot keep it (or CI) waiting.
setTimeout(() => abort(`BENCHMARK FAILED: not done after ${TIMEOUT} s (BENCH_TIMEOUT)`, 1), TIMEOUT * 1000).unref();

async function main() {
  log(
    `Leernetwerk ${SCENARIO === "lesson" ? "lesson page" : "pages"} benchmark: ${DATABASES.join(" + ")}, ${CONNECTIONS} connections, ` +
      `${WARMUP} s warm-up, ${RUNS} runs of at least ${DURATION} s per target; measuring the checkout in ${root}`,
  );
  if (BASELINE_DIR && !existsSync(path.join(BASELINE_DIR, "build/server/index.js"))) {
    throw new BenchError(`BENCH_BASELINE_DIR: ${BASELINE_DIR} has no build (run npm run build there first)`);
  }
  if (!existsSync(path.join(root, "build/server/index.js"))) {
    log("build/server/index.js is missing: running `npm run build`");
    await run("npm", ["run", "build"], { timeoutMs: 600_000 });
  }
  rmSync(benchDir, { recursive: true, force: true });
  mkdirSync(benchDir, { recursive: true });

  const results: DatabaseResult[] = [];
  let failure: unknown;
  try {
    if (DATABASES.includes("pglite")) results.push(...(await benchPglite()));
    if (DATABASES.includes("postgres")) results.push(...(await benchPostgres()));
    for (const result of results) {
      for (const f of result.figures) {
        if (f.unexpected > 0) {
          const codes = f.runs
            .map(
              (r, i) =>
                `run ${i + 1}: ${r.unexpected} unexpected${r.otherStatuses ? ` (${r.otherStatuses})` : ""}, ${r.errors} errors/timeouts`,
            )
            .join("; ");
          failure ??= new BenchError(
            `${result.name}, ${f.target.label}: not every answer was a ${f.target.status} (${codes})`,
          );
        }
      }
      if (result.serverLogIssues.length > 0) {
        console.log(
          `\nServer log lines that mention errors/warnings (${result.name}, first 20 of ${result.serverLogIssues.length}):`,
        );
        for (const line of result.serverLogIssues.slice(0, 20)) console.log(`  ${line}`);
      }
    }
  } catch (error) {
    failure = error;
  } finally {
    await cleanup();
  }
  if (results.length > 0) report(results, performance.now() - t0);
  if (failure) throw failure;
}

try {
  await main();
} catch (error) {
  console.error(`\nBENCHMARK FAILED: ${error instanceof Error ? error.message : String(error)}`);
  if (!(error instanceof BenchError) && error instanceof Error && error.stack) console.error(error.stack);
  process.exitCode = 1;
}
