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
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrowError(/SESSION_SECRET is verplicht.*required in production/);
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
    });
    expect(env.COOKIE_SECURE).toBe(true);
    expect(env.APP_URL).toBe("https://leernetwerk.example.nl");
    expect(env.PORT).toBe(8080);
    expect(env.DATABASE_URL).toBe("postgresql://user:pw@db:5432/leernetwerk");
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", RESEND_API_KEY: "" }).DATABASE_URL).toBeUndefined();
  });
});
