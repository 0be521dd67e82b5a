// Load test of the production shape (npm run bench:cluster): a live session, through nginx, first with ONE
// web process behind the proxy and then with TWO. Reports per endpoint p50/p95 and errors, throughput, and
// CPU milliseconds per request of the web processes, PostgreSQL and nginx (read from /proc), and from those
// how many participants one web process (one core) carries.
//
// The cluster is server/tools/cluster.ts's: PostgreSQL, Redis, nginx, two web processes and two workers on
// 127.0.0.1 (ports from CLUSTER_PORT, CLUSTER_POSTGRES_PORT, CLUSTER_REDIS_PORT; data thrown away at the end).
// Instead of the demo data, the script builds its own running cohort in that database
// (tests/support/cohort-world.ts: duos, sessions, lessons read, journal entries, intervisie groups of six
// with a meeting under way) plus one individual assignment, so every participant has their own draft.
// For the one-process run web-2 is stopped and nginx reloaded with web-1 alone; then web-2 starts again
// and nginx gets both back.
//
// The live-session mix: what one participant's browser sends in TWO MINUTES of a live session (the model
// behind the README's arithmetic), each browser action as the requests Remix really makes:
//   40 × live intervisie poll      GET …/live/stand?sinds=<stamp>    (every 3 s while the tab is visible; 204)
//    1 × live view reload          GET …/live.data                   (the facilitator moved on a step)
//    4 × journal autosave          POST /journaal/schrijven/<id>.data + GET ….data (revalidation)
//    4 × assignment draft autosave POST /opdrachten/<id>.data + GET ….data (revalidation)
//    1 × session page              GET /leernetwerken/<c>/bijeenkomsten/<s> (a whole document)
//    1 × lesson                    GET /leren/<module>/<lesson>.data (a client-side navigation)
//    1 × mark the lesson read      POST /leren/….data (read/unread in turn) + GET ….data
// = 61 requests per participant per 120 s. Each virtual participant has its own account, session cookie,
// client address (X-Forwarded-For; the cluster runs with TRUST_PROXY=2, as behind a TLS terminator), journal
// entry and draft, and runs that list in a shuffled order, one request after another WITHOUT the pauses:
// the cluster is driven to saturation, so req/s is its capacity and CPU per request is what each request
// costs. Latency is therefore latency at saturation (every request queues behind the others), not what a
// participant at the real pace sees. The load generator runs on the same machine and takes CPU too.
//
// Any answer other than the expected status, or a network error, counts as an error; the script fails
// when there is one. Bounded: BENCH_DURATION seconds measured per run (20) after BENCH_WARMUP (3).
// Settings: BENCH_PARTICIPANTS (24; even), BENCH_DURATION, BENCH_WARMUP, BENCH_RUNS (1: runs per shape,
// interleaved 1, 2, 1, 2 …; medians are reported), BENCH_SHAPES ("1,2").
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { type Cluster, type ClusterProcess, startCluster } from "../../server/tools/cluster.ts";

function setting(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) throw new Error(`${name}: ${min}–${max} (got ${raw})`);
  return value;
}

const PARTICIPANTS = Math.round(setting("BENCH_PARTICIPANTS", 24, 2, 400) / 2) * 2;
const DURATION_S = setting("BENCH_DURATION", 20, 2, 300);
const WARMUP_S = setting("BENCH_WARMUP", 3, 0, 60);
const RUNS = setting("BENCH_RUNS", 1, 1, 10);
const SHAPES = (process.env.BENCH_SHAPES ?? "1,2").split(",").map(Number);
if (SHAPES.some((n) => n !== 1 && n !== 2)) throw new Error("BENCH_SHAPES: 1 and/or 2 web processes");
const PASSWORD = "Leernetwerk-demo-2027";
const MIX_SECONDS = 120;

const t0 = performance.now();
const log = (message: string) => console.log(`[bench ${((performance.now() - t0) / 1000).toFixed(1)}s] ${message}`);

// ---------------------------------------------------------------------------------------------------
// CPU time from /proc (utime + stime; USER_HZ 100)

function procTicks(pid: number): { ppid: number; ms: number; childrenMs: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    const ms = (field: number) => Number(fields[field - 3]) * 10;
    return { ppid: Number(fields[1]), ms: ms(14) + ms(15), childrenMs: ms(16) + ms(17) };
  } catch {
    return null;
  }
}

/** CPU ms of a process and its direct children (PostgreSQL's backends, nginx's workers), reaped ones included. */
function treeMs(pid: number | undefined): number {
  if (!pid) return 0;
  const parent = procTicks(pid);
  if (!parent) return 0;
  let total = parent.ms + parent.childrenMs;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = procTicks(Number(entry));
    if (stat?.ppid === pid) total += stat.ms;
  }
  return total;
}

function postmasterPid(): number | undefined {
  const port = process.env.CLUSTER_POSTGRES_PORT ?? "55440";
  try {
    return Number(readFileSync(`/tmp/leernetwerk-postgres-${port}/data/postmaster.pid`, "utf8").split("\n")[0]);
  } catch {
    return undefined;
  }
}

type Cpu = { web: number; postgres: number; nginx: number; generator: number };
function cpuNow(cluster: Cluster, webs: ClusterProcess[]): Cpu {
  const own = process.cpuUsage();
  return {
    web: webs.reduce((sum, web) => sum + (procTicks(web.pid() ?? -1)?.ms ?? 0), 0),
    postgres: treeMs(postmasterPid()),
    nginx: treeMs(cluster.nginx.pid()),
    generator: (own.user + own.system) / 1000,
  };
}

// ---------------------------------------------------------------------------------------------------
// Virtual participants

type Participant = {
  index: number;
  cookie: string;
  address: string;
  journalId: string;
  journalVersion: number;
  assignmentId: string;
  assignmentVersion: number;
  meetingId: string;
  stamp: string;
  read: boolean;
};

type Endpoint =
  | "live poll"
  | "live view reload"
  | "journal autosave"
  | "assignment autosave"
  | "revalidation after a save"
  | "session page"
  | "lesson"
  | "mark lesson read";

type Stats = { samples: number[]; errors: number; byInstance: Map<string, number>; firstError?: string };

let base = "";
let world: {
  cohortId: string;
  sessionId: string;
  lessonPath: string;
};

async function send(
  who: Participant,
  pathname: string,
  init: { method?: string; body?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { Cookie: who.cookie, "X-Forwarded-For": who.address };
  if (init.method === "POST") {
    headers.Origin = base;
    headers["Content-Type"] = "application/x-www-form-urlencoded";
  }
  return fetch(base + pathname, {
    method: init.method ?? "GET",
    headers,
    body: init.body ? new URLSearchParams(init.body).toString() : undefined,
    redirect: "manual",
    signal: AbortSignal.timeout(30_000),
  });
}

/** Where the figures of the current run go (null: warming up, nothing recorded). */
let recording: Map<Endpoint, Stats> | null = null;

/** One request, timed until its body is read, checked for its expected status and recorded. */
async function call(
  who: Participant,
  endpoint: Endpoint,
  ok: number[],
  pathname: string,
  init: { method?: string; body?: Record<string, string> } = {},
): Promise<number> {
  const stats = recording;
  const started = performance.now();
  let status = 0;
  let problem: string | undefined;
  let instance = "?";
  try {
    const response = await send(who, pathname, init);
    await response.arrayBuffer();
    status = response.status;
    instance = response.headers.get("x-instance") ?? "?";
    if (!ok.includes(status)) problem = `${status} on ${init.method ?? "GET"} ${pathname}`;
  } catch (error) {
    problem = `${init.method ?? "GET"} ${pathname}: ${String(error)}`;
  }
  if (stats) {
    const entry = statsFor(stats, endpoint);
    entry.samples.push(performance.now() - started);
    entry.byInstance.set(instance, (entry.byInstance.get(instance) ?? 0) + 1);
    if (problem) {
      entry.errors += 1;
      entry.firstError ??= problem;
    }
  }
  return status;
}

/** A browser action: the requests Remix sends for it. */
type Step = (who: Participant) => Promise<void>;

const STEPS = {
  poll: async (who) => {
    const stamp = encodeURIComponent(who.stamp);
    await call(who, "live poll", [204], `/intervisie/bijeenkomsten/${who.meetingId}/live/stand?sinds=${stamp}`);
  },
  liveReload: async (who) => {
    await call(who, "live view reload", [200], `/intervisie/bijeenkomsten/${who.meetingId}/live.data`);
  },
  journal: async (who) => {
    const url = `/journaal/schrijven/${who.journalId}.data`;
    const status = await call(who, "journal autosave", [200], url, {
      method: "POST",
      body: {
        intent: "autosave",
        title: "Tijdens de bijeenkomst",
        body: `Wat ik hoorde, versie ${who.journalVersion + 1}. `.repeat(20),
        writtenOn: new Date().toISOString().slice(0, 10),
        tags: "live",
        sessionId: "",
        version: String(who.journalVersion),
      },
    });
    if (status === 200) who.journalVersion += 1;
    await call(who, "revalidation after a save", [200], url);
  },
  assignment: async (who) => {
    const url = `/opdrachten/${who.assignmentId}.data`;
    const status = await call(who, "assignment autosave", [200], url, {
      method: "POST",
      body: {
        intent: "autosave",
        body: `Mijn uitwerking, versie ${who.assignmentVersion + 1}.\n\n- eerst ophalen\n- dan **vertalen**\n`.repeat(
          10,
        ),
        version: String(who.assignmentVersion),
      },
    });
    if (status === 200) who.assignmentVersion += 1;
    await call(who, "revalidation after a save", [200], url);
  },
  session: async (who) => {
    await call(who, "session page", [200], `/leernetwerken/${world.cohortId}/bijeenkomsten/${world.sessionId}`);
  },
  lesson: async (who) => {
    await call(who, "lesson", [200], `${world.lessonPath}.data`);
  },
  markRead: async (who) => {
    who.read = !who.read;
    const url = `${world.lessonPath}.data`;
    await call(who, "mark lesson read", [200], url, { method: "POST", body: { intent: who.read ? "read" : "unread" } });
    await call(who, "revalidation after a save", [200], url);
  },
} satisfies Record<string, Step>;

/** Two minutes of one participant's live session (see the top of this file). */
const MIX: Array<[keyof typeof STEPS, number]> = [
  ["poll", 40],
  ["liveReload", 1],
  ["journal", 4],
  ["assignment", 4],
  ["session", 1],
  ["lesson", 1],
  ["markRead", 1],
];
const REQUESTS_PER_ROUND = MIX.reduce(
  (sum, [key, count]) => sum + count * (["journal", "assignment", "markRead"].includes(key) ? 2 : 1),
  0,
);
const PARTICIPANT_RATE = REQUESTS_PER_ROUND / MIX_SECONDS;

function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

async function drive(participants: Participant[], seconds: number, stats: Map<Endpoint, Stats> | null) {
  recording = stats;
  const until = performance.now() + seconds * 1000;
  const round = MIX.flatMap(([key, count]) => Array.from({ length: count }, () => STEPS[key]));
  await Promise.all(
    participants.map(async (who) => {
      while (performance.now() < until) {
        for (const step of shuffled(round)) {
          if (performance.now() >= until) return;
          await step(who);
        }
      }
    }),
  );
  recording = null;
}

function statsFor(stats: Map<Endpoint, Stats>, endpoint: Endpoint): Stats {
  let entry = stats.get(endpoint);
  if (!entry) {
    entry = { samples: [], errors: 0, byInstance: new Map() };
    stats.set(endpoint, entry);
  }
  return entry;
}

function percentile(samples: number[], p: number): number {
  if (!samples.length) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

// ---------------------------------------------------------------------------------------------------
// Setting up the cohort and the participants

async function buildWorld(cluster: Cluster): Promise<Participant[]> {
  process.env.DATABASE_URL = cluster.databaseUrl;
  const { prisma } = await import("~/utils/db.server.ts");
  const { createCohortWorld, WORLD_LESSON } = await import("../support/cohort-world.ts");
  const made = await createCohortWorld(prisma, { duos: PARTICIPANTS / 2 });
  const next = made.sessions[1]!;
  const individual = await prisma.assignment.create({
    data: {
      sessionId: next.id,
      title: "Wat ik vandaag meeneem",
      instructions: "Schrijf op wat je vandaag meeneemt.",
      dueAt: new Date(Date.now() + 5 * 24 * 3600_000),
      kind: "INDIVIDUAL",
    },
  });
  world = { cohortId: made.cohort.id, sessionId: next.id, lessonPath: WORLD_LESSON.path };
  const people = made.duos.flatMap((duo) => duo.members.map((user) => ({ user, enrollmentId: duo.enrollment.id })));
  const meetings = await prisma.intervisionMeeting.findMany({
    where: { group: { cohortId: made.cohort.id } },
    select: { id: true, group: { select: { members: { select: { userId: true } } } } },
  });
  const participants: Participant[] = [];
  for (const [index, { user, enrollmentId }] of people.entries()) {
    const entry = await prisma.journalEntry.create({
      data: { authorId: user.id, enrollmentId, title: "Tijdens de bijeenkomst", body: "", writtenOn: new Date() },
    });
    const address = `10.77.${index >> 8}.${(index & 255) + 1}`;
    const login = await fetch(`${base}/inloggen`, {
      method: "POST",
      headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": address },
      body: new URLSearchParams({ email: user.email, password: PASSWORD, redirectTo: "" }).toString(),
      redirect: "manual",
    });
    const cookie = login.headers
      .getSetCookie()
      .map((line) => line.split(";")[0]!)
      .join("; ");
    if (login.status !== 302 || !cookie) throw new Error(`Sign-in of ${user.email}: ${login.status}`);
    const meetingId = meetings.find((meeting) => meeting.group.members.some((m) => m.userId === user.id))!.id;
    const who: Participant = {
      index,
      cookie,
      address,
      journalId: entry.id,
      journalVersion: entry.version,
      assignmentId: individual.id,
      assignmentVersion: 0,
      meetingId,
      stamp: "",
      read: false,
    };
    const stand = await send(who, `/intervisie/bijeenkomsten/${meetingId}/live/stand`);
    who.stamp = ((await stand.json()) as { stamp: string }).stamp;
    participants.push(who);
  }
  await prisma.$disconnect();
  return participants;
}

// ---------------------------------------------------------------------------------------------------

type RunResult = {
  webs: number;
  seconds: number;
  stats: Map<Endpoint, Stats>;
  cpu: Cpu;
  requests: number;
  load: number;
};

async function measure(cluster: Cluster, participants: Participant[], webCount: number): Promise<RunResult> {
  const active = cluster.webs.slice(0, webCount);
  for (const web of cluster.webs.slice(webCount)) await web.stop();
  for (const web of active) await web.start();
  await cluster.route(active);
  log(`${webCount} web process${webCount > 1 ? "es" : ""}: warming up ${WARMUP_S} s`);
  await drive(participants, WARMUP_S, null);
  const stats = new Map<Endpoint, Stats>();
  const before = cpuNow(cluster, active);
  const started = performance.now();
  await drive(participants, DURATION_S, stats);
  const seconds = (performance.now() - started) / 1000;
  const after = cpuNow(cluster, active);
  const requests = [...stats.values()].reduce((sum, entry) => sum + entry.samples.length, 0);
  const cpu: Cpu = {
    web: after.web - before.web,
    postgres: after.postgres - before.postgres,
    nginx: after.nginx - before.nginx,
    generator: after.generator - before.generator,
  };
  const load = os.loadavg()[0]!;
  log(`  ${requests} requests in ${seconds.toFixed(1)} s, load average ${load.toFixed(2)}`);
  return { webs: webCount, seconds, stats, cpu, requests, load };
}

function report(results: RunResult[]) {
  const lines: string[] = [];
  const shapes = [...new Set(results.map((r) => r.webs))];
  const endpoints = [...new Set(results.flatMap((r) => [...r.stats.keys()]))];
  const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : "–");
  lines.push(
    `\n## Live-session mix through nginx: ${PARTICIPANTS} participants, ${DURATION_S} s per run, ${RUNS} run(s) per shape (medians)\n`,
  );
  lines.push(
    `| endpoint | ${shapes.map((n) => `${n} web: req/s · p50 · p95 (ms) · errors`).join(" | ")} |`,
    `|---|${shapes.map(() => "---:").join("|")}|`,
  );
  for (const endpoint of endpoints) {
    const cells = shapes.map((n) => {
      const runs = results.filter((r) => r.webs === n);
      const rate = median(runs.map((r) => (r.stats.get(endpoint)?.samples.length ?? 0) / r.seconds));
      const p50 = median(runs.map((r) => percentile(r.stats.get(endpoint)?.samples ?? [], 50)));
      const p95 = median(runs.map((r) => percentile(r.stats.get(endpoint)?.samples ?? [], 95)));
      const errors = runs.reduce((sum, r) => sum + (r.stats.get(endpoint)?.errors ?? 0), 0);
      return `${fmt(rate)} · ${fmt(p50)} · ${fmt(p95)} · ${errors}`;
    });
    lines.push(`| ${endpoint} | ${cells.join(" | ")} |`);
  }
  const row = (label: string, value: (r: RunResult) => number, digits = 2) =>
    `| ${label} | ${shapes.map((n) => fmt(median(results.filter((r) => r.webs === n).map(value)), digits)).join(" | ")} |`;
  lines.push(
    row("**all requests, req/s**", (r) => r.requests / r.seconds, 1),
    row("CPU ms per request: web processes", (r) => r.cpu.web / r.requests),
    row("CPU ms per request: PostgreSQL", (r) => r.cpu.postgres / r.requests),
    row("CPU ms per request: nginx", (r) => r.cpu.nginx / r.requests),
    row("CPU ms per request: the load generator", (r) => r.cpu.generator / r.requests),
    row("load average (1 min) at the end", (r) => r.load),
  );
  const served = shapes.map((n) => {
    const runs = results.filter((r) => r.webs === n);
    const counts = new Map<string, number>();
    for (const r of runs)
      for (const entry of r.stats.values())
        for (const [name, count] of entry.byInstance) counts.set(name, (counts.get(name) ?? 0) + count);
    return [...counts].map(([name, count]) => `${name} ${count}`).join(", ");
  });
  lines.push(`| answered by | ${served.join(" | ")} |`);

  const webMs = median(results.map((r) => r.cpu.web / r.requests));
  const pgMs = median(results.map((r) => r.cpu.postgres / r.requests));
  const perParticipant = PARTICIPANT_RATE * webMs; // web CPU ms per second per participant
  const perCore = (0.5 * 1000) / perParticipant;
  lines.push(
    `\nOne participant sends ${REQUESTS_PER_ROUND} requests per ${MIX_SECONDS} s = ${PARTICIPANT_RATE.toFixed(3)} req/s.`,
    `Web CPU per request (median of all runs) ${webMs.toFixed(2)} ms → ${perParticipant.toFixed(2)} ms CPU per second per participant;`,
    `one web process (one core) kept at most 50 % busy carries ${Math.floor(perCore)} participants.`,
    `PostgreSQL: ${pgMs.toFixed(2)} ms per request → ${(PARTICIPANT_RATE * pgMs).toFixed(2)} ms per second per participant.`,
    `Machine: ${os.availableParallelism()} CPUs; load average now ${os
      .loadavg()
      .map((v) => v.toFixed(2))
      .join(" / ")}.`,
  );
  console.log(lines.join("\n"));
}

const cluster = await startCluster({
  seed: false,
  workers: 2,
  log,
  // The participants' own addresses (X-Forwarded-For) count for the per-address limits, as behind a TLS proxy.
  env: { TRUST_PROXY: "2" },
});
base = cluster.url;
let failed = false;
try {
  log(`Cluster on ${cluster.url}; building a cohort with ${PARTICIPANTS} participants`);
  const participants = await buildWorld(cluster);
  const results: RunResult[] = [];
  for (let run = 0; run < RUNS; run++) {
    for (const webs of SHAPES) results.push(await measure(cluster, participants, webs));
  }
  report(results);
  const errors = results.flatMap((r) => [...r.stats].filter(([, s]) => s.errors > 0));
  if (errors.length) {
    failed = true;
    for (const [endpoint, s] of errors) console.error(`Errors on ${endpoint}: ${s.errors}, first: ${s.firstError}`);
  }
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await cluster.stop();
}
process.exit(failed ? 1 : 0);
