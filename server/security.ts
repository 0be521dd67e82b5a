// Security middleware: headers with a content security policy (nonce per response), a same-origin check
// on every form post (CSRF), and rate limits (strict on login and password-reset posts).
import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { type ClientRateLimitInfo, type Options, rateLimit, type Store } from "express-rate-limit";
import helmet from "helmet";
import type { CounterStore } from "../app/utils/rate-limit.server.ts";

/** Random bytes for 256 nonces, taken from the system's generator at once (one call per page cost more). */
const NONCE_BYTES = 16;
let noncePool = Buffer.alloc(0);
let nonceAt = 0;

/** A fresh nonce per response: 16 random bytes, base64. Every nonce uses its own bytes, none twice. */
export function cspNonce(_req: Request, res: Response, next: NextFunction) {
  if (nonceAt + NONCE_BYTES > noncePool.length) {
    noncePool = randomBytes(NONCE_BYTES * 256);
    nonceAt = 0;
  }
  res.locals.cspNonce = noncePool.toString("base64", nonceAt, nonceAt + NONCE_BYTES);
  nonceAt += NONCE_BYTES;
  next();
}

/** Browser features the site never uses, switched off for it and for anything it might embed. */
export const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

/**
 * The response headers of every answer: a content security policy whose scripts need this response's nonce
 * (no 'unsafe-inline' outside development), no framing by other sites, the referrer only within the site,
 * a permissions policy, and in production HSTS (one year, subdomains included).
 */
export function securityHeaders(options: { development: boolean; production: boolean }) {
  // Helmet's headers depend on nothing of the request but the nonce, yet helmet validated and joined the
  // whole policy again on every response (about a tenth of an empty page's middleware time, issue 18). So
  // helmet runs once here, on a stand-in response whose nonce is a marker, and every response gets the
  // headers it set, in the same order, with the marker replaced by that response's nonce
  // (server/security.test.ts compares the two).
  const steps = recordHeaders(helmetHeaders(options));
  return (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
    const nonce = res.locals.cspNonce as string;
    for (const step of steps) {
      if (step.value === undefined) res.removeHeader(step.name);
      else if (step.parts) res.setHeader(step.name, step.parts.join(nonce));
      else res.setHeader(step.name, step.value);
    }
    next();
  };
}

/** Helmet as configured for this site (securityHeaders replays what it sets). */
export function helmetHeaders({ development, production }: { development: boolean; production: boolean }) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": [
          "'self'",
          (_req, res) => `'nonce-${(res as Response).locals.cspNonce as string}'`,
          // Vite's dev server injects its own inline module scripts.
          ...(development ? ["'unsafe-inline'"] : []),
        ],
        "style-src": ["'self'", ...(development ? ["'unsafe-inline'"] : [])],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'", ...(development ? ["ws:"] : [])],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
        "upgrade-insecure-requests": null,
      },
    },
    // Production only: a browser that saw it keeps to HTTPS for the host, also for a local test server.
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: "same-origin" },
  });
}

/** Stands for the nonce while helmet's headers are recorded; no header value can contain it by chance. */
const NONCE_MARKER = "NONCE-MARKER-3f9c1b7e";

type HeaderStep = { name: string; value?: string; parts?: string[] };

/** The headers a middleware that sets only fixed headers (helmet) sets, in order; throws on anything else. */
export function recordHeaders(
  middleware: (req: Request, res: Response, next: (error?: unknown) => void) => void,
): HeaderStep[] {
  const steps: HeaderStep[] = [];
  let done = false;
  const stand = {
    locals: { cspNonce: NONCE_MARKER },
    setHeader(name: string, value: unknown) {
      if (typeof value !== "string") throw new Error(`recordHeaders: ${name} is not one string`);
      const parts = value.split(NONCE_MARKER);
      steps.push(parts.length > 1 ? { name, value, parts } : { name, value });
    },
    removeHeader(name: string) {
      steps.push({ name });
    },
  };
  middleware({} as Request, stand as unknown as Response, (error?: unknown) => {
    if (error) throw error;
    done = true;
  });
  if (!done) throw new Error("recordHeaders: the middleware did not finish at once");
  return steps;
}

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Blocks state-changing requests that come from another site. Browsers send Origin on every POST; when
 * it is missing we fall back to Sec-Fetch-Site. Together with SameSite=Lax cookies this stops CSRF.
 */
export function sameOriginOnly(req: Request, res: Response, next: NextFunction) {
  if (!unsafeMethods.has(req.method)) return next();
  const origin = req.get("origin");
  const host = req.get("host");
  if (origin && origin !== "null") {
    try {
      if (new URL(origin).host === host) return next();
    } catch {
      // fall through to the rejection below
    }
    return reject(res);
  }
  const site = req.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return reject(res);
  return next();
}

function reject(res: Response) {
  res
    .status(403)
    .type("text/plain; charset=utf-8")
    .send("Dit formulier komt niet van deze website en is daarom geweigerd. Ga terug en probeer het opnieuw.");
}

const tooMany = (message: string) => (_req: Request, res: Response) => {
  res
    .status(429)
    .type("text/html; charset=utf-8")
    .send(`<!doctype html><html lang="nl"><head><meta charset="utf-8">
<title>Te veel pogingen — Leernetwerk</title></head><body><main><h1>Te veel pogingen</h1><p>${message}</p>
<p><a href="/">Naar de startpagina</a></p></main></body></html>`);
};

/** An express-rate-limit store on the shared counters (one per limit: the prefix keeps their keys apart). */
class SharedStore implements Store {
  localKeys = false;
  private windowMs = 60_000;
  constructor(
    private readonly counters: CounterStore,
    readonly prefix: string,
  ) {}
  init(options: Options) {
    this.windowMs = options.windowMs;
  }
  async increment(key: string): Promise<ClientRateLimitInfo> {
    const hit = await this.counters.hit(this.prefix + key, this.windowMs);
    return { totalHits: hit.count, resetTime: hit.resetAt };
  }
  async decrement(key: string) {
    await this.counters.undo(this.prefix + key);
  }
  async resetKey(key: string) {
    await this.counters.reset(this.prefix + key);
  }
}

/**
 * The path a limit is chosen by, written one way: dot segments resolved, percent-encoding decoded
 * (repeatedly, so `%252F` cannot hide a slash either), lower case, repeated slashes as one, no trailing
 * slash and no single-fetch `.data` suffix (a form posted from the browser goes to "<path>.data"). `/Inloggen/`, `/inloggen%2F` and
 * `/INLOGGEN.data` are all `/inloggen`, as Remix's routing treats them.
 */
export function limitPath(rawPath: string): string {
  // As Remix reads it (new URL): dot segments resolved, also encoded ones (`/x/%2e%2e/inloggen`).
  const resolve = (path: string) => new URL(path.replace(/[\\/]+/g, "/"), "http://localhost").pathname;
  let path = resolve(rawPath);
  for (let round = 0; round < 3 && path.includes("%"); round++) {
    try {
      path = resolve(decodeURIComponent(path));
    } catch {
      break;
    }
  }
  path = path.toLowerCase().replace(/\/$/, "");
  if (path.endsWith(".data")) path = path.slice(0, -".data".length).replace(/\/$/, "");
  return path || "/";
}

/**
 * Per-address limits, counted in the store every web process shares (app/utils/rate-limit.server.ts).
 * Login and password-reset posts: few per 15 minutes (only failures count for login; the app also
 * throttles per account). Other posts: generous. Page views are not limited here; that is the reverse
 * proxy's job. The reset form is also limited per account (its action, wachtwoord-vergeten.tsx).
 */
export function rateLimits({ loginLimit, counters }: { loginLimit: number; counters: CounterStore }) {
  const limiter = (prefix: string, options: Partial<Options> & { message: string }) =>
    rateLimit({
      windowMs: 15 * 60_000,
      limit: loginLimit,
      standardHeaders: "draft-7",
      legacyHeaders: false,
      store: new SharedStore(counters, `ip:${prefix}:`),
      ...options,
      handler: tooMany(options.message),
    });
  const strict = limiter("login", {
    skipSuccessfulRequests: true,
    message:
      "Er is te vaak geprobeerd in te loggen of een wachtwoord te herstellen vanaf dit adres. Wacht 15 minuten en probeer het dan opnieuw.",
  });
  const resetLimit = limiter("reset", {
    message:
      "Er zijn te veel aanvragen voor een nieuw wachtwoord gedaan vanaf dit adres. Wacht 15 minuten en probeer het dan opnieuw.",
  });
  // The public application form sends an e-mail to an address anyone can type: limit it like the reset form.
  const applicationLimit = limiter("application", {
    message: "Er zijn te veel aanmeldingen verstuurd vanaf dit adres. Wacht 15 minuten en probeer het dan opnieuw.",
  });
  const general = limiter("post", {
    windowMs: 60_000,
    limit: 300,
    message: "Je hebt te veel verzoeken achter elkaar gedaan. Wacht een minuut en probeer het opnieuw.",
  });
  return (req: Request, res: Response, next: NextFunction) => {
    if (!unsafeMethods.has(req.method)) return next();
    const path = limitPath(req.path);
    if (path === "/inloggen" || path === "/inloggen/code") return strict(req, res, next);
    if (path === "/wachtwoord-vergeten" || path.startsWith("/wachtwoord-herstellen/")) {
      return resetLimit(req, res, next);
    }
    if (path.startsWith("/aanmelden/")) return applicationLimit(req, res, next);
    return general(req, res, next);
  };
}
