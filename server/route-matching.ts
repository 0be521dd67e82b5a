// Route matching without the repeated work. React Router's matchRoutes (used by Remix on the server three
// times per page: to pick the handler, to run the loaders, to render) flattens and ranks the whole route
// tree and compiles a regular expression for each route pattern it tries, on every call. With this app's
// ~100 routes that was about a quarter of the CPU time of a page that does nothing else (the profile of
// GET /uitloggen, issue 18). The results depend only on the pattern, or on the routes array, so they are
// kept:
// - compilePath(pattern, caseSensitive, end): the compiled expression per pattern (bounded map);
// - flattenRoutes(routes) + rankRouteBranches: the ranked branches per routes array (by identity, weakly:
//   Remix's server routes live as long as the build; the arrays made per render are collected with it).
// Matching itself is unchanged: the same branches in the same order, tried with the same expressions.
//
// The render asked with new arrays on every page, so the last two missed: Remix's RemixServer builds the
// route tree from the build's manifest again per page (createServerRoutes), and React Router's static
// router copies it into "data routes" (convertRoutesToDataRoutes), which it then matches again. Both depend
// only on the build, so they are kept as well (together a tenth of an empty page's CPU):
// - createServerRoutes(manifest, routeModules, future, isSpaMode): the tree per manifest (weakly), used
//   while the same route modules, future flags and mode come with it;
// - createEntryRouteModules(build.routes) in @remix-run/server-runtime (production only): the route modules
//   by id, per routes object, so the tree above is found by identity;
// - the exported convertRoutesToDataRoutes(routes, mapRouteProperties, [], manifest): the data routes per
//   routes array (weakly); the caller's id→route manifest is filled from the kept one. Nothing on the
//   server changes these objects (no lazy routes outside SPA mode), so one copy serves every page.
//
// The functions are module-private in @remix-run/router's CommonJS file, so this appends the caching to
// that file's source when Node compiles it (one file, by path). Import this module before anything that
// loads Remix. If an upgrade renames the functions, the source is left alone (the checks below) and a
// test fails (server/route-matching.test.ts), so nothing silently changes behaviour.
import Module from "node:module";
import path from "node:path";

const ROUTER_FILE = `${path.sep}@remix-run${path.sep}router${path.sep}dist${path.sep}router.cjs.js`;
const SERVER_ROUTES_FILE = `${path.sep}@remix-run${path.sep}react${path.sep}dist${path.sep}routes.js`;
const ENTRY_FILE = `${path.sep}@remix-run${path.sep}server-runtime${path.sep}dist${path.sep}entry.js`;
const DATA_FILE = `${path.sep}@remix-run${path.sep}server-runtime${path.sep}dist${path.sep}data.js`;
export const MARKER = "__leernetwerkRouteMatchingCache";

/** The source appended to router.cjs.js: rebinds its function declarations to cached versions. */
export const CACHING_SOURCE = `
;{
  const compiled = new Map();
  const compileUncached = compilePath;
  compilePath = function (path, caseSensitive, end) {
    const key = (caseSensitive === true ? "1" : "0") + (end === false ? "0" : "1") + path;
    let hit = compiled.get(key);
    if (hit === undefined) {
      if (compiled.size >= 2000) compiled.clear();
      hit = compileUncached(path, caseSensitive, end);
      compiled.set(key, hit);
    }
    return [hit[0], hit[1]];
  };
  const rankedByRoutes = new WeakMap();
  const ranked = new WeakSet();
  const flattenUncached = flattenRoutes;
  const rankUncached = rankRouteBranches;
  flattenRoutes = function (routes, branches, parentsMeta, parentPath) {
    if (branches !== undefined) return flattenUncached(routes, branches, parentsMeta, parentPath);
    let hit = rankedByRoutes.get(routes);
    if (hit === undefined) {
      hit = flattenUncached(routes);
      rankUncached(hit);
      ranked.add(hit);
      rankedByRoutes.set(routes, hit);
    }
    return hit;
  };
  rankRouteBranches = function (branches) {
    if (!ranked.has(branches)) rankUncached(branches);
  };
  const seen = new WeakSet();
  const matchedByRoutes = new WeakMap();
  const matchUncached = matchRoutesImpl;
  const copy = (matches) => {
    if (matches === null) return null;
    const params = { ...matches[0].params };
    return matches.map((m) => ({ params, pathname: m.pathname, pathnameBase: m.pathnameBase, route: m.route }));
  };
  matchRoutesImpl = function (routes, locationArg, basename, allowPartial) {
    const pathname = typeof locationArg === "string" ? locationArg : locationArg && locationArg.pathname;
    if (allowPartial || typeof pathname !== "string") return matchUncached(routes, locationArg, basename, allowPartial);
    if (!seen.has(routes)) {
      seen.add(routes);
      return matchUncached(routes, locationArg, basename, allowPartial);
    }
    let matched = matchedByRoutes.get(routes);
    if (matched === undefined) {
      matched = new Map();
      matchedByRoutes.set(routes, matched);
    }
    const key = basename + "\0" + pathname;
    let hit = matched.get(key);
    if (hit === undefined) {
      if (matched.size >= 1000) matched.clear();
      hit = matchUncached(routes, locationArg, basename, allowPartial);
      matched.set(key, copy(hit));
    }
    return copy(hit);
  };
  const dataRoutesByRoutes = new WeakMap();
  const convertUncached = convertRoutesToDataRoutes;
  exports.UNSAFE_convertRoutesToDataRoutes = function (routes, mapRouteProperties, parentPath, manifest) {
    const top = parentPath === undefined || parentPath.length === 0;
    if (!top || manifest === undefined || Object.keys(manifest).length > 0) {
      return convertUncached(routes, mapRouteProperties, parentPath, manifest);
    }
    let hit = dataRoutesByRoutes.get(routes);
    if (hit === undefined || hit.mapRouteProperties !== mapRouteProperties) {
      const built = {};
      hit = { mapRouteProperties, dataRoutes: convertUncached(routes, mapRouteProperties, [], built), manifest: built };
      dataRoutesByRoutes.set(routes, hit);
    }
    // The caller only looks routes up by id: the kept manifest as the prototype of its (empty) object, instead
    // of copying some 120 entries into it on every page.
    Object.setPrototypeOf(manifest, hit.manifest);
    return hit.dataRoutes;
  };
  exports.${MARKER} = true;
}
`;

/** The source appended to @remix-run/react's routes.js: keeps the server route tree per manifest. */
export const SERVER_ROUTES_SOURCE = `
;{
  const treeByManifest = new WeakMap();
  const buildUncached = createServerRoutes;
  exports.createServerRoutes = function (manifest, routeModules, future, isSpaMode, ...rest) {
    if (rest.length > 0 || isSpaMode || !manifest || !routeModules) {
      return buildUncached(manifest, routeModules, future, isSpaMode, ...rest);
    }
    const hit = treeByManifest.get(manifest);
    if (hit !== undefined && hit.future === future) {
      if (hit.routeModules === routeModules) return hit.routes;
      let same = true;
      for (const id in manifest) {
        if (hit.modules[id] !== routeModules[id]) {
          same = false;
          break;
        }
      }
      if (same) {
        hit.routeModules = routeModules;
        return hit.routes;
      }
    }
    const routes = buildUncached(manifest, routeModules, future, isSpaMode);
    treeByManifest.set(manifest, { future, routeModules, modules: { ...routeModules }, routes });
    return routes;
  };
  exports.${MARKER} = true;
}
`;

/**
 * The declarations the caching rebinds; without all of them the file is left as it is. They are matched
 * verbatim against React Router's file, its own comments included (the "TODO" below is React Router's,
 * not ours: it anchors the spot where matches are built).
 */
const EXPECTED = [
  /\nfunction compilePath\(path, caseSensitive, end\) \{/,
  /\nfunction flattenRoutes\(routes, branches, parentsMeta, parentPath\) \{/,
  /\nfunction rankRouteBranches\(branches\) \{/,
  /\n {2}let branches = flattenRoutes\(routes\);\n {2}rankRouteBranches\(branches\);\n/,
  /\nfunction matchRoutesImpl\(routes, locationArg, basename, allowPartial\) \{/,
  /\n {4}matches\.push\(\{\n {6}\/\/ TODO: Can this as be avoided\?\n {6}params: matchedParams,\n/,
  /\nfunction convertRoutesToDataRoutes\(routes, mapRouteProperties, parentPath, manifest\) \{/,
  /\nexports\.UNSAFE_convertRoutesToDataRoutes = convertRoutesToDataRoutes;\n/,
];

/**
 * The source appended to @remix-run/server-runtime's entry.js, in production only: the route modules by id,
 * which Remix derives from the build's routes on every page (createEntryRouteModules), kept per routes object
 * (a production build never changes; in development it is rebuilt as before). The same object for every page
 * also lets the kept server route tree above be found without comparing the modules one by one.
 */
export const ENTRY_MODULES_SOURCE = `
;if (process.env.NODE_ENV === "production") {
  const modulesByRoutes = new WeakMap();
  const entryModulesUncached = createEntryRouteModules;
  exports.createEntryRouteModules = function (manifest) {
    let hit = modulesByRoutes.get(manifest);
    if (hit === undefined) {
      hit = entryModulesUncached(manifest);
      modulesByRoutes.set(manifest, hit);
    }
    return hit;
  };
  exports.${MARKER} = true;
}
`;

/**
 * The source appended to @remix-run/server-runtime's data.js: Remix hands each loader and action a copy of
 * the Request with the `index`, `_data` or `_routes` search parameter removed, made anew (URL parsed,
 * headers copied, an abort signal that follows the original) even when the URL has no search part at all,
 * twice per loader. Without a search part there is nothing to remove, so the request itself is passed on:
 * the same URL, headers, body and signal.
 */
export const REQUEST_COPY_SOURCE = `
;{
  const onlyWithSearch = (strip) => (request) => (request.url.indexOf("?") === -1 ? request : strip(request));
  stripIndexParam = onlyWithSearch(stripIndexParam);
  stripDataParam = onlyWithSearch(stripDataParam);
  stripRoutesParam = onlyWithSearch(stripRoutesParam);
  exports.${MARKER} = true;
}
`;

const REQUEST_COPY_EXPECTED = [
  /\nfunction stripIndexParam\(request\) \{/,
  /\nfunction stripDataParam\(request\) \{/,
  /\nfunction stripRoutesParam\(request\) \{/,
  /request: singleFetch \? stripRoutesParam\(stripIndexParam\(request\)\) : stripDataParam\(stripIndexParam\(request\)\),/,
];

export function withRequestCopyShortcut(source: string): string {
  return REQUEST_COPY_EXPECTED.every((pattern) => pattern.test(source)) ? source + REQUEST_COPY_SOURCE : source;
}

const ENTRY_MODULES_EXPECTED = [
  /\nfunction createEntryRouteModules\(manifest\) \{/,
  /\nexports\.createEntryRouteModules = createEntryRouteModules;\n/,
];

export function withEntryModulesCache(source: string): string {
  return ENTRY_MODULES_EXPECTED.every((pattern) => pattern.test(source)) ? source + ENTRY_MODULES_SOURCE : source;
}

/** What routes.js must contain for SERVER_ROUTES_SOURCE; without it the file is left as it is. */
const SERVER_ROUTES_EXPECTED = [
  /\nfunction createServerRoutes\(manifest, routeModules, future, isSpaMode, parentId = "", /,
  /\nexports\.createServerRoutes = createServerRoutes;\n/,
];

export function withServerRoutesCache(source: string): string {
  return SERVER_ROUTES_EXPECTED.every((pattern) => pattern.test(source)) ? source + SERVER_ROUTES_SOURCE : source;
}

export function withRouteMatchingCache(source: string): string {
  return EXPECTED.every((pattern) => pattern.test(source)) ? source + CACHING_SOURCE : source;
}

type Compile = (this: unknown, content: string, filename: string) => unknown;
const proto = Module.prototype as unknown as { _compile: Compile };
const compile = proto._compile;
proto._compile = function (this: unknown, content: string, filename: string) {
  if (filename.endsWith(ROUTER_FILE)) return compile.call(this, withRouteMatchingCache(content), filename);
  if (filename.endsWith(SERVER_ROUTES_FILE)) return compile.call(this, withServerRoutesCache(content), filename);
  if (filename.endsWith(ENTRY_FILE)) return compile.call(this, withEntryModulesCache(content), filename);
  if (filename.endsWith(DATA_FILE)) return compile.call(this, withRequestCopyShortcut(content), filename);
  return compile.call(this, content, filename);
};
