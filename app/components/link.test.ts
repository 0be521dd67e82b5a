// The server's shorter Link (app/components/link.tsx) renders the HTML of Remix's Link, for every kind of `to`
// and props the app uses, so that the browser's Remix Link hydrates it unchanged.
import { Link as RemixLink } from "@remix-run/react";
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { Link, sitePathHref } from "./link.tsx";

type Props = Parameters<typeof RemixLink>[0];

/** The HTML of `component` with these props, rendered as the server renders a page, at a nested path. */
async function html(component: typeof RemixLink, props: Props) {
  const routes = [
    {
      path: "/leernetwerken/:id",
      children: [{ path: "bijeenkomsten", element: React.createElement(component, props) }],
    },
  ];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request("http://localhost/leernetwerken/abc/bijeenkomsten"));
  if (context instanceof Response) throw new Error("unexpected response");
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToStaticMarkup(React.createElement(StaticRouterProvider, { router, context, hydrate: false }));
}

const cases: Props[] = [
  { to: "/", children: "Start" },
  { to: "/leren/de-basis", children: "De basis" },
  { to: "/leernetwerken/abc/mededelingen#nieuwe-mededeling", children: "Schrijven" },
  {
    to: "/journaal/schrijven?reflectie=a%20b&x=1",
    children: ["Schrijf", React.createElement("span", { key: 1 }, " nu")],
  },
  { to: "/a?", children: "empty search" },
  { to: "/a#", children: "empty hash" },
  { to: "/a?#", children: "both empty" },
  { to: "/a/", children: "trailing slash" },
  { to: "/a/../b", children: "dots" },
  { to: "/a/./b", children: "dot" },
  { to: "/a/..", children: "dots at the end" },
  { to: "/a//b", children: "double slash" },
  { to: "/a/.b/c..d", children: "dots in names" },
  { to: "/caf%C3%A9/x-y_z~1", children: "escaped and marks" },
  { to: "/café", children: "not escaped" },
  { to: "/a b", children: "space" },
  { to: "/a", className: "button button-secondary", rel: "prev", "aria-current": "page", children: "props" },
  { to: "/a", id: "x", title: "titel", children: "id and title" },
  // Remix's Link renders these itself.
  { to: "bijeenkomsten/nieuw", children: "relative" },
  { to: "../voortgang", children: "up" },
  { to: "//example.org/a", children: "protocol-relative" },
  { to: "https://example.org/a", children: "external" },
  { to: { pathname: "/a", search: "?b=1" }, children: "object" },
  { to: "/a", reloadDocument: true, children: "reload" },
  { to: "/a", target: "_blank", children: "target" },
  { to: "/a", prefetch: "intent", children: "prefetch" },
  { to: "/a", replace: true, preventScrollReset: true, children: "navigation props" },
];

describe("Link on the server", () => {
  it.each(cases.map((props) => [String(props.children), props] as const))(
    "%s: the HTML of Remix's Link",
    async (_, props) => {
      const expected = await html(RemixLink, props);
      expect(expected).toContain("<a ");
      expect(await html(Link, props)).toBe(expected);
    },
  );

  it("takes the short way only for paths of this site", () => {
    expect(sitePathHref("/a?b=1#c")).toBe("/a?b=1#c");
    expect(sitePathHref("/a?#")).toBe("/a");
    expect(sitePathHref("a")).toBeNull();
    expect(sitePathHref("//example.org")).toBeNull();
    expect(sitePathHref("/\\example.org")).toBeNull();
    expect(sitePathHref("/a/../b")).toBeNull();
    expect(sitePathHref("/leernetwerken/4fc0f2dd-ecba/bijeenkomsten/1?x=1")).toBe(
      "/leernetwerken/4fc0f2dd-ecba/bijeenkomsten/1?x=1",
    );
    expect(sitePathHref({ pathname: "/a" })).toBeNull();
  });
});
