// The whole Remix app, built from the sources in app/, answering Requests the way the production server
// does (root loader, layout loaders, the page's loader, the React render), without Express or a port. For
// database tests that need what a page costs as a whole, e.g. tests/db/query-budget.test.ts.
//
// The route tree comes from Remix's own resolver (the same one the Vite plugin uses), so it follows the
// files in app/routes however they are arranged. The browser asset manifest is made up (the page's HTML
// links to /assets/<route id>.js): nothing here loads scripts.
import path from "node:path";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { resolveConfig } from "@remix-run/dev/dist/config.js";
import { runWithRequestMemory } from "~/utils/request-context.server.ts";
import remixConfig from "../../remix.config.js";

const root = path.resolve(import.meta.dirname, "../..");

type RouteModule = ServerBuild["routes"][string]["module"];

async function loadBuild(): Promise<ServerBuild> {
  const config = await resolveConfig(remixConfig, { rootDirectory: root });
  const entries = await Promise.all(
    Object.values(config.routes).map(async (route) => {
      const module = (await import(/* @vite-ignore */ path.join(config.appDirectory, route.file))) as RouteModule;
      return { route, module };
    }),
  );
  const routes: ServerBuild["routes"] = {};
  const assetRoutes: ServerBuild["assets"]["routes"] = {};
  for (const { route, module } of entries) {
    const { id, parentId, path: routePath, index, caseSensitive } = route;
    routes[id] = { id, parentId, path: routePath, index, caseSensitive, module } as ServerBuild["routes"][string];
    assetRoutes[id] = {
      id,
      parentId,
      path: routePath,
      index,
      caseSensitive,
      module: `/assets/${id}.js`,
      imports: [],
      hasAction: Boolean(module.action),
      hasLoader: Boolean(module.loader),
      hasClientAction: false,
      hasClientLoader: false,
      hasErrorBoundary: Boolean(module.ErrorBoundary),
    };
  }
  const entry = (await import(
    /* @vite-ignore */ path.join(config.appDirectory, config.entryServerFile)
  )) as ServerBuild["entry"]["module"];
  return {
    mode: "production",
    entry: { module: entry },
    routes,
    assets: {
      version: "test",
      url: "/assets/manifest-test.js",
      entry: { module: "/assets/entry.client.js", imports: [] },
      routes: assetRoutes,
    },
    basename: undefined,
    publicPath: config.publicPath,
    assetsBuildDirectory: config.assetsBuildDirectory,
    future: config.future as ServerBuild["future"],
    isSpaMode: false,
  };
}

let handler: Promise<(request: Request) => Promise<Response>> | undefined;

/** Answers one request with the full app (as server/app.ts does: one request memory per request). */
export async function appRequest(request: Request): Promise<Response> {
  handler ??= loadBuild().then((build) => {
    const handle = createRequestHandler(build, "production");
    return (req: Request) => runWithRequestMemory(() => handle(req, { cspNonce: "test" }));
  });
  return (await handler)(request);
}
