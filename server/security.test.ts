import type { NextFunction, Request, Response } from "express";
import { describe, expect, it, vi } from "vitest";
import { sameOriginOnly } from "./security.ts";

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
