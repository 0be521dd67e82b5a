// The cached route matching (server/route-matching.ts) answers exactly as React Router does: the same
// matches (routes, params, pathnames) for every path, also when asked again, and the caching is really
// applied to the router file this install ships (an upgrade that renames its functions fails here).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import {
  CACHING_SOURCE,
  ENTRY_MODULES_SOURCE,
  REQUEST_COPY_SOURCE,
  SERVER_ROUTES_SOURCE,
  withEntryModulesCache,
  withRequestCopyShortcut,
  withRouteMatchingCache,
  withServerRoutesCache,
} from "./route-matching.ts";

const require = createRequire(import.meta.url);
const routerFile = require.resolve("@remix-run/router/dist/router.cjs.js");
const source = readFileSync(routerFile, "utf8");

type Route = { id: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: Route[] };
type Match = { params: Record<string, string>; pathname: string; pathnameBase: string; route: Route };
type Router = {
  matchRoutes: (routes: Route[], location: string | { pathname: string }, basename?: string) => Match[] | null;
  matchPath: (pattern: string, pathname: string) => unknown;
  UNSAFE_convertRoutesToDataRoutes: (
    routes: Route[],
    mapRouteProperties: (route: Route) => object,
    parentPath?: string[],
    manifest?: Record<string, Route>,
  ) => Route[];
  __leernetwerkRouteMatchingCache?: boolean;
};

/** A fresh copy of the router module from `code` (not Node's cached one). */
function load(code: string): Router {
  const module = { exports: {} as Router };
  new Function("exports", "require", "module", code)(module.exports, require, module);
  return module.exports;
}

// Shaped like this app's tree: a root, pathless layouts, index routes, params, a splat, an optional segment.
const tree: Route[] = [
  {
    id: "root",
    path: "",
    children: [
      { id: "index", index: true },
      { id: "logout", path: "uitloggen" },
      { id: "healthz", path: "healthz" },
      {
        id: "account",
        children: [
          { id: "login", path: "inloggen" },
          { id: "code", path: "inloggen/code" },
        ],
      },
      {
        id: "cohorts",
        path: "leernetwerken",
        children: [
          { id: "cohorts-index", index: true },
          {
            id: "cohort",
            path: ":cohortId",
            children: [
              { id: "cohort-index", index: true },
              { id: "scans", path: "zelfscans" },
              { id: "scan-results", path: "zelfscans/:scanId/resultaten" },
              { id: "new", path: "nieuw", caseSensitive: true },
            ],
          },
        ],
      },
      { id: "lesson", path: "leren/:module/:lesson" },
      { id: "module", path: "leren/:module" },
      { id: "lang", path: ":lang?/over" },
      { id: "files", path: "bijlagen/*" },
      { id: "catch-all", path: "*" },
    ],
  },
];

const paths = [
  "/",
  "/uitloggen",
  "/uitloggen/",
  "/UITLOGGEN",
  "/healthz",
  "/inloggen",
  "/inloggen/code",
  "/leernetwerken",
  "/leernetwerken/",
  "/leernetwerken/7f1e-aa",
  "/leernetwerken/7f1e-aa/",
  "/leernetwerken/7f1e-aa/zelfscans",
  "/leernetwerken/7f1e-aa/zelfscans/start/resultaten",
  "/leernetwerken/7f1e-aa/nieuw",
  "/leernetwerken/7f1e-aa/NIEUW",
  "/leren/ontsluiten/werk-bronnen",
  "/leren/ontsluiten",
  "/leren/caf%C3%A9/les%20een",
  "/over",
  "/en/over",
  "/bijlagen/a/b/c",
  "/bestaat/niet",
  "//uitloggen",
  "/leernetwerken//zelfscans",
];

describe("cached route matching", () => {
  it("is applied to the router file of this install", () => {
    const patched = withRouteMatchingCache(source);
    expect(patched).toBe(source + CACHING_SOURCE);
    expect(load(patched).__leernetwerkRouteMatchingCache).toBe(true);
  });

  it("leaves a router file it does not recognise as it is", () => {
    const renamed = source.replace("function compilePath(", "function compilePattern(");
    expect(withRouteMatchingCache(renamed)).toBe(renamed);
  });

  it("matches every path exactly as React Router does, the first time and again", () => {
    const original = load(source);
    const cached = load(withRouteMatchingCache(source));
    for (let round = 0; round < 3; round++) {
      for (const path of paths) {
        for (const location of [path, { pathname: path }]) {
          const expected = original.matchRoutes(tree, location);
          const actual = cached.matchRoutes(tree, location);
          expect(summary(actual), `${path} (round ${round})`).toEqual(summary(expected));
          // Same route objects, and every match of one answer shares one params object, as the original.
          expect(actual?.map((m) => m.route)).toEqual(expected?.map((m) => m.route));
          if (actual && actual.length > 1) expect(actual[0]!.params).toBe(actual.at(-1)!.params);
        }
      }
      for (const path of paths)
        expect(cached.matchRoutes(tree, path, "/app")).toEqual(original.matchRoutes(tree, path, "/app"));
    }
  });

  it("gives every caller its own answer: changing one does not change the next", () => {
    const cached = load(withRouteMatchingCache(source));
    cached.matchRoutes(tree, "/leernetwerken/abc/zelfscans");
    const first = cached.matchRoutes(tree, "/leernetwerken/abc/zelfscans")!;
    first[0]!.params.cohortId = "changed";
    first.pop();
    const second = cached.matchRoutes(tree, "/leernetwerken/abc/zelfscans")!;
    expect(second.at(-1)!.params.cohortId).toBe("abc");
    expect(second.map((m) => m.route.id)).toEqual(["root", "cohorts", "cohort", "scans"]);
  });

  it("a new routes array (as rendering makes per request) is matched afresh", () => {
    const cached = load(withRouteMatchingCache(source));
    const copyOf = (routes: Route[]): Route[] =>
      routes.map((route) => ({ ...route, children: route.children && copyOf(route.children) }));
    const first = copyOf(tree);
    const second = copyOf(tree);
    cached.matchRoutes(first, "/uitloggen");
    expect(cached.matchRoutes(first, "/uitloggen")!.at(-1)!.route).toBe(first[0]!.children![1]);
    expect(cached.matchRoutes(second, "/uitloggen")!.at(-1)!.route).toBe(second[0]!.children![1]);
  });
});

describe("the server route tree and its data routes, kept per build", () => {
  const serverRoutesFile = require.resolve("@remix-run/react/dist/routes.js");
  const serverRoutesSource = readFileSync(serverRoutesFile, "utf8");
  type ServerRoutes = {
    createServerRoutes: (manifest: object, modules: object, future: object, isSpaMode: boolean) => Route[];
  };
  const loadServerRoutes = (code: string): ServerRoutes => {
    const module = { exports: {} as ServerRoutes };
    const local = createRequire(serverRoutesFile);
    new Function("exports", "require", "module", code)(module.exports, local, module);
    return module.exports;
  };
  const manifest = {
    root: { id: "root", path: "", hasLoader: true, module: "root.js" },
    "routes/uitloggen": {
      id: "routes/uitloggen",
      parentId: "root",
      path: "uitloggen",
      hasLoader: true,
      module: "u.js",
    },
  };
  const modules = () => ({ root: { default: () => null }, "routes/uitloggen": { default: () => null } });

  it("is applied to the routes file of this install", () => {
    expect(withServerRoutesCache(serverRoutesSource)).toBe(serverRoutesSource + SERVER_ROUTES_SOURCE);
    const renamed = serverRoutesSource.replace("function createServerRoutes(", "function makeServerRoutes(");
    expect(withServerRoutesCache(renamed)).toBe(renamed);
  });

  it("gives the same tree for the same manifest and modules, a new one when a module changes", () => {
    const original = loadServerRoutes(serverRoutesSource);
    const cached = loadServerRoutes(withServerRoutesCache(serverRoutesSource));
    const future = {};
    const routeModules = modules();
    const first = cached.createServerRoutes(manifest, routeModules, future, false);
    expect(cached.createServerRoutes(manifest, { ...routeModules }, future, false)).toBe(first);
    const expected = original.createServerRoutes(manifest, routeModules, future, false);
    const shape = (routes: Route[]): unknown =>
      routes.map(({ id, path, index, children }) => ({ id, path, index, children: children && shape(children) }));
    expect(shape(first)).toEqual(shape(expected));
    const changed = cached.createServerRoutes(manifest, modules(), future, false);
    expect(changed).not.toBe(first);
    expect(shape(changed)).toEqual(shape(expected));
  });

  it("keeps the route modules per build routes object in production only", () => {
    const entryFile = require.resolve("@remix-run/server-runtime/dist/entry.js");
    const entrySource = readFileSync(entryFile, "utf8");
    expect(withEntryModulesCache(entrySource)).toBe(entrySource + ENTRY_MODULES_SOURCE);
    type Entry = { createEntryRouteModules: (routes: Record<string, { module: object }>) => Record<string, object> };
    const loadEntry = (mode: "production" | "development"): Entry => {
      const before = process.env.NODE_ENV;
      process.env.NODE_ENV = mode;
      try {
        const module = { exports: {} as Entry };
        new Function("exports", "require", "module", withEntryModulesCache(entrySource))(
          module.exports,
          require,
          module,
        );
        return module.exports;
      } finally {
        process.env.NODE_ENV = before;
      }
    };
    const routes = { root: { module: { default: 1 } }, "routes/a": { module: { default: 2 } } };
    const production = loadEntry("production");
    const first = production.createEntryRouteModules(routes);
    expect(first).toEqual({ root: routes.root.module, "routes/a": routes["routes/a"].module });
    expect(production.createEntryRouteModules(routes)).toBe(first);
    expect(production.createEntryRouteModules({ ...routes })).not.toBe(first);
    const development = loadEntry("development");
    expect(development.createEntryRouteModules(routes)).not.toBe(development.createEntryRouteModules(routes));
  });

  it("passes a loader the request itself when its URL has no search part, else a copy without Remix's parameters", async () => {
    const dataFile = require.resolve("@remix-run/server-runtime/dist/data.js");
    const dataSource = readFileSync(dataFile, "utf8");
    expect(withRequestCopyShortcut(dataSource)).toBe(dataSource + REQUEST_COPY_SOURCE);
    type Data = {
      callRouteLoader: (args: {
        loadContext: object;
        loader: (args: { request: Request }) => unknown;
        params: object;
        request: Request;
        routeId: string;
        singleFetch: boolean;
      }) => Promise<unknown>;
    };
    const module = { exports: {} as Data };
    const local = createRequire(dataFile);
    new Function("exports", "require", "module", withRequestCopyShortcut(dataSource))(module.exports, local, module);
    const seen = async (request: Request, singleFetch: boolean) => {
      let received: Request | undefined;
      await module.exports.callRouteLoader({
        loadContext: {},
        loader: ({ request: given }) => {
          received = given;
          return null;
        },
        params: {},
        request,
        routeId: "root",
        singleFetch,
      });
      return received!;
    };
    const plain = new Request("http://localhost/uitloggen", { headers: { Cookie: "a=b" } });
    expect(await seen(plain, true)).toBe(plain);
    expect(await seen(plain, false)).toBe(plain);
    const withSearch = new Request("http://localhost/leernetwerken?index&_routes=root&q=x%20y");
    const copied = await seen(withSearch, true);
    expect(copied).not.toBe(withSearch);
    expect(copied.url).toBe("http://localhost/leernetwerken?q=x+y");
  });

  it("converts a routes array once and gives every caller's manifest its routes by id", () => {
    const original = load(source);
    const cached = load(withRouteMatchingCache(source));
    const mapProps = (route: Route) => ({ hasErrorBoundary: route.id === "root" });
    const firstManifest: Record<string, Route> = {};
    const first = cached.UNSAFE_convertRoutesToDataRoutes(tree, mapProps, undefined, firstManifest);
    const secondManifest: Record<string, Route> = {};
    const second = cached.UNSAFE_convertRoutesToDataRoutes(tree, mapProps, undefined, secondManifest);
    expect(second).toBe(first);
    const expectedManifest: Record<string, Route> = {};
    expect(first).toEqual(original.UNSAFE_convertRoutesToDataRoutes(tree, mapProps, undefined, expectedManifest));
    // React Router only looks a route up by its id there (the kept routes are the manifest's prototype).
    expect(Object.keys(expectedManifest).length).toBeGreaterThan(3);
    for (const id of Object.keys(expectedManifest)) {
      expect(firstManifest[id]).toEqual(expectedManifest[id]);
      expect(secondManifest[id]).toBe(firstManifest[id]);
    }
    // Another mapping, or a manifest that already holds routes: converted afresh, as React Router does.
    expect(cached.UNSAFE_convertRoutesToDataRoutes(tree, () => ({}), undefined, {})).not.toBe(first);
    expect(() => cached.UNSAFE_convertRoutesToDataRoutes(tree, mapProps, undefined, { ...expectedManifest })).toThrow(
      /collision/,
    );
  });
});

function summary(matches: Match[] | null) {
  return matches?.map((m) => ({ id: m.route.id, params: { ...m.params }, pathname: m.pathname, base: m.pathnameBase }));
}
