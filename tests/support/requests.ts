// Helpers for calling loaders, actions and the session layer directly in tests: one place for what the
// route tests need (a request as a logged-in user, the arguments Remix passes, and the status and data of
// what a loader or action answers).
import { createUserSession } from "~/auth/session.server.ts";

/** "ln_session=abc; Path=/; ..." → "ln_session=abc" */
export function cookiePair(setCookie: string): string {
  return setCookie.split(";")[0]!;
}

export function requestWithCookie(cookie: string | null, url = "http://localhost/", init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (cookie) headers.set("Cookie", cookie);
  return new Request(url, { ...init, headers });
}

/** A request from a user with a fresh session, as the browser would send it after logging in. */
export async function requestAs(userId: string, url = "http://localhost/", init: RequestInit = {}) {
  return requestWithCookie(cookiePair(await createUserSession(requestWithCookie(null), userId)), url, init);
}

/** A form post (application/x-www-form-urlencoded), to pass as `init` of requestAs. */
export function form(entries: Record<string, string> | [string, string][]): RequestInit {
  return { method: "POST", body: new URLSearchParams(entries) };
}

/** A file upload (multipart/form-data) in the field "file", to pass as `init` of requestAs. */
export function upload(name: string, bytes: Uint8Array): RequestInit {
  const body = new FormData();
  body.set("file", new File([Buffer.from(bytes)], name));
  return { method: "POST", body };
}

/** The arguments Remix passes to a loader or action. */
export function args(request: Request, params: Record<string, string> = {}) {
  return { request, params, context: { cspNonce: "test" } };
}

/** The status of what a loader or action returned: a Response, `data(…, { status })`, or plain data (200). */
export function statusOf(result: unknown): number {
  if (result instanceof Response) return result.status;
  return (result as { init?: { status?: number } }).init?.status ?? 200;
}

/** The data of what a loader or action returned with `data(…)`. */
export function dataOf<T>(result: unknown): T {
  return (result as { data: T }).data;
}

/** Runs a guard or loader and returns the Response it threw (or null when it did not throw). */
export async function thrownResponse(run: () => Promise<unknown>): Promise<Response | null> {
  try {
    await run();
    return null;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}

/** The status a loader or action answers with, whether it threw (403/404), returned a redirect or data. */
export async function statusOfCall(run: () => Promise<unknown>): Promise<number> {
  let result: unknown;
  const thrown = await thrownResponse(async () => {
    result = await run();
  });
  return thrown ? thrown.status : statusOf(result);
}
