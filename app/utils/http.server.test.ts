import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearEnvCache } from "./env.server.ts";
import { isDocumentNavigation, safeRedirectPath } from "./http.server.ts";

beforeAll(() => {
  process.env.APP_URL = "https://leernetwerk.example";
  clearEnvCache();
});
afterAll(() => {
  delete process.env.APP_URL;
  clearEnvCache();
});

describe("safeRedirectPath", () => {
  it("keeps a page of this site: path, query and fragment", () => {
    expect(safeRedirectPath("/account")).toBe("/account");
    expect(safeRedirectPath("/leren/opstarten?x=1#deel-2")).toBe("/leren/opstarten?x=1#deel-2");
    expect(safeRedirectPath("https://leernetwerk.example/journaal?a=b")).toBe("/journaal?a=b");
    // Dot segments are resolved on the site.
    expect(safeRedirectPath("/a/../journaal")).toBe("/journaal");
  });

  it("percent-encodes what may not stand in a Location header", () => {
    expect(safeRedirectPath("/kennisbank?q=één")).toBe("/kennisbank?q=%C3%A9%C3%A9n");
    expect(safeRedirectPath("/zoek naar")).toBe("/zoek%20naar");
  });

  it("sends everything that leaves the site, or cannot be read, to the fallback", () => {
    for (const target of [
      "//evil.example",
      "//evil.example/inloggen",
      "/\\evil.example",
      "\\\\evil.example",
      "/\\/evil.example",
      "https://evil.example/account",
      "http://leernetwerk.example/account", // another scheme is another origin
      "https://leernetwerk.example.evil.example/",
      "https://leernetwerk.example@evil.example/",
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "http://[::1",
      "",
      "x".repeat(3000),
    ]) {
      expect(safeRedirectPath(target), target).toBe("/");
    }
    expect(safeRedirectPath(null)).toBe("/");
    expect(safeRedirectPath(undefined)).toBe("/");
    expect(safeRedirectPath(new File([], "x"))).toBe("/");
    expect(safeRedirectPath("//evil.example", "/start")).toBe("/start");
  });

  it("refuses control characters (they gave a 500: an invalid Location header) instead of passing them on", () => {
    for (const target of [
      "/account\u0000",
      "/a\u0001b",
      "/account\r\nSet-Cookie: x=1",
      "/\t/evil.example",
      "/\n/evil.example",
      "/account\u007f",
      "/account\u0085",
    ]) {
      expect(safeRedirectPath(target), JSON.stringify(target)).toBe("/");
    }
  });
});

describe("isDocumentNavigation", () => {
  const request = (headers: Record<string, string>) =>
    new Request("https://leernetwerk.example/leren/a/b", { headers });

  it("is a browser's navigation to a page, with or without Fetch Metadata", () => {
    expect(isDocumentNavigation(request({ "sec-fetch-mode": "navigate", accept: "text/html,*/*;q=0.8" }))).toBe(true);
    expect(isDocumentNavigation(request({ accept: "text/html,application/xhtml+xml,*/*;q=0.8" }))).toBe(true);
  });

  it("is not Remix's data request (a script's fetch), another client or a bare Request", () => {
    expect(isDocumentNavigation(request({ "sec-fetch-mode": "cors", accept: "*/*" }))).toBe(false);
    // A script cannot make its fetch look like a navigation: Fetch Metadata wins over Accept.
    expect(isDocumentNavigation(request({ "sec-fetch-mode": "cors", accept: "text/html" }))).toBe(false);
    expect(isDocumentNavigation(request({ accept: "*/*" }))).toBe(false);
    expect(isDocumentNavigation(request({}))).toBe(false);
  });
});
