// Every route of the app, as Remix resolves it from app/routes (the same resolver the Vite plugin and
// tests/support/app-requests.ts use), with its module: which routes have a loader, which an action. The
// authorization matrix (tests/routes/authorization-matrix.ts) must have a row for each of them, so a new
// page cannot ship without someone deciding who may open it.
import path from "node:path";
import { resolveConfig } from "@remix-run/dev/dist/config.js";
import remixConfig from "../../remix.config.js";

const root = path.resolve(import.meta.dirname, "../..");

export type RouteModule = {
  loader?: (args: { request: Request; params: Record<string, string>; context: unknown }) => unknown;
  action?: (args: { request: Request; params: Record<string, string>; context: unknown }) => unknown;
};

export type AppRoute = {
  /** Remix's route id, e.g. "routes/journaal+/$entryId/route". */
  id: string;
  /** The URL pattern, e.g. "/journaal/:entryId" (parents' paths joined). */
  pattern: string;
  file: string;
  module: RouteModule;
};

/** The routes that answer requests themselves (a loader or an action), in URL order. */
export async function listRoutes(): Promise<AppRoute[]> {
  const config = await resolveConfig(remixConfig, { rootDirectory: root });
  const routes = Object.values(config.routes);
  const byId = new Map(routes.map((route) => [route.id, route]));
  const patternOf = (id: string | undefined): string => {
    const route = id ? byId.get(id) : undefined;
    if (!route) return "";
    if (route.id === "root") return "";
    const own = route.path ?? "";
    const parent = patternOf(route.parentId);
    return own ? `${parent.replace(/\/$/, "")}/${own}` : parent;
  };
  const list: AppRoute[] = [];
  for (const route of routes) {
    const module = (await import(/* @vite-ignore */ path.join(config.appDirectory, route.file))) as RouteModule;
    if (!module.loader && !module.action) continue;
    list.push({ id: route.id, pattern: patternOf(route.id) || "/", file: route.file, module });
  }
  return list.sort((a, b) => a.pattern.localeCompare(b.pattern) || a.id.localeCompare(b.id));
}
