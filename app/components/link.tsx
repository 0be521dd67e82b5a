// Remix's Link, with a shorter way through the server's render (issue 18). On the server a Link to a path of
// this site ("/leren/…", with or without a search and a hash) renders an <a> and nothing else: its hooks
// (three resolutions of the path against the route matches, the click handler, the prefetch state) have no
// effect there, and on a page with a few dozen links they cost a good part of the render. The HTML is the one
// Remix's Link renders (the same attributes in the same order: the props, `data-discover`, `href`), and in the
// browser this is Remix's Link itself, which hydrates that HTML and navigates as always. Any other link (a
// relative or external `to`, an object, a Link with its own navigation props or prefetching) is Remix's Link
// on the server too.
import { Link as RemixLink, type LinkProps } from "@remix-run/react";
import * as React from "react";

const onServer = typeof document === "undefined";

/** Props that change what Remix's Link renders or does: with any of them, it renders itself. */
const OWN_PROPS = new Set([
  "prefetch",
  "discover",
  "reloadDocument",
  "replace",
  "state",
  "preventScrollReset",
  "relative",
  "viewTransition",
  "unstable_viewTransition",
  "target",
  "onClick",
]);

const PLAIN_PATH = /^(\/[\w\-.~%!$&'()*+,;=:@]+)*\/?$/;
const DOT_SEGMENT = /\/\.\.?(\/|$)/;

/**
 * The href React Router renders for a path of this site (the app has no basename: it is served at "/"):
 * parsePath then createPath, which drop an empty search ("?") or hash ("#"). Null for anything else.
 */
export function sitePathHref(to: unknown): string | null {
  if (typeof to !== "string" || to[0] !== "/") return null;
  let pathname = to;
  let hash = "";
  let search = "";
  const hashAt = pathname.indexOf("#");
  if (hashAt >= 0) {
    hash = pathname.slice(hashAt);
    pathname = pathname.slice(0, hashAt);
  }
  const searchAt = pathname.indexOf("?");
  if (searchAt >= 0) {
    search = pathname.slice(searchAt);
    pathname = pathname.slice(0, searchAt);
  }
  // Segments of letters, digits and the like only: React Router resolves "." and ".." (and a "//" start is
  // another site); such a path is left to Remix's Link.
  if (!PLAIN_PATH.test(pathname) || DOT_SEGMENT.test(pathname)) return null;
  return pathname + (search === "?" ? "" : search) + (hash === "#" ? "" : hash);
}

export const Link = React.forwardRef<HTMLAnchorElement, LinkProps>(function Link(props, ref) {
  const href = onServer ? sitePathHref(props.to) : null;
  if (href === null) return <RemixLink {...props} ref={ref} />;
  // The attributes in one pass, without an object rest and spread: those cost about 2.5 µs per link, a few
  // dozen on a page (measured with renderToString, issue 18).
  const attributes: Record<string, unknown> = {};
  for (const name in props) {
    if (OWN_PROPS.has(name)) return <RemixLink {...props} ref={ref} />;
    if (name !== "to") attributes[name] = props[name as keyof LinkProps];
  }
  attributes["data-discover"] = "true";
  attributes.href = href;
  return React.createElement("a", attributes);
});
