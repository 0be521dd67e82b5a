// Flash messages after a mutation: set on the redirect, read (and cleared) by the root loader.
import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { z } from "zod";
import { getEnv } from "./env.server.ts";

export const toastSchema = z.object({
  type: z.enum(["success", "error", "info"]).default("success"),
  title: z.string(),
  description: z.string().optional(),
});
export type Toast = z.infer<typeof toastSchema>;

type ToastFlash = { toast: Toast };
let storage: ReturnType<typeof createCookieSessionStorage<Record<string, never>, ToastFlash>> | undefined;
function toastStorage() {
  const env = getEnv();
  storage ??= createCookieSessionStorage<Record<string, never>, ToastFlash>({
    cookie: {
      name: "ln_toast",
      httpOnly: true,
      path: "/",
      sameSite: "lax",
      secure: env.COOKIE_SECURE,
      secrets: [env.SESSION_SECRET],
    },
  });
  return storage;
}

export async function createToastHeader(toast: z.input<typeof toastSchema>): Promise<string> {
  const session = await toastStorage().getSession();
  session.flash("toast", toastSchema.parse(toast));
  return toastStorage().commitSession(session);
}

export async function redirectWithToast(url: string, toast: z.input<typeof toastSchema>, init: ResponseInit = {}) {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await createToastHeader(toast));
  return redirect(url, { ...init, headers });
}

export async function getToast(request: Request): Promise<{ toast: Toast | null; setCookie: string | null }> {
  const cookie = request.headers.get("Cookie");
  // Nearly every request has no toast: skip parsing and verifying the signed cookie then.
  if (!cookie?.includes("ln_toast=")) return { toast: null, setCookie: null };
  const session = await toastStorage().getSession(cookie);
  const parsed = toastSchema.safeParse(session.get("toast"));
  if (!parsed.success) return { toast: null, setCookie: null };
  return { toast: parsed.data, setCookie: await toastStorage().destroySession(session) };
}
