import { useLocation, useNavigate } from "@remix-run/react";
import type { AnchorHTMLAttributes, MouseEvent } from "react";

/**
 * A link to a fixed path of this app (`/kennisbank`), for the links that every page renders (the header's
 * menu and inbox, the footer). It renders the same HTML as Remix's <Link> and does what it does on a click:
 * a plain left click navigates in the app (a replace when the page is already that path, as a browser does),
 * any other click (a modifier key, another button) is left to the browser. What it leaves out is what such a
 * link does not need: resolving the path against the current route (the path is absolute already) and
 * prefetching (off): on the server Remix's <Link> resolved its path three times and encoded it as a URL,
 * about 1 % of an otherwise empty page's CPU for each handful of links (issue 18).
 */
export function StaticLink({
  to,
  onClick,
  ...props
}: { to: `/${string}` } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href">) {
  const navigate = useNavigate();
  const location = useLocation();
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    if (event.defaultPrevented) return;
    if (event.button !== 0 || (props.target && props.target !== "_self")) return;
    if (event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    const replace = location.pathname + location.search + location.hash === to;
    navigate(to, { replace });
  }
  return <a {...props} data-discover="true" href={to} onClick={handleClick} />;
}
