// Cache headers for the public knowledge base (issue 16). Everything else is `no-store` (entry.server.tsx):
// pages carry personal data. A public page seen by a signed-out visitor holds nothing personal and is the
// same for every such visitor, so browsers and shared caches may keep it briefly. A signed-in visitor's copy
// (with their menu) is never stored, and a response that sets a cookie (a toast, an ended session) is not
// stored either. `Vary: Cookie` keeps a shared cache from handing the signed-out copy to someone signed in.
import type { HeadersFunction } from "@remix-run/node";

/** Seconds a signed-out copy may be reused; the server's in-memory list lives as long (knowledge-public). */
export const PUBLIC_MAX_AGE = 60;

/** The loader's headers: public for a signed-out visitor, never stored for someone signed in. */
export function publicPageHeaders(signedIn: boolean): HeadersInit {
  return signedIn
    ? { "Cache-Control": "private, no-store", Vary: "Cookie" }
    : {
        "Cache-Control": `public, max-age=${PUBLIC_MAX_AGE}, stale-while-revalidate=${PUBLIC_MAX_AGE * 5}`,
        Vary: "Cookie",
      };
}

/** The route's `headers`: the loader's cache headers, unless the response sets a cookie. */
export const publicHeaders: HeadersFunction = ({ loaderHeaders, parentHeaders }): HeadersInit => {
  const cacheControl = loaderHeaders.get("Cache-Control");
  if (!cacheControl || parentHeaders.has("Set-Cookie") || loaderHeaders.has("Set-Cookie")) {
    return { "Cache-Control": "no-store" };
  }
  return { "Cache-Control": cacheControl, Vary: "Cookie" };
};
