import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env.server.ts";

describe("parseEnv", () => {
  it("fills in the embedded defaults for development", () => {
    const env = parseEnv({});
    expect(env.NODE_ENV).toBe("development");
    expect(env.PORT).toBe(3000);
    expect(env.HOST).toBe("127.0.0.1");
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DATA_DIR).toBe("data/pglite");
    expect(env.COOKIE_SECURE).toBe(false);
    expect(env.SESSION_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it("requires SESSION_SECRET in production, with a message in Dutch and English", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrowError(EnvError);
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrowError(
      /SESSION_SECRET is verplicht.*required in production/,
    );
  });

  it("refuses production without a mail provider unless the outbox is chosen explicitly", () => {
    const base = { NODE_ENV: "production", SESSION_SECRET: "x".repeat(40) };
    expect(() => parseEnv(base)).toThrowError(/RESEND_API_KEY is verplicht in productie.*EMAIL_OUTBOX_ONLY=true/);
    expect(() => parseEnv({ ...base, EMAIL_OUTBOX_ONLY: "false" })).toThrowError(EnvError);
    expect(parseEnv({ ...base, EMAIL_OUTBOX_ONLY: "true" }).EMAIL_OUTBOX_ONLY).toBe(true);
    expect(parseEnv({ ...base, RESEND_API_KEY: "re_live" }).RESEND_API_KEY).toBe("re_live");
    // Outside production the outbox stays the default.
    expect(() => parseEnv({})).not.toThrow();
  });

  it("always sets the Secure cookie flag in production, even on http or when told otherwise", () => {
    const env = parseEnv({
      NODE_ENV: "production",
      SESSION_SECRET: "x".repeat(40),
      EMAIL_OUTBOX_ONLY: "true",
      APP_URL: "http://leernetwerk.example.nl",
      COOKIE_SECURE: "false",
    });
    expect(env.COOKIE_SECURE).toBe(true);
    expect(parseEnv({ COOKIE_SECURE: "false" }).COOKIE_SECURE).toBe(false);
  });

  it("has idle timeouts (30 minutes for staff, 120 for participants) and demo mode off by default", () => {
    expect(parseEnv({})).toMatchObject({
      SESSION_IDLE_MINUTES_STAFF: 30,
      SESSION_IDLE_MINUTES_PARTICIPANT: 120,
      DEMO_MODE: false,
      EMAIL_OUTBOX_ONLY: false,
    });
    expect(() => parseEnv({ SESSION_IDLE_MINUTES_STAFF: "0" })).toThrowError(/SESSION_IDLE_MINUTES_STAFF moet/);
  });

  it("rejects malformed values with a clear message per variable", () => {
    let error: unknown;
    try {
      parseEnv({ PORT: "abc", DATABASE_URL: "mysql://x", APP_URL: "not a url", REDIS_URL: "http://x" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT: PORT moet een getal zijn/);
    expect(message).toMatch(/DATABASE_URL: DATABASE_URL moet beginnen met postgresql:\/\//);
    expect(message).toMatch(/APP_URL: APP_URL moet een volledige URL zijn/);
    expect(message).toMatch(/REDIS_URL: REDIS_URL moet beginnen met redis:\/\//);
  });

  it("rejects a short session secret", () => {
    expect(() => parseEnv({ SESSION_SECRET: "kort" })).toThrowError(/minstens 32 tekens/);
  });

  it("uses secure cookies for https and accepts a PostgreSQL URL", () => {
    const env = parseEnv({
      NODE_ENV: "production",
      SESSION_SECRET: "x".repeat(40),
      APP_URL: "https://leernetwerk.example.nl/",
      DATABASE_URL: "postgresql://user:pw@db:5432/leernetwerk",
      PORT: "8080",
      RESEND_API_KEY: "re_test",
    });
    expect(env.COOKIE_SECURE).toBe(true);
    expect(env.APP_URL).toBe("https://leernetwerk.example.nl");
    expect(env.PORT).toBe(8080);
    expect(env.DATABASE_URL).toBe("postgresql://user:pw@db:5432/leernetwerk");
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", RESEND_API_KEY: "" }).DATABASE_URL).toBeUndefined();
  });

  it("fills in the defaults of the files, content, pool and job settings", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      DATABASE_POOL_SIZE: 10,
      TRUST_PROXY: 0,
      UPLOAD_DIR: "data/uploads",
      CONTENT_DIR: "content",
      SEEDS_DIR: "../shared/seeds",
      WORKER_CONCURRENCY: 5,
      WORKER_LOCK_MS: 30_000,
      EMAIL_CLAIM_MS: 60_000,
      EMAIL_RETRY_BASE_MS: 30_000,
      OUTBOX_SWEEP_MS: 60_000,
    });
    // Unset: the content cache follows NODE_ENV (library.server.ts).
    expect(env.CONTENT_CACHE).toBeUndefined();
  });

  it("reads the pool size, the job settings, the folders and TRUST_PROXY", () => {
    const env = parseEnv({
      DATABASE_POOL_SIZE: "4",
      WORKER_CONCURRENCY: "10",
      WORKER_LOCK_MS: "2000",
      EMAIL_CLAIM_MS: "3000",
      EMAIL_RETRY_BASE_MS: "500",
      OUTBOX_SWEEP_MS: "1000",
      UPLOAD_DIR: "/srv/uploads",
      CONTENT_DIR: "/srv/content",
      TRUST_PROXY: "2",
    });
    expect(env).toMatchObject({
      DATABASE_POOL_SIZE: 4,
      WORKER_CONCURRENCY: 10,
      WORKER_LOCK_MS: 2000,
      EMAIL_CLAIM_MS: 3000,
      EMAIL_RETRY_BASE_MS: 500,
      OUTBOX_SWEEP_MS: 1000,
      UPLOAD_DIR: "/srv/uploads",
      CONTENT_DIR: "/srv/content",
      TRUST_PROXY: 2,
    });
    expect(parseEnv({ TRUST_PROXY: "false" }).TRUST_PROXY).toBe(0);
    expect(parseEnv({ TRUST_PROXY: "0" }).TRUST_PROXY).toBe(0);
  });

  it("TRUST_PROXY is a number of hops: `true` (trust any X-Forwarded-For) is refused with a clear message", () => {
    for (const value of ["true", "misschien", "-1", "1.5"]) {
      expect(() => parseEnv({ TRUST_PROXY: value }), value).toThrowError(/TRUST_PROXY: TRUST_PROXY moet/);
    }
  });

  it("reads CONTENT_CACHE as on or off", () => {
    expect(parseEnv({ CONTENT_CACHE: "off" }).CONTENT_CACHE).toBe("off");
    expect(parseEnv({ CONTENT_CACHE: "0" }).CONTENT_CACHE).toBe("off");
    expect(parseEnv({ CONTENT_CACHE: "on" }).CONTENT_CACHE).toBe("on");
    expect(parseEnv({ CONTENT_CACHE: "1" }).CONTENT_CACHE).toBe("on");
    expect(() => parseEnv({ CONTENT_CACHE: "sometimes" })).toThrowError(
      /CONTENT_CACHE moet on of off zijn \/ CONTENT_CACHE must be on or off/,
    );
  });

  it("a malformed pool size is a clear error in Dutch and English, never NaN", () => {
    for (const value of ["tien", "2.5", "0", "-3", "10 connections"]) {
      expect(() => parseEnv({ DATABASE_POOL_SIZE: value }), value).toThrowError(EnvError);
      expect(() => parseEnv({ DATABASE_POOL_SIZE: value }), value).toThrowError(
        /DATABASE_POOL_SIZE: DATABASE_POOL_SIZE moet een geheel getal van 1 of meer zijn \/ DATABASE_POOL_SIZE must be a whole number of 1 or more/,
      );
    }
  });

  it("rejects malformed job timings and TRUST_PROXY, naming each variable", () => {
    let error: unknown;
    try {
      parseEnv({
        WORKER_CONCURRENCY: "veel",
        OUTBOX_SWEEP_MS: "0",
        EMAIL_RETRY_BASE_MS: "abc",
        TRUST_PROXY: "misschien",
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as Error).message;
    expect(message).toMatch(/WORKER_CONCURRENCY: WORKER_CONCURRENCY moet een geheel getal/);
    expect(message).toMatch(/OUTBOX_SWEEP_MS: OUTBOX_SWEEP_MS moet een geheel getal/);
    expect(message).toMatch(/EMAIL_RETRY_BASE_MS: EMAIL_RETRY_BASE_MS moet een geheel getal/);
    expect(message).toMatch(/TRUST_PROXY: TRUST_PROXY moet het aantal proxies voor de app zijn/);
    expect(message).not.toMatch(/NaN/);
  });

  it("requires two-factor sign-in of staff in production by default, but not in the demo or development", () => {
    const secret = "x".repeat(32);
    expect(parseEnv({}).STAFF_TWO_FACTOR).toBe("optional");
    expect(parseEnv({ NODE_ENV: "test" }).STAFF_TWO_FACTOR).toBe("optional");
    expect(
      parseEnv({ NODE_ENV: "production", SESSION_SECRET: secret, EMAIL_OUTBOX_ONLY: "true" }).STAFF_TWO_FACTOR,
    ).toBe("required");
    expect(
      parseEnv({ NODE_ENV: "production", SESSION_SECRET: secret, EMAIL_OUTBOX_ONLY: "true", DEMO_MODE: "true" })
        .STAFF_TWO_FACTOR,
    ).toBe("optional");
    expect(
      parseEnv({
        NODE_ENV: "production",
        SESSION_SECRET: secret,
        EMAIL_OUTBOX_ONLY: "true",
        DEMO_MODE: "true",
        STAFF_TWO_FACTOR: "required",
      }).STAFF_TWO_FACTOR,
    ).toBe("required");
    expect(
      parseEnv({
        NODE_ENV: "production",
        SESSION_SECRET: secret,
        EMAIL_OUTBOX_ONLY: "true",
        STAFF_TWO_FACTOR: "optional",
      }).STAFF_TWO_FACTOR,
    ).toBe("optional");
    expect(() => parseEnv({ STAFF_TWO_FACTOR: "ja" })).toThrowError(
      /STAFF_TWO_FACTOR moet required of optional zijn \/ STAFF_TWO_FACTOR must be required or optional/,
    );
  });
});
