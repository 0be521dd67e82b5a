// Structured logs: one JSON line per request (pino, through pino-http) with the request id, method, path,
// status and duration, and the name of this process (INSTANCE_NAME) when set. The request id comes from the
// proxy's X-Request-Id header (nginx passes $request_id), or is made here, and is sent back in X-Request-Id,
// so one id follows a request from the proxy's access log to this line. Nothing personal is logged: no
// headers (cookies), no query string (search text, redirect targets), and the token in a link's path
// (reset, invitation, confirmation, unsubscribe, calendar) is replaced by ":token".
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type express from "express";
import { type Logger, type LevelWithSilent, pino } from "pino";
import { pinoHttp } from "pino-http";

/** LOG_LEVEL, else: silent in tests, warn in the demo (quiet as before), info otherwise. */
export function logLevel(env: { LOG_LEVEL?: string; NODE_ENV?: string; DEMO_MODE?: boolean }): LevelWithSilent {
  if (env.LOG_LEVEL) return env.LOG_LEVEL as LevelWithSilent;
  if (env.NODE_ENV === "test") return "silent";
  return env.DEMO_MODE ? "warn" : "info";
}

export function createLogger(options: { level: LevelWithSilent; instance?: string }): Logger {
  return pino({
    level: options.level,
    base: { pid: process.pid, ...(options.instance ? { instance: options.instance } : {}) },
  });
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** Path segments that follow these are secrets (links sent by e-mail, the calendar feed). */
const TOKEN_AFTER = /^\/(wachtwoord-herstellen|uitnodiging|e-mailadres-bevestigen|e-mail\/afmelden|agenda)\/[^/]+/;

/** The path to log: no query string, a link's token replaced. */
export function loggedPath(url: string): string {
  const path = url.split("?")[0] ?? "/";
  return path.replace(TOKEN_AFTER, (_match, prefix: string) => `/${prefix}/:token`);
}

/** The request id: the proxy's X-Request-Id when it looks like one, else a new UUID. */
export function requestIdFor(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && REQUEST_ID.test(value) ? value : randomUUID();
}

export function requestLogging(logger: Logger): express.RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const id = requestIdFor(req.headers["x-request-id"]);
      res.setHeader("X-Request-Id", id);
      return id;
    },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        path: loggedPath(req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? "error" : "info"),
    // Static files and the probes are many and say little.
    autoLogging: { ignore: (req) => /^\/(assets\/|favicon|healthz|readyz)/.test(req.url?.slice(0) ?? "") },
    quietReqLogger: true,
  }) as unknown as express.RequestHandler;
}
