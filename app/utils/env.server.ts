// The environment, parsed once at boot with clear messages (Dutch first, then English). This is the one
// place that reads process.env: every other module asks getEnv(). Only the values in `publicEnv` may ever
// reach the browser.
import { z } from "zod";

function booleanish(name: string) {
  return z
    .enum(["true", "false", "1", "0", "yes", "no"], {
      errorMap: () => ({ message: `${name} moet true of false zijn / ${name} must be true or false` }),
    })
    .transform((value) => value === "true" || value === "1" || value === "yes");
}

/** A whole number of at least `min`, with one clear message whatever is wrong with it (never NaN). */
function wholeNumber(name: string, defaultValue: number, min = 1) {
  const message = `${name} moet een geheel getal van ${min} of meer zijn / ${name} must be a whole number of ${min} or more`;
  return z.coerce
    .number({ invalid_type_error: message })
    .finite(message)
    .int(message)
    .min(min, message)
    .default(defaultValue);
}

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
    /** Connections per process to PostgreSQL (the embedded PGlite always gets four, in-process). */
    DATABASE_POOL_SIZE: wholeNumber("DATABASE_POOL_SIZE", 10),
    SESSION_SECRET: z
      .string()
      .min(32, "SESSION_SECRET moet minstens 32 tekens hebben / SESSION_SECRET needs at least 32 characters")
      .optional(),
    COOKIE_SECURE: booleanish("COOKIE_SECURE").optional(),
    RESEND_API_KEY: z.string().min(1).optional(),
    /** Production without a mail provider: only when this says so explicitly (mail then waits in the outbox). */
    EMAIL_OUTBOX_ONLY: booleanish("EMAIL_OUTBOX_ONLY").default("false"),
    /** The demo (`npm run demo`, the e2e run): demo data and the published demo password are allowed. */
    DEMO_MODE: booleanish("DEMO_MODE").default("false"),
    /** Idle timeout of a sign-in session: staff (coordinators, facilitators) and participants. */
    SESSION_IDLE_MINUTES_STAFF: wholeNumber("SESSION_IDLE_MINUTES_STAFF", 30),
    SESSION_IDLE_MINUTES_PARTICIPANT: wholeNumber("SESSION_IDLE_MINUTES_PARTICIPANT", 120),
    RESEND_BASE_URL: z.string().url("RESEND_BASE_URL moet een URL zijn / must be a URL").optional(),
    EMAIL_FROM: z.string().min(3).default("Leernetwerk <noreply@leernetwerk.nl>"),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, "REDIS_URL moet beginnen met redis:// / REDIS_URL must start with redis://")
      .optional(),
    LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
    /**
     * Two-factor sign-in for coordinators and facilitators: "required" or "optional". Default: required in
     * production, optional elsewhere and in the demo (DEMO_MODE=true), so the README's logins keep working.
     */
    STAFF_TWO_FACTOR: z
      .enum(["required", "optional"], {
        errorMap: () => ({
          message: "STAFF_TWO_FACTOR moet required of optional zijn / STAFF_TWO_FACTOR must be required or optional",
        }),
      })
      .optional(),
    /**
     * How many reverse proxies stand in front of the app (0: none, X-Forwarded-For is ignored). The client
     * address is read that many hops back in X-Forwarded-For; "false" still means 0.
     */
    TRUST_PROXY: z
      .string()
      .default("0")
      .transform((value) => (value === "false" ? "0" : value))
      .pipe(
        z.coerce
          .number({
            invalid_type_error:
              "TRUST_PROXY moet het aantal proxies voor de app zijn (0, 1, 2…) / TRUST_PROXY must be the number of proxy hops",
          })
          .int("TRUST_PROXY moet een geheel getal zijn / TRUST_PROXY must be a whole number")
          .min(0, "TRUST_PROXY moet 0 of meer zijn / TRUST_PROXY must be 0 or more")
          .max(10, "TRUST_PROXY: hoogstens 10 proxies / at most 10 hops"),
      ),
    /** pino's level for the JSON logs (server/logging.ts); default info (warn in the demo, silent in tests). */
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
        errorMap: () => ({ message: "LOG_LEVEL moet error, warn, info, debug of silent zijn / invalid LOG_LEVEL" }),
      })
      .optional(),
    /** This process's name in its logs and in the X-Instance response header (e.g. web-1 behind the proxy). */
    INSTANCE_NAME: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,64}$/, "INSTANCE_NAME: letters, cijfers, . _ - / letters, digits, . _ -")
      .optional(),
    /** Where older versions stored attachments on disk; copied into the database at start-up (app/storage/files.server.ts). */
    UPLOAD_DIR: z.string().min(1).default("data/uploads"),
    /** The course content (app/content/library.server.ts); tests may point elsewhere. */
    CONTENT_DIR: z.string().min(1).default("content"),
    /** The seed publications `npm run content:check` compares the content with (no copied passages). */
    SEEDS_DIR: z.string().min(1).default("../shared/seeds"),
    /** "off": parse and transform a lesson again on every request (the benchmark); default: on in production. */
    CONTENT_CACHE: z
      .enum(["on", "off", "1", "0"], {
        errorMap: () => ({ message: "CONTENT_CACHE moet on of off zijn / CONTENT_CACHE must be on or off" }),
      })
      .transform((value) => (value === "on" || value === "1" ? ("on" as const) : ("off" as const)))
      .optional(),
    // Jobs (jobs/README.md): how many a worker runs at once, and timings the fault tests shorten.
    WORKER_CONCURRENCY: wholeNumber("WORKER_CONCURRENCY", 5),
    /** How soon a job of a worker that died goes to another one (Bull's lock). */
    WORKER_LOCK_MS: wholeNumber("WORKER_LOCK_MS", 30_000),
    /** How long a worker's claim on an e-mail lasts. */
    EMAIL_CLAIM_MS: wholeNumber("EMAIL_CLAIM_MS", 60_000),
    /** The first retry delay of an e-mail; it doubles on each further attempt. */
    EMAIL_RETRY_BASE_MS: wholeNumber("EMAIL_RETRY_BASE_MS", 30_000),
    /** How often the outbox sweep runs. */
    OUTBOX_SWEEP_MS: wholeNumber("OUTBOX_SWEEP_MS", 60_000),
    // Retention (app/maintenance/retention.server.ts): months after the clock starts at a cohort's closing
    // until its personal work is deleted, and how many weeks before that the participants are told.
    RETENTION_MONTHS: wholeNumber("RETENTION_MONTHS", 12),
    RETENTION_NOTICE_WEEKS: wholeNumber("RETENTION_NOTICE_WEEKS", 4),
    // The contact on the privacy and accessibility statements: where questions and requests go, and the
    // functionaris gegevensbescherming (FG) of the organisation that runs the platform.
    PRIVACY_CONTACT_EMAIL: z
      .string()
      .trim()
      .email("PRIVACY_CONTACT_EMAIL moet een e-mailadres zijn / must be an e-mail address")
      .default("privacy@leernetwerk.nl"),
    PRIVACY_OFFICER_EMAIL: z
      .string()
      .trim()
      .email("PRIVACY_OFFICER_EMAIL moet een e-mailadres zijn / must be an e-mail address")
      .default("fg@leernetwerk.nl"),
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
    // Without a provider every e-mail (with its reset and invitation links) stays in the outbox, readable on
    // /beheer/e-mail. In production that must be a conscious choice, never a forgotten setting.
    if (env.NODE_ENV === "production" && !env.RESEND_API_KEY && !env.EMAIL_OUTBOX_ONLY) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["RESEND_API_KEY"],
        message:
          "RESEND_API_KEY is verplicht in productie; zet EMAIL_OUTBOX_ONLY=true om e-mail bewust alleen in de outbox te bewaren / RESEND_API_KEY is required in production; set EMAIL_OUTBOX_ONLY=true to keep e-mail in the outbox on purpose",
      });
    }
  });

export type Env = z.infer<typeof schema> & {
  APP_URL: string;
  COOKIE_SECURE: boolean;
  SESSION_SECRET: string;
  STAFF_TWO_FACTOR: "required" | "optional";
};

export class EnvError extends Error {
  override name = "EnvError";
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Treat empty strings as unset, as most .env tooling does.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new EnvError(`Ongeldige omgevingsvariabelen / invalid environment variables:\n${lines.join("\n")}`);
  }
  const env = result.data;
  const appUrl = (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
  return {
    ...env,
    APP_URL: appUrl,
    // Always Secure in production (a TLS-terminating proxy in front is assumed); elsewhere as configured.
    COOKIE_SECURE: env.NODE_ENV === "production" ? true : (env.COOKIE_SECURE ?? appUrl.startsWith("https://")),
    // Only reachable outside production (checked above): a fixed development secret.
    SESSION_SECRET: env.SESSION_SECRET ?? "development-secret-not-for-production-use-0000",
    STAFF_TWO_FACTOR:
      env.STAFF_TWO_FACTOR ?? (env.NODE_ENV === "production" && !env.DEMO_MODE ? "required" : "optional"),
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
