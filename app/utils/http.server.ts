// Small helpers for responses that stop a loader or action.

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

export function forbidden(message = "Geen toegang"): Response {
  return new Response(message, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** Only allow redirects to paths on this site (no open redirects). */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) {
    return fallback;
  }
  return to;
}

/**
 * A query parameter used as text (a search, a label): at most `max` characters, NUL characters removed —
 * PostgreSQL cannot take them, and a link with `%00` must not give a 500.
 */
export function queryText(url: URL, name: string, max = 200): string {
  return (url.searchParams.get(name) ?? "").replaceAll("\u0000", "").slice(0, max);
}
