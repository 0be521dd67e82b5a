// Calling one loader or action the way Remix does (one request memory per request, a real Request with
// the actor's cookie) and naming what came back, for the authorization matrix and the malformed-input run.
import { runWithRequestMemory } from "~/utils/request-context.server.ts";
import { formRecorder, paramsOf } from "./form-recorder.ts";
import type { AppRoute } from "./route-list.ts";

/** What a loader or action answered, as the matrix names it. */
export type Outcome =
  | 200 // a page or file (2xx)
  | "form" // an action: got past its guards to its form (parseForm)
  | "redirect" // a 3xx somewhere else than the sign-in page
  | "signin" // a 3xx to /inloggen
  | 400
  | 403
  | 404
  | 410;

export type Answer = { status: number; location: string | null; error?: unknown };

/** Runs a loader or action; a thrown Response (a guard's 403/404, a redirect) is its answer too. */
export async function answerOf(run: () => unknown): Promise<Answer> {
  let result: unknown;
  try {
    result = await runWithRequestMemory(run);
  } catch (error) {
    if (error instanceof Response) result = error;
    else return { status: 500, location: null, error };
  }
  if (result instanceof Response) {
    return { status: result.status, location: result.headers.get("Location") };
  }
  const init = (result as { init?: { status?: number; headers?: HeadersInit } } | null)?.init;
  if (init) {
    const headers = new Headers(init.headers);
    return { status: init.status ?? 200, location: headers.get("Location") };
  }
  return { status: 200, location: null };
}

export function outcomeOf(answer: Answer, reachedForm = false): Outcome | `unexpected ${number}` {
  if (answer.status >= 500) return `unexpected ${answer.status}`;
  if (reachedForm) return "form";
  if (answer.status >= 300 && answer.status < 400) {
    return answer.location?.startsWith("/inloggen") ? "signin" : "redirect";
  }
  if (answer.status >= 200 && answer.status < 300) return 200;
  if ([400, 403, 404, 410].includes(answer.status)) return answer.status as Outcome;
  return `unexpected ${answer.status}`;
}

export function requestFor(url: string, cookie: string | null, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (cookie) headers.set("Cookie", cookie);
  return new Request(url, { ...init, headers });
}

export function callLoader(route: AppRoute, url: string, cookie: string | null) {
  const request = requestFor(url, cookie);
  return answerOf(() => route.module.loader!({ request, params: paramsOf(route, url), context: { cspNonce: "test" } }));
}

/** Posts to an action; `reachedForm` tells whether it got as far as parseForm. */
export async function callAction(route: AppRoute, url: string, cookie: string | null, init: RequestInit) {
  const request = requestFor(url, cookie, { method: "POST", ...init });
  formRecorder.take();
  const answer = await answerOf(() =>
    route.module.action!({ request, params: paramsOf(route, url), context: { cspNonce: "test" } }),
  );
  return { answer, reachedForm: formRecorder.take().length > 0 };
}
