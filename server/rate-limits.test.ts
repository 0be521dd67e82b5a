// The public application form sends e-mail to any address typed in it, so its posts are limited per IP.
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimits } from "./security.ts";

let base = "";
let close: () => void = () => {};

beforeAll(async () => {
  const app = express();
  app.use(rateLimits({ loginLimit: 2 }));
  app.all("*", (_req, res) => {
    res.send("ok");
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

describe("rate limit on the public application form", () => {
  it("refuses the third post within 15 minutes, counting the single-fetch .data posts too", async () => {
    const post = (path: string) => fetch(`${base}${path}`, { method: "POST" });
    expect((await post("/aanmelden/leernetwerk-a")).status).toBe(200);
    expect((await post("/aanmelden/leernetwerk-b.data")).status).toBe(200);
    const refused = await post("/aanmelden/leernetwerk-a");
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain("Er zijn te veel aanmeldingen verstuurd vanaf dit adres.");
    // Reading the page is not limited by it.
    expect((await fetch(`${base}/aanmelden/leernetwerk-a`)).status).toBe(200);
  });
});

describe("rate limits on login and password-reset posts", () => {
  it("count the single-fetch .data posts of the login form (failed attempts only)", async () => {
    const app = express();
    app.use(rateLimits({ loginLimit: 2 }));
    app.post("*", (req, res) => {
      res.status(req.query.ok ? 200 : 400).send("x");
    });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const post = (path: string) => fetch(`${url}${path}`, { method: "POST" });
      expect((await post("/inloggen.data")).status).toBe(400);
      expect((await post("/inloggen?ok=1")).status).toBe(200);
      expect((await post("/inloggen")).status).toBe(400);
      expect((await post("/inloggen.data")).status).toBe(429);
      expect((await post("/wachtwoord-vergeten.data")).status).toBe(400);
      expect((await post("/wachtwoord-vergeten.data")).status).toBe(400);
      expect((await post("/wachtwoord-vergeten.data")).status).toBe(429);
    } finally {
      server.close();
    }
  });
});

describe("rate limit on the sign-in code (two-factor)", () => {
  it("counts wrong codes on /inloggen/code together with failed logins", async () => {
    const app = express();
    app.use(rateLimits({ loginLimit: 2 }));
    app.post("*", (_req, res) => {
      res.status(400).send("x");
    });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const post = (path: string) => fetch(`${url}${path}`, { method: "POST" });
      expect((await post("/inloggen")).status).toBe(400);
      expect((await post("/inloggen/code.data")).status).toBe(400);
      expect((await post("/inloggen/code")).status).toBe(429);
    } finally {
      server.close();
    }
  });
});
