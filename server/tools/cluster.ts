// The production shape on one machine: `npm run cluster` starts, on 127.0.0.1, Debian's PostgreSQL and
// Redis, two web processes and two workers, and nginx in front (round robin; a web process that stops
// answering is skipped: proxy_next_upstream), fills the database with the demo data and prints the address.
// Ctrl+C stops everything. The data is thrown away on stop (the PostgreSQL folder is under /tmp).
// tests/cluster/ drives the same cluster through startCluster().
//
// Ports (environment): CLUSTER_PORT (nginx, default 8080; the web processes take the next ones),
// CLUSTER_POSTGRES_PORT (55440), CLUSTER_REDIS_PORT (6390). Any other setting in the environment (e.g.
// RESEND_API_KEY) is passed on to the web processes and workers. Config and logs: tmp/cluster-<port>/.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { webServerNodeArgs } from "./start-command.ts";

const root = path.resolve(import.meta.dirname, "../..");

// Children run in their own process groups (so Ctrl+C reaches only this script): should this process end
// without stop() (a test runner giving up), they are killed on exit instead of living on.
const living = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of living) child.kill("SIGKILL");
});

export type ClusterProcess = {
  name: string;
  /** The web process's own port (web processes only). */
  port?: number;
  log: string;
  /** The process id while it runs (CPU time from /proc, a kill from outside). */
  pid: () => number | undefined;
  running: () => boolean;
  start: () => Promise<void>;
  /** SIGTERM and wait (a clean stop). */
  stop: () => Promise<void>;
  /** SIGKILL: dies on the spot. */
  kill: () => Promise<void>;
};

export type Cluster = {
  url: string;
  databaseUrl: string;
  redisUrl: string;
  dir: string;
  webs: ClusterProcess[];
  workers: ClusterProcess[];
  redis: ClusterProcess;
  nginx: ClusterProcess;
  /** nginx.conf with only these web processes as upstreams, reloaded in place (no request is dropped). */
  route: (webs: ClusterProcess[]) => Promise<void>;
  stop: () => Promise<void>;
};

export type ClusterOptions = {
  port?: number;
  postgresPort?: number;
  redisPort?: number;
  webs?: number;
  workers?: number;
  /** Fill an empty database with the demo data (default true). */
  seed?: boolean;
  /** Settings for the web processes and workers on top of the cluster's own. */
  env?: Record<string, string>;
  log?: (message: string) => void;
};

function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = async () => {
      if (await check().catch(() => false)) return resolve();
      if (Date.now() > until) return reject(new Error(`${what}: niet op tijd gestart`));
      setTimeout(() => void attempt(), 250);
    };
    void attempt();
  });
}

async function answers(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
  return response.ok;
}

/** A child process that writes its output to a log file and can be stopped, killed and started again. */
function managed(
  name: string,
  logFile: string,
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; ready: () => Promise<boolean>; stopSignal?: NodeJS.Signals; port?: number },
): ClusterProcess {
  let child: ChildProcess | undefined;
  const running = () => Boolean(child && child.exitCode === null && child.signalCode === null);
  const end = async (signal: NodeJS.Signals) => {
    const current = child;
    if (!current || !running()) return;
    const exited = new Promise<void>((resolve) => current.once("exit", () => resolve()));
    current.kill(signal);
    const force = setTimeout(() => current.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(force);
  };
  return {
    name,
    port: options.port,
    log: logFile,
    pid: () => (running() ? child?.pid : undefined),
    running,
    async start() {
      if (running()) return;
      const out = createWriteStream(logFile, { flags: "a" });
      // Its own process group: Ctrl+C reaches only this script, which stops everything in order.
      const started = spawn(command, args, {
        cwd: root,
        env: options.env ?? process.env,
        stdio: ["ignore", "pipe", "pipe"],
        detached: true,
      });
      started.stdout!.pipe(out);
      started.stderr!.pipe(out);
      child = started;
      living.add(started);
      started.once("exit", () => living.delete(started));
      const failed = new Promise<never>((_resolve, reject) =>
        started.once("exit", (code, signal) =>
          reject(new Error(`${name} stopte bij het starten (${code ?? signal}); zie ${logFile}`)),
        ),
      );
      failed.catch(() => {});
      await Promise.race([waitFor(options.ready, name), failed]);
    },
    stop: () => end(options.stopSignal ?? "SIGTERM"),
    kill: () => end("SIGKILL"),
  };
}

function nginxConfig(dir: string, port: number, webPorts: number[]): string {
  const asRoot = process.getuid?.() === 0 ? "user root root;\n" : "";
  return `# Generated by server/tools/cluster.ts (npm run cluster). The production shape: nginx in front of the web processes.
${asRoot}worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 1024; }
http {
  client_body_temp_path ${dir}/nginx-body;
  proxy_temp_path ${dir}/nginx-proxy;
  fastcgi_temp_path ${dir}/nginx-fastcgi;
  uwsgi_temp_path ${dir}/nginx-uwsgi;
  scgi_temp_path ${dir}/nginx-scgi;
  log_format json escape=json '{"time":"$time_iso8601","request_id":"$request_id","method":"$request_method",'
    '"uri":"$uri","status":$status,"upstream":"$upstream_addr","request_time":$request_time}';
  access_log ${dir}/nginx-access.log json;
  # Uploads are at most 10 MB (the app answers 413 itself above that, in Dutch).
  client_max_body_size 12m;
  upstream leernetwerk {
${webPorts.map((webPort) => `    server 127.0.0.1:${webPort} max_fails=1 fail_timeout=5s;`).join("\n")}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://leernetwerk;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Request-Id $request_id;
      # A web process that is down (connection refused) or stops mid-way: the next one gets the request.
      # A POST that already reached a process is not sent twice (nginx's rule for non-idempotent methods).
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 2;
      proxy_connect_timeout 2s;
      proxy_read_timeout 60s;
    }
  }
}
`;
}

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const log = options.log ?? (() => {});
  const port = options.port ?? Number(process.env.CLUSTER_PORT ?? 8080);
  const postgresPort = options.postgresPort ?? Number(process.env.CLUSTER_POSTGRES_PORT ?? 55440);
  const redisPort = options.redisPort ?? Number(process.env.CLUSTER_REDIS_PORT ?? 6390);
  const webCount = options.webs ?? 2;
  const workerCount = options.workers ?? 2;
  const dir = path.join(root, "tmp", `cluster-${port}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started: ClusterProcess[] = [];
  const postgresScript = path.join(root, "tests/support/postgres.sh");
  let postgresStarted = false;

  const stop = async () => {
    // The proxy first (no new requests), then the web processes and workers (running work finishes),
    // then Redis and PostgreSQL.
    for (const process of [...started].reverse()) await process.stop().catch(() => {});
    if (postgresStarted) execFileSync(postgresScript, ["stop", String(postgresPort)], { stdio: "ignore" });
  };

  try {
    // PostgreSQL (Debian's package, its own data folder under /tmp) and the app's database.
    execFileSync(postgresScript, ["stop", String(postgresPort)], { stdio: "ignore" });
    const adminUrl = execFileSync(postgresScript, ["start", String(postgresPort)], { encoding: "utf8" }).trim();
    postgresStarted = true;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query('CREATE DATABASE "leernetwerk"');
    await admin.end();
    const databaseUrl = adminUrl.replace(/\/postgres$/, "/leernetwerk");
    log(`PostgreSQL op 127.0.0.1:${postgresPort}`);

    const redisUrl = `redis://127.0.0.1:${redisPort}`;
    const redis = managed(
      "redis",
      path.join(dir, "redis.log"),
      "redis-server",
      ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir],
      {
        ready: async () => {
          const { Redis } = await import("ioredis");
          const client = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
          client.on("error", () => {});
          try {
            await client.connect();
            return (await client.ping()) === "PONG";
          } finally {
            client.disconnect();
          }
        },
      },
    );
    await redis.start();
    started.push(redis);
    log(`Redis op 127.0.0.1:${redisPort}`);

    const appEnv: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production" as const,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      SESSION_SECRET: randomBytes(32).toString("hex"),
      APP_URL: `http://127.0.0.1:${port}`,
      HOST: "127.0.0.1",
      TRUST_PROXY: "1",
      DEMO_MODE: "true",
      ...(process.env.RESEND_API_KEY || options.env?.RESEND_API_KEY ? {} : { EMAIL_OUTBOX_ONLY: "true" }),
      LOG_LEVEL: "info",
      DATABASE_POOL_SIZE: "8",
      ...options.env,
    };

    // Both web processes at the same moment on the empty database: the migrations run once (an advisory
    // lock in server/database/migrate.ts), the other process finds them done.
    const webs = Array.from({ length: webCount }, (_unused, index) => {
      const name = `web-${index + 1}`;
      const webPort = port + 1 + index;
      return managed(name, path.join(dir, `${name}.log`), process.execPath, webServerNodeArgs(), {
        env: { ...appEnv, PORT: String(webPort), INSTANCE_NAME: name },
        ready: () => answers(`http://127.0.0.1:${webPort}/readyz`),
        port: webPort,
      });
    });
    await Promise.all(webs.map((web) => web.start()));
    started.push(...webs);
    log(`Web: ${webs.map((web) => `${web.name} :${web.port}`).join(", ")}`);

    if (options.seed !== false) {
      // Without REDIS_URL: e-mails of the demo data wait in the outbox for the sweep (an open Bull queue
      // would keep the seed process from ending).
      const { REDIS_URL: _queue, ...seedEnv } = appEnv;
      execFileSync(process.execPath, ["--import", "tsx", "prisma/seed.ts"], {
        cwd: root,
        env: seedEnv,
        timeout: 300_000,
        stdio: ["ignore", "pipe", "pipe"],
      });
      log("Demogegevens aangemaakt");
    }

    const workers = Array.from({ length: workerCount }, (_unused, index) => {
      const name = `worker-${index + 1}`;
      const logFile = path.join(dir, `${name}.log`);
      let ready = false;
      const worker = managed(name, logFile, process.execPath, ["--import", "tsx", "jobs/worker.ts"], {
        env: { ...appEnv, INSTANCE_NAME: name },
        ready: async () => ready,
      });
      const start = worker.start;
      worker.start = async () => {
        ready = false;
        const { readFileSync } = await import("node:fs");
        const before = (() => {
          try {
            return readFileSync(logFile, "utf8").length;
          } catch {
            return 0;
          }
        })();
        const poll = setInterval(() => {
          try {
            if (readFileSync(logFile, "utf8").slice(before).includes("Worker gestart")) ready = true;
          } catch {}
        }, 100);
        try {
          await start();
        } finally {
          clearInterval(poll);
        }
      };
      return worker;
    });
    await Promise.all(workers.map((worker) => worker.start()));
    started.push(...workers);
    log(`Workers: ${workers.map((worker) => worker.name).join(", ")}`);

    const config = path.join(dir, "nginx.conf");
    writeFileSync(
      config,
      nginxConfig(
        dir,
        port,
        webs.map((web) => web.port!),
      ),
    );
    const nginx = managed(
      "nginx",
      path.join(dir, "nginx.log"),
      "nginx",
      ["-c", config, "-p", dir, "-g", "daemon off;"],
      {
        ready: () => answers(`http://127.0.0.1:${port}/healthz`),
        stopSignal: "SIGQUIT",
      },
    );
    await nginx.start();
    started.push(nginx);

    const route = async (upstreams: ClusterProcess[]) => {
      writeFileSync(
        config,
        nginxConfig(
          dir,
          port,
          upstreams.map((web) => web.port!),
        ),
      );
      execFileSync("nginx", ["-c", config, "-p", dir, "-s", "reload"], { stdio: "ignore" });
      // The old nginx worker finishes its requests and leaves; the new one answers from the new config.
      await new Promise((resolve) => setTimeout(resolve, 500));
    };

    return { url: `http://127.0.0.1:${port}`, databaseUrl, redisUrl, dir, webs, workers, redis, nginx, route, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

// `npm run cluster`
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const started = Date.now();
  const cluster = await startCluster({ log: (message) => console.log(message) }).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
  console.log(
    `\nLeernetwerk-cluster draait op ${cluster.url} (klaar in ${Math.round((Date.now() - started) / 1000)} s).\n` +
      `Inloggen: zie README (demo-logins). Logs en nginx.conf: ${path.relative(root, cluster.dir)}/. Stoppen: Ctrl+C.`,
  );
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log("\nCluster stopt…");
    await cluster.stop();
    console.log("Gestopt.");
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown());
  process.on("SIGTERM", () => void shutdown());
}
