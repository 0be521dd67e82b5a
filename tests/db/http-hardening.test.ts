// The production Express app (server/app.ts with the built Remix app; `npm run build` first) on a fresh
// database, answering real HTTP: the security headers of every page, the bounds on request bodies (413,
// 400, 415, 411, each a short Dutch page) and the client address the rate limits count under (TRUST_PROXY).
import { existsSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server.ts";
import { MAX_FORM_BYTES, MAX_UPLOAD_BYTES } from "../../server/body-limits.ts";

const root = path.resolve(import.meta.dirname, "../..");
if (!existsSync(path.join(root, "build/server/index.js"))) {
  throw new Error("tests/db/http-hardening.test.ts needs the production build: run `npm run build` first.");
}
const { createApp } = await import("../../server/app.ts");

type Served = { url: string; port: number; close: () => Promise<void> };

async function serve(options: { production?: boolean; trustProxyHops?: number; loginLimit?: number } = {}) {
  const { app, close } = await createApp({ development: false, loginLimit: options.loginLimit ?? 100, ...options });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await close();
    },
  } satisfies Served;
}

/** Sends only the request head (with the given headers) and waits for the answer: no body is ever sent. */
function headOnly(served: Served, pathname: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port: served.port, method: "POST", path: pathname, headers });
    request.on("response", (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        body += chunk;
      });
      response.on("end", () => {
        resolve({ status: response.statusCode!, headers: response.headers, body });
        request.destroy();
      });
    });
    request.on("error", reject);
    request.flushHeaders();
  });
}

let production: Served;
beforeAll(async () => {
  production = await serve({ production: true });
});
afterAll(async () => {
  await production.close();
});

describe("security headers", () => {
  it("every page: a CSP with a nonce and without 'unsafe-inline', no framing, HSTS, referrer and permissions policy", async () => {
    const response = await fetch(`${production.url}/inloggen`);
    expect(response.status).toBe(200);
    const csp = response.headers.get("content-security-policy") ?? "";
    const directives = Object.fromEntries(
      csp.split(";").map((directive) => {
        const [name, ...values] = directive.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(directives["default-src"]).toEqual(["'self'"]);
    expect(directives["frame-ancestors"]).toEqual(["'none'"]);
    expect(directives["object-src"]).toEqual(["'none'"]);
    expect(directives["base-uri"]).toEqual(["'self'"]);
    expect(directives["form-action"]).toEqual(["'self'"]);
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(directives["script-src"]!.join(" "))?.[1];
    expect(nonce).toBeTruthy();
    // Remix's inline scripts carry this response's nonce, so they run without 'unsafe-inline'.
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
    // A new nonce for every response.
    const again = await fetch(`${production.url}/inloggen`);
    expect(again.headers.get("content-security-policy")).not.toContain(nonce);

    expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect(response.headers.get("referrer-policy")).toBe("same-origin");
    expect(response.headers.get("permissions-policy")).toBe(
      "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    );
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-powered-by")).toBeNull();
  });

  it("the same headers on error answers and static files; HSTS only in production", async () => {
    for (const pathname of ["/bestaat-niet", "/favicon.svg"]) {
      const response = await fetch(`${production.url}${pathname}`);
      expect(response.headers.get("content-security-policy"), pathname).toContain("frame-ancestors 'none'");
      expect(response.headers.get("permissions-policy"), pathname).toContain("camera=()");
    }
    const notProduction = await serve({ production: false });
    try {
      const response = await fetch(`${notProduction.url}/inloggen`);
      expect(response.headers.get("strict-transport-security")).toBeNull();
      expect(response.headers.get("content-security-policy")).not.toContain("unsafe-inline");
    } finally {
      await notProduction.close();
    }
  });
});

describe("request bodies", () => {
  const form = "application/x-www-form-urlencoded";
  const pageText = (body: string) => body.replace(/<[^>]+>/g, " ");

  it("a form post over 1 MB is a 413 with a short Dutch page, also when the body is really sent", async () => {
    const declared = await headOnly(production, "/inloggen", {
      "Content-Type": form,
      "Content-Length": String(MAX_FORM_BYTES + 1),
    });
    expect(declared.status).toBe(413);
    expect(declared.headers["content-type"]).toMatch(/^text\/html/);
    expect(pageText(declared.body)).toContain("groter dan 1 MB");

    const sent = await fetch(`${production.url}/wachtwoord-vergeten`, {
      method: "POST",
      headers: { "Content-Type": form },
      body: `email=${"a".repeat(MAX_FORM_BYTES)}`,
    });
    expect(sent.status).toBe(413);
    expect(await sent.text()).toContain('<html lang="nl">');
  });

  it("an upload may be 11 MB, on the upload route only; more is a 413", async () => {
    const multipart = "multipart/form-data; boundary=----grens";
    const upload = "/opdrachten/00000000-0000-4000-8000-000000000000";
    const tooLarge = await headOnly(production, upload, {
      "Content-Type": multipart,
      "Content-Length": String(MAX_UPLOAD_BYTES + 1),
    });
    expect(tooLarge.status).toBe(413);
    expect(pageText(tooLarge.body)).toContain("Een bijlage mag hoogstens 10 MB zijn.");
    // The same body elsewhere: the form limit.
    const elsewhere = await headOnly(production, "/journaal/schrijven", {
      "Content-Type": multipart,
      "Content-Length": String(2 * 1024 * 1024),
    });
    expect(elsewhere.status).toBe(413);
    // Within the bound the upload route gets the request (here: not signed in, so to the login page).
    const within = await fetch(`${production.url}${upload}`, {
      method: "POST",
      body: (() => {
        const data = new FormData();
        data.set("file", new File([new Uint8Array(3 * 1024 * 1024)], "groot.pdf"));
        return data;
      })(),
      redirect: "manual",
    });
    expect(within.status).toBe(302);
    expect(within.headers.get("location")).toMatch(/^\/inloggen/);
    // The body was not read (the redirect came first); the kept-alive connection still answers the next request.
    const next = await fetch(`${production.url}/inloggen`, { signal: AbortSignal.timeout(3_000) });
    expect(next.status).toBe(200);
  });

  it("a body that is no readable form: multipart without boundary 400, another content type 415, unknown length 411", async () => {
    const noBoundary = await fetch(`${production.url}/inloggen`, {
      method: "POST",
      headers: { "Content-Type": "multipart/form-data" },
      body: '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\na@b.nl\r\n--x--\r\n',
    });
    expect(noBoundary.status).toBe(400);
    expect(pageText(await noBoundary.text())).toContain("Dit formulier kon niet worden gelezen");

    for (const type of ["application/json", "text/plain", "application/xml"]) {
      const other = await fetch(`${production.url}/inloggen`, {
        method: "POST",
        headers: { "Content-Type": type },
        body: '{"email":"a@b.nl"}',
      });
      expect(other.status, type).toBe(415);
    }
    const untyped = await fetch(`${production.url}/inloggen`, { method: "POST", body: new Uint8Array([1, 2, 3]) });
    expect(untyped.status).toBe(415);

    const chunked = await headOnly(production, "/inloggen", { "Content-Type": form, "Transfer-Encoding": "chunked" });
    expect(chunked.status).toBe(411);
    expect(pageText(chunked.body)).toContain("Dit verzoek gaf niet aan hoe groot het is");
  });

  it("odd but bounded url-encoded forms get the form's own Dutch answer, never a 5xx", async () => {
    for (const body of ["%", "email=%E0%A4%A&password=%ZZ", "=&&==", "\u0000\u0001", "email=a@b.nl&email=c@d.nl"]) {
      const response = await fetch(`${production.url}/inloggen`, {
        method: "POST",
        headers: { "Content-Type": form },
        body,
      });
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
  });
});

describe("the client address of the rate limits (TRUST_PROXY)", () => {
  beforeEach(async () => {
    await prisma.rateLimitCounter.deleteMany();
  });

  const failedLogin = (served: Served, forwardedFor: string) =>
    fetch(`${served.url}/inloggen`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": forwardedFor },
      body: "email=iemand%40voorbeeld.test&password=fout",
    });

  it("by default (0 hops) X-Forwarded-For is ignored: a client cannot choose a fresh address per attempt", async () => {
    const served = await serve({ loginLimit: 2 });
    try {
      expect((await failedLogin(served, "10.0.0.1")).status).toBe(400);
      expect((await failedLogin(served, "10.0.0.2")).status).toBe(400);
      expect((await failedLogin(served, "10.0.0.3")).status).toBe(429);
      expect((await prisma.rateLimitCounter.findMany()).map((counter) => counter.key)).toEqual(["ip:login:127.0.0.1"]);
    } finally {
      await served.close();
    }
  });

  it("with 1 hop the address the proxy appended counts, not what the client put in front of it", async () => {
    const served = await serve({ loginLimit: 2, trustProxyHops: 1 });
    try {
      expect((await failedLogin(served, "10.0.0.1, 203.0.113.7")).status).toBe(400);
      expect((await failedLogin(served, "10.0.0.2, 203.0.113.7")).status).toBe(400);
      expect((await failedLogin(served, "10.0.0.3, 203.0.113.7")).status).toBe(429);
      // Another client behind the same proxy has its own count.
      expect((await failedLogin(served, "198.51.100.9")).status).toBe(400);
      expect((await prisma.rateLimitCounter.findMany({ orderBy: { key: "asc" } })).map((c) => c.key)).toEqual([
        "ip:login:198.51.100.9",
        "ip:login:203.0.113.7",
      ]);
    } finally {
      await served.close();
    }
  });
});
