// Small helpers for responses that stop a loader or action.
import { getEnv } from "./env.server.ts";

/** Throws a Response (404 by default) when the value is missing: keeps "not found" to one line. */
export function invariantResponse<T>(
  value: T,
  message = "Niet gevonden",
  init: ResponseInit = { status: 404 },
): asserts value is NonNullable<T> {
  if (value === null || value === undefined || value === false) {
    throw new Response(message, { ...init, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}

export function notFound(message = "Niet gevonden"): Response {
  return new Response(message, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** 409: the request is fine, but the thing it would change cannot change any more (e.g. an archived cohort). */
export function conflict(message: string): Response {
  return new Response(message, { status: 409, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export function forbidden(message = "Geen toegang"): Response {
  return new Response(message, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/**
 * Where to send someone after e.g. signing in, from a target that came with the request: only a page on this
 * site. The target is resolved as a URL against the site's own origin (APP_URL) and accepted only when it
 * stays there; the answer is its path, query and fragment (percent-encoded, so always a valid header).
 * Anything else — control characters, `//evil.example`, `/\evil.example`, `javascript:`, another site's
 * URL, something unparsable — gives the fallback, never an error.
 */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || to === "" || to.length > 2048) return fallback;
  // The URL parser silently drops tabs and newlines ("/\t/evil" would become "//evil"): refuse them all.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused here
  if (/[\u0000-\u001f\u007f-\u009f]/.test(to)) return fallback;
  const site = new URL(getEnv().APP_URL);
  let url: URL;
  try {
    url = new URL(to, site);
  } catch {
    return fallback;
  }
  if (url.origin !== site.origin) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * A query parameter used as text (a search, a label): at most `max` characters, NUL characters removed —
 * PostgreSQL cannot take them, and a link with `%00` must not give a 500.
 */
export function queryText(url: URL, name: string, max = 200): string {
  return (url.searchParams.get(name) ?? "").replaceAll("\u0000", "").slice(0, max);
}

/**
 * True when the request is a browser's navigation to a page (typed, a link or a form without JavaScript): its
 * answer is a whole HTML document that the browser then hydrates. Remix cannot tell a loader this: with
 * single fetch, the data of a client-side navigation or revalidation is asked as `<path>.data` (or
 * `_root.data`), and Remix strips `.data` and `?_routes` before the loader sees the request, so its URL is the
 * page's own. The browser says it instead: a navigation comes with `Sec-Fetch-Mode: navigate`, which a script
 * cannot set, and Remix's data requests are `fetch()` calls (mode `cors`, accepting any type). Without Fetch
 * Metadata (older browsers) a navigation still asks for `text/html`. Anything else (other clients, a test's
 * Request) counts as not a navigation, so the answer holds everything.
 */
export function isDocumentNavigation(request: Request): boolean {
  const mode = request.headers.get("sec-fetch-mode");
  if (mode !== null) return mode === "navigate";
  return (request.headers.get("accept") ?? "").includes("text/html");
}
