// Helpers for calling loaders, actions and the session layer directly in tests.

/** "ln_session=abc; Path=/; ..." → "ln_session=abc" */
export function cookiePair(setCookie: string): string {
  return setCookie.split(";")[0]!;
}

export function requestWithCookie(cookie: string | null, url = "http://localhost/", init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (cookie) headers.set("Cookie", cookie);
  return new Request(url, { ...init, headers });
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
