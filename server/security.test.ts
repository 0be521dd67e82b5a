import type { NextFunction, Request, Response } from "express";
import { describe, expect, it, vi } from "vitest";
import { cspNonce, helmetHeaders, PERMISSIONS_POLICY, sameOriginOnly, securityHeaders } from "./security.ts";

function run(method: string, headers: Record<string, string>) {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const req = { method, get: (name: string) => lower[name.toLowerCase()] } as unknown as Request;
  const res = { status: vi.fn().mockReturnThis(), type: vi.fn().mockReturnThis(), send: vi.fn().mockReturnThis() };
  const next = vi.fn() as NextFunction;
  sameOriginOnly(req, res as unknown as Response, next);
  return { passed: vi.mocked(next).mock.calls.length === 1, status: res.status.mock.calls[0]?.[0] };
}

describe("sameOriginOnly (CSRF)", () => {
  it("lets reads through", () => {
    expect(run("GET", { origin: "https://evil.example", host: "leernetwerk.nl" }).passed).toBe(true);
  });
  it("accepts a post from the same origin", () => {
    expect(run("POST", { origin: "https://leernetwerk.nl", host: "leernetwerk.nl" }).passed).toBe(true);
  });
  it("refuses a post from another site", () => {
    expect(run("POST", { origin: "https://evil.example", host: "leernetwerk.nl" })).toEqual({
      passed: false,
      status: 403,
    });
  });
  it("refuses a cross-site post without Origin", () => {
    expect(run("POST", { "sec-fetch-site": "cross-site", host: "leernetwerk.nl" })).toEqual({
      passed: false,
      status: 403,
    });
  });
  it("accepts a post without Origin from a non-browser client", () => {
    expect(run("POST", { host: "leernetwerk.nl" }).passed).toBe(true);
  });
});

describe("securityHeaders", () => {
  /** The header operations a middleware performs on a response with this nonce, in order. */
  function operations(middleware: (req: Request, res: Response, next: NextFunction) => void, nonce: string) {
    const done: string[] = [];
    const res = {
      locals: { cspNonce: nonce },
      setHeader: (name: string, value: string) => done.push(`set ${name}: ${value}`),
      removeHeader: (name: string) => done.push(`remove ${name}`),
    };
    const next = vi.fn();
    middleware({} as Request, res as unknown as Response, next);
    expect(next).toHaveBeenCalledTimes(1);
    return done;
  }

  for (const options of [
    { development: false, production: true },
    { development: false, production: false },
    { development: true, production: false },
  ]) {
    it(`sets what helmet sets, with this response's nonce (${JSON.stringify(options)})`, () => {
      const replay = securityHeaders(options);
      for (const nonce of ["Zm9vYmFyYmF6cXV4MTIzNA==", "a+b/c=="]) {
        expect(operations(replay, nonce)).toEqual([
          `set Permissions-Policy: ${PERMISSIONS_POLICY}`,
          ...operations(helmetHeaders(options), nonce),
        ]);
        expect(operations(replay, nonce).join("\n")).toContain(`script-src 'self' 'nonce-${nonce}'`);
      }
    });
  }
});

describe("cspNonce", () => {
  it("gives every response its own 16 random bytes, also past one pool of them", () => {
    const nonces = Array.from({ length: 1000 }, () => {
      const res = { locals: {} as { cspNonce?: string } };
      cspNonce({} as Request, res as unknown as Response, vi.fn());
      return res.locals.cspNonce!;
    });
    expect(new Set(nonces).size).toBe(nonces.length);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
