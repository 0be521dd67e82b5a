// The environment, parsed once at boot with clear messages (Dutch first, then English).
// Only the values in `publicEnv` may ever reach the browser.
import { z } from "zod";

const booleanish = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce
      .number({ invalid_type_error: "PORT moet een getal zijn / PORT must be a number" })
      .int()
      .min(1)
      .max(65535)
      .default(3000),
    HOST: z.string().min(1).default("127.0.0.1"),
    APP_URL: z
      .string()
      .url("APP_URL moet een volledige URL zijn, bv. https://leernetwerk.nl / APP_URL must be a full URL")
      .optional(),
    DATABASE_URL: z
      .string()
      .regex(
        /^postgres(ql)?:\/\//,
        "DATABASE_URL moet beginnen met postgresql:// / DATABASE_URL must start with postgresql://",
      )
      .optional(),
    PGLITE_DATA_DIR: z.string().min(1).default("data/pglite"),
    SESSION_SECRET: z
      .string()
      .min(32, "SESSION_SECRET moet minstens 32 tekens hebben / SESSION_SECRET needs at least 32 characters")
      .optional(),
    COOKIE_SECURE: booleanish.optional(),
    RESEND_API_KEY: z.string().min(1).optional(),
    RESEND_BASE_URL: z.string().url("RESEND_BASE_URL moet een URL zijn / must be a URL").optional(),
    EMAIL_FROM: z.string().min(3).default("Leernetwerk <noreply@leernetwerk.nl>"),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, "REDIS_URL moet beginnen met redis:// / REDIS_URL must start with redis://")
      .optional(),
    LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.SESSION_SECRET) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["SESSION_SECRET"],
        message:
          "SESSION_SECRET is verplicht in productie (npm run demo maakt er een aan in .env) / SESSION_SECRET is required in production",
      });
    }
  });

export type Env = z.infer<typeof schema> & { APP_URL: string; COOKIE_SECURE: boolean; SESSION_SECRET: string };

export class EnvError extends Error {
  override name = "EnvError";
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Treat empty strings as unset, as most .env tooling does.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new EnvError(
      `Ongeldige omgevingsvariabelen / invalid environment variables:\n${lines.join("\n")}`,
    );
  }
  const env = result.data;
  const appUrl = (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
  return {
    ...env,
    APP_URL: appUrl,
    COOKIE_SECURE: env.COOKIE_SECURE ?? appUrl.startsWith("https://"),
    // Only reachable outside production (checked above): a fixed development secret.
    SESSION_SECRET: env.SESSION_SECRET ?? "development-secret-not-for-production-use-0000",
  };
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For tests that change process.env: parse again on the next getEnv(). */
export function clearEnvCache() {
  cached = undefined;
}

/** Values that may be sent to the browser. Keep this list short and explicit. */
export function publicEnv() {
  return { MODE: getEnv().NODE_ENV };
}
