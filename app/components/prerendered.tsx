// Parts of a page that are the same for everyone who sees it (a lesson's breadcrumbs, table of contents, pager
// and sources), rendered to HTML once on the server instead of on every request (issue 18). The part is a
// React element kept per page data (the same object on every request), its HTML is kept beside it
// (prerender, app/components/prerendered.server.ts), and <Prerendered> puts that HTML in its element. In the
// browser <Prerendered> renders the part itself, which hydrates the same HTML (links, text separators and
// all: the HTML is React's own render of that part). Without kept HTML it renders the part, on the server too.
import * as React from "react";
import type { ReactElement } from "react";

/** Server only: the HTML of each prerendered part, by its element. */
export const prerenderedHtml = new WeakMap<ReactElement, string>();

type Props = React.HTMLAttributes<HTMLElement> & {
  /** The element around the part. */
  as: "nav" | "section" | "div";
  /** The part: an element kept per page data, so the same object on every request. */
  children: ReactElement;
};

export function Prerendered({ as, children, ...attributes }: Props) {
  const html = prerenderedHtml.get(children);
  if (html === undefined) return React.createElement(as, attributes, children);
  return React.createElement(as, { ...attributes, dangerouslySetInnerHTML: { __html: html } });
}
