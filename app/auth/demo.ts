// The demo's published password (README, "Demo logins"). Anyone can read it, so outside the demo it must
// never open an account: a production database that got demo data by accident stays closed.
export const DEMO_PASSWORD = "Leernetwerk-demo-2027";

type DemoSettings = { NODE_ENV: string; DEMO_MODE: boolean };

/** True when this password may not be used to sign in here: the demo password in production without DEMO_MODE. */
export function demoPasswordRefused(password: string, env: DemoSettings): boolean {
  return env.NODE_ENV === "production" && !env.DEMO_MODE && password === DEMO_PASSWORD;
}

/**
 * Why the demo seed may not run with these settings (null when it may): in production only with
 * DEMO_MODE=true, so demo people and the published password never land in a real database by accident.
 */
export function demoSeedRefusal(source: Record<string, string | undefined>): string | null {
  if (source.NODE_ENV !== "production") return null;
  if (["true", "1", "yes"].includes(source.DEMO_MODE ?? "")) return null;
  return "De demogegevens worden niet in een productiedatabase gezet (NODE_ENV=production). Wil je echt de demo? Zet dan DEMO_MODE=true. / Refusing to seed demo data with NODE_ENV=production; set DEMO_MODE=true if you really want the demo.";
}
