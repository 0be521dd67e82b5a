// The Express application around Remix: security headers, compression, rate limits, body limits, static assets
// with long caching, and the Remix request handler.
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import type { Logger } from "pino";
import type { ViteDevServer } from "vite";
import { getEnv } from "../app/utils/env.server.ts";
import { type CounterStore, closeRateLimitCounters, rateLimitCounters } from "../app/utils/rate-limit.server.ts";
import { runWithRequestMemory } from "../app/utils/request-context.server.ts";
import { bodyLimits } from "./body-limits.ts";
import { createLogger, logLevel, requestLogging } from "./logging.ts";
import { readiness } from "./readiness.ts";
import { createRequestHandler } from "./remix-handler.ts";
import { cspNonce, rateLimits, sameOriginOnly, securityHeaders } from "./security.ts";
import { projectRoot } from "./startup.ts";

/**
 * Only paths that name a file (`/favicon.svg`) go to a static folder: looking up every page's path there
 * first cost each page request two file-system checks and an error object (about a tenth of an otherwise
 * empty page's CPU).
 */
function filesOnly(serve: express.RequestHandler): express.RequestHandler {
  return (req, res, next) => (/\.[A-Za-z0-9]+$/.test(req.path) ? serve(req, res, next) : next());
}

export async function createApp(options: {
  development: boolean;
  /** Production adds HSTS (default: NODE_ENV is production). */
  production?: boolean;
  loginLimit: number;
  /** How many reverse proxies stand in front (TRUST_PROXY): the client address is read that many hops back. */
  trustProxyHops?: number;
  /** Where the rate limits count (default: Redis or the database, app/utils/rate-limit.server.ts). */
  counters?: CounterStore;
  /** The JSON logger (default: pino on stdout at LOG_LEVEL, server/logging.ts). */
  logger?: Logger;
}) {
  const env = getEnv();
  const app = express();
  app.disable("x-powered-by");
  // The request log line (JSON, with the proxy's X-Request-Id) and this process's name in a header, so a
  // response says which web process behind the proxy served it.
  app.use(requestLogging(options.logger ?? createLogger({ level: logLevel(env), instance: env.INSTANCE_NAME })));
  if (env.INSTANCE_NAME) {
    const instance = env.INSTANCE_NAME;
    app.use((_req, res, next) => {
      res.setHeader("X-Instance", instance);
      next();
    });
  }
  // Readiness (database and Redis reachable) next to the liveness route /healthz.
  const ready = readiness({ redisUrl: env.REDIS_URL });
  app.get("/readyz", ready.handler);
  // Exactly the configured number of hops: 0 trusts no X-Forwarded-For at all, so a client cannot choose
  // the address its rate limit is counted under.
  app.set("trust proxy", options.trustProxyHops ?? 0);

  let vite: ViteDevServer | undefined;
  if (options.development) {
    const { createServer } = await import("vite");
    vite = await createServer({ server: { middlewareMode: true }, root: projectRoot });
  }

  app.use(compression());
  app.use(cspNonce);
  app.use(
    securityHeaders({
      development: options.development,
      production: options.production ?? env.NODE_ENV === "production",
    }),
  );

  if (vite) {
    app.use(vite.middlewares);
  } else {
    // Fingerprinted build output: cache for a year. Everything else in public/: an hour.
    app.use(
      "/assets",
      express.static(path.join(projectRoot, "build/client/assets"), { immutable: true, maxAge: "1y", index: false }),
    );
    app.use(filesOnly(express.static(path.join(projectRoot, "build/client"), { maxAge: "1h", index: false })));
  }
  app.use(filesOnly(express.static(path.join(projectRoot, "public"), { maxAge: "1h", index: false })));

  app.use(sameOriginOnly);
  app.use(rateLimits({ loginLimit: options.loginLimit, counters: options.counters ?? rateLimitCounters() }));
  app.use(bodyLimits());

  const build = vite
    ? () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>
    : ((await import(path.join(projectRoot, "build/server/index.js"))) as ServerBuild);

  const remixHandler = createRequestHandler({
    build,
    mode: options.development ? "development" : "production",
    getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce as string }),
  });
  // Each request gets its own memory (e.g. the session is validated once for all its loaders).
  app.all("*", (req, res, next) => runWithRequestMemory(() => remixHandler(req, res, next)));

  return {
    app,
    close: async () => {
      await vite?.close();
      await closeRateLimitCounters();
      await ready.close();
    },
  };
}
