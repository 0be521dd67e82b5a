// The production shape, run for real: `npm run cluster`'s startCluster() — nginx in front of two web
// processes, two workers, PostgreSQL and Redis, all on 127.0.0.1 — driven over HTTP with cookies through
// the proxy. Requests land on both web processes (X-Instance names the one that answered); a session, a
// file and an autosave conflict cross between them; a web process killed mid-journey is routed around; a
// worker killed mid-job plus a Redis outage still deliver every e-mail exactly once; both web processes
// started together on the empty database applied the migrations once. Bounded to a few minutes.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cluster, startCluster } from "../../server/tools/cluster.ts";
import { startResendRecorder } from "../support/resend-recorder.ts";

const root = path.resolve(import.meta.dirname, "../..");
const port = Number(process.env.TEST_CLUSTER_PORT ?? 3310);
let cluster: Cluster;
let recorder: Awaited<ReturnType<typeof startResendRecorder>>;
let db: pg.Client;

beforeAll(async () => {
  recorder = await startResendRecorder();
  cluster = await startCluster({
    port,
    postgresPort: Number(process.env.TEST_CLUSTER_POSTGRES_PORT ?? 55470),
    redisPort: Number(process.env.TEST_CLUSTER_REDIS_PORT ?? 6396),
    env: {
      RESEND_API_KEY: "re_test_key",
      RESEND_BASE_URL: recorder.url,
      WORKER_LOCK_MS: "2000",
      EMAIL_CLAIM_MS: "3000",
      EMAIL_RETRY_BASE_MS: "500",
      OUTBOX_SWEEP_MS: "1000",
      LOGIN_RATE_LIMIT: "100",
    },
  });
  db = new pg.Client({ connectionString: cluster.databaseUrl });
  await db.connect();
}, 240_000);

afterAll(async () => {
  await db?.end();
  await cluster?.stop();
  await recorder?.close();
}, 60_000);

/** A browser in miniature: keeps the cookies, sends the same-origin header, records who answered. */
function visitor() {
  const cookies = new Map<string, string>();
  const servedBy: string[] = [];
  const request = async (pathname: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set("Cookie", [...cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    if (init.method === "POST") headers.set("Origin", cluster.url);
    const response = await fetch(cluster.url + pathname, { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const index = pair!.indexOf("=");
      cookies.set(pair!.slice(0, index), pair!.slice(index + 1));
    }
    servedBy.push(response.headers.get("x-instance") ?? "?");
    return response;
  };
  return { request, servedBy };
}

async function signIn(email: string) {
  const user = visitor();
  const response = await user.request("/inloggen", {
    method: "POST",
    body: new URLSearchParams({ email, password: "Leernetwerk-demo-2027", redirectTo: "" }),
  });
  expect(response.status, await response.clone().text()).toBe(302);
  return user;
}

const form = (fields: Record<string, string>) => ({ method: "POST", body: new URLSearchParams(fields) });

/** An assignment of Lisa's duo that still takes edits and files. */
async function openAssignment(): Promise<string> {
  const { rows } = await db.query<{ id: string }>(`
    SELECT a.id FROM "Assignment" a
      JOIN "CohortSession" s ON s.id = a."sessionId"
      JOIN "Enrollment" e ON e."cohortId" = s."cohortId" AND e.status = 'ACTIVE'
      JOIN "DuoMember" m ON m."enrollmentId" = e.id
      JOIN "User" u ON u.id = m."userId" AND u.email = 'lisa.bakker@zwolle.test'
     WHERE a."allowFiles" AND a.kind = 'DUO'
       AND NOT EXISTS (SELECT 1 FROM "AssignmentSubmission" x WHERE x."assignmentId" = a.id AND x."enrollmentId" = e.id)
     LIMIT 1`);
  expect(rows[0], "an open duo assignment in the demo data").toBeDefined();
  return rows[0]!.id;
}

/** Repeats a request until another process than `other` answers it (round robin: the next one does). */
async function onOtherProcess(other: string, send: () => Promise<Response>) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const response = await send();
    if (response.headers.get("x-instance") !== other) return response;
  }
  throw new Error(`every answer came from ${other}`);
}

describe("two web processes behind nginx", () => {
  it("both web processes, started together on the empty database, applied the migrations once", () => {
    const logs = cluster.webs.map((web) => readFileSync(web.log, "utf8"));
    const migrations = readdirSync(path.join(root, "prisma/migrations"), { withFileTypes: true }).filter((entry) =>
      entry.isDirectory(),
    ).length;
    expect(logs.filter((log) => log.includes("Migrations applied")).length).toBe(1);
    return db
      .query<{ n: string; distinct: string }>(
        `SELECT count(*) AS n, count(DISTINCT migration_name) AS distinct FROM "_prisma_migrations"`,
      )
      .then(({ rows }) => {
        expect(Number(rows[0]!.n)).toBe(migrations);
        expect(Number(rows[0]!.distinct)).toBe(migrations);
      });
  });

  it("signed in on one, served by the other; a file and an autosave conflict cross between them", async () => {
    const lisa = await signIn("lisa.bakker@zwolle.test");
    const signedInOn = lisa.servedBy.at(-1)!;
    const start = await onOtherProcess(signedInOn, () => lisa.request("/"));
    expect(start.status).toBe(200);
    expect(await start.text()).toContain("Lisa");

    // A file uploaded through one process, downloaded through the other.
    const assignmentId = await openAssignment();
    const upload = new FormData();
    const bytes = new TextEncoder().encode("%PDF-1.7\n% cluster\n1 0 obj\n<<>>\nendobj\n%%EOF\n");
    upload.set("file", new Blob([bytes], { type: "application/pdf" }), "plan.pdf");
    const uploaded = await lisa.request(`/opdrachten/${assignmentId}`, { method: "POST", body: upload });
    expect(uploaded.status).toBe(200);
    const uploadedOn = uploaded.headers.get("x-instance")!;
    const { rows } = await db.query<{ id: string }>(
      `SELECT id FROM "SubmissionAttachment" WHERE "fileName" = 'plan.pdf' ORDER BY "createdAt" DESC LIMIT 1`,
    );
    const download = await onOtherProcess(uploadedOn, () => lisa.request(`/bijlagen/${rows[0]!.id}`));
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);

    // Lisa autosaves on one process; Erik, with the same starting version, on the other: a conflict.
    const erik = await signIn("erik.mulder@zwolle.test");
    const saved = await lisa.request(
      `/opdrachten/${assignmentId}`,
      form({ intent: "autosave", body: "Tekst van Lisa", version: "0" }),
    );
    expect(saved.status).toBe(200);
    const savedOn = saved.headers.get("x-instance")!;
    const conflict = await onOtherProcess(savedOn, () =>
      erik.request(`/opdrachten/${assignmentId}`, form({ intent: "autosave", body: "Tekst van Erik", version: "0" })),
    );
    expect(conflict.status).toBe(409);
    expect(await conflict.text()).toContain("Tekst van Lisa");

    expect(new Set([...lisa.servedBy, ...erik.servedBy])).toEqual(new Set(["web-1", "web-2"]));
    // The proxy's request id is the one in the web process's log line.
    const last = await lisa.request("/");
    const id = last.headers.get("x-request-id")!;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const log = cluster.webs.map((web) => readFileSync(web.log, "utf8")).join("\n");
    expect(log).toContain(`"id":"${id}"`);
  }, 90_000);

  it("a worker killed mid-job and Redis stopped for a while: every e-mail is delivered exactly once", async () => {
    // This test process records e-mails the way a web process does: outbox first, then the queue.
    process.env.DATABASE_URL = cluster.databaseUrl;
    process.env.REDIS_URL = cluster.redisUrl;
    process.env.RESEND_API_KEY = "re_test_key";
    process.env.RESEND_BASE_URL = recorder.url;
    const { sendEmail } = await import("~/email/send-email.server.ts");
    const { passwordResetEmail } = await import("~/email/templates.server.ts");
    const { stopJobs } = await import("../../jobs/engine.ts");
    const content = () => passwordResetEmail({ name: "Test", url: "http://localhost/x", expiresAt: new Date() });

    recorder.delayResponses(600);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      ids.push(
        (await sendEmail({ to: `c${i}@test.nl`, kind: "test", idempotencyKey: `cluster-${i}`, ...content() })).id,
      );
    }
    // Kill a worker while deliveries are under way, then take Redis away for a few seconds.
    await new Promise((resolve) => setTimeout(resolve, 400));
    await cluster.workers[0]!.kill();
    await cluster.redis.stop();
    for (let i = 6; i < 9; i++) {
      ids.push(
        (await sendEmail({ to: `c${i}@test.nl`, kind: "test", idempotencyKey: `cluster-${i}`, ...content() })).id,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 3000));
    recorder.delayResponses(0);
    await cluster.redis.start();
    await cluster.workers[0]!.start();

    const until = Date.now() + 60_000;
    let sent = 0;
    while (Date.now() < until) {
      const { rows } = await db.query<{ n: string }>(
        `SELECT count(*) AS n FROM "EmailMessage" WHERE id = ANY($1::uuid[]) AND status = 'SENT'`,
        [ids],
      );
      sent = Number(rows[0]!.n);
      if (sent === ids.length) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(sent).toBe(ids.length);
    for (let i = 0; i < 9; i++) {
      expect(recorder.received.filter((r) => r.headers["idempotency-key"] === `cluster-${i}`)).toHaveLength(1);
    }
    await stopJobs();
    const { prisma } = await import("~/utils/db.server.ts");
    await prisma.$disconnect();
  }, 120_000);

  it("a web process killed mid-journey: the proxy routes around it and nothing typed is lost", async () => {
    const lisa = await signIn("lisa.bakker@zwolle.test");
    const assignmentId = await openAssignment().catch(async () => {
      const { rows } = await db.query<{ id: string }>(
        `SELECT "assignmentId" AS id FROM "AssignmentSubmission" WHERE body = 'Tekst van Lisa' LIMIT 1`,
      );
      return rows[0]!.id;
    });
    const page = await lisa.request(`/opdrachten/${assignmentId}`);
    expect(page.status).toBe(200);
    const { rows } = await db.query<{ version: number }>(
      `SELECT version FROM "AssignmentSubmission" WHERE "assignmentId" = $1 LIMIT 1`,
      [assignmentId],
    );
    let version = rows[0]?.version ?? 0;

    await cluster.webs[0]!.kill();
    for (let i = 1; i <= 4; i++) {
      const saved = await lisa.request(
        `/opdrachten/${assignmentId}`,
        form({ intent: "autosave", body: `Na de storing, stap ${i}`, version: String(version) }),
      );
      expect(saved.status).toBe(200);
      expect(saved.headers.get("x-instance")).toBe("web-2");
      version += 1;
      expect((await lisa.request(`/opdrachten/${assignmentId}`)).status).toBe(200);
    }
    const after = await db.query<{ body: string }>(
      `SELECT body FROM "AssignmentSubmission" WHERE "assignmentId" = $1 LIMIT 1`,
      [assignmentId],
    );
    expect(after.rows[0]!.body).toBe("Na de storing, stap 4");
    expect(readFileSync(path.join(cluster.dir, "nginx-access.log"), "utf8")).not.toMatch(/"status":5\d\d/);
  }, 90_000);
});
