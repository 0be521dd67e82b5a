// The import graph of the whole tree (app/, jobs/, server/, prisma/, tests/), read by dpdm with every kind
// of edge: static imports, `import type`, and lazy `await import()` (a lazy import hides a cycle at run
// time, it does not remove it). The rules:
// 1. No import cycle anywhere (the Prisma client generated into app/generated is not ours and is skipped).
//    One kind of edge is left out of this check: `import type` of a route module. A route's parts read the
//    type of its loader that way (`useLoaderData<typeof loader>`); the edge is erased at build time, and
//    rule 3 makes sure nothing in app/ imports a route module for real.
// 2. Side effects run one way: models → notifications → e-mail → the job engine. The engine knows job
//    definitions only because the start-up (server/startup.ts) registers them; it never imports them.
// 3. Route modules are leaves: only Remix (and the tests) load them; app/ imports from them types only.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { type DependencyTree, parseDependencyTree, shortenTree } from "dpdm";
import { beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const ours = (file: string) => /^(app|jobs|server|prisma|tests)\//.test(file) && !file.startsWith("app/generated/");

/** file → the project files it imports (any kind of import). */
let graph: Map<string, string[]>;
/** file → the project files it imports for real (not only `import type` / `export type`). */
let runtimeGraph: Map<string, string[]>;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Whether every import/export statement in `source` that names `request` is type-only. */
function typeOnly(source: string, request: string): boolean {
  const statements = [
    ...source.matchAll(
      new RegExp(`(?:import|export)\\s+(type\\s+)?[^;]*?from\\s+["']${escapeRegExp(request)}["']`, "g"),
    ),
  ];
  return statements.length > 0 && statements.every((statement) => statement[1] !== undefined);
}
/** A route module Remix loads: a folder route's route.tsx, or a flat route file (not a colocated part). */
function isRouteModule(file: string): boolean {
  if (!file.startsWith("app/routes/") || /\.test\.tsx?$/.test(file)) return false;
  return path.basename(file) === "route.tsx" || !existsSync(path.join(root, path.dirname(file), "route.tsx"));
}

beforeAll(async () => {
  const tree: DependencyTree = shortenTree(
    root,
    await parseDependencyTree(
      ["app/**/*.{ts,tsx}", "jobs/**/*.ts", "server/**/*.ts", "prisma/**/*.ts", "tests/**/*.ts"],
      {
        cwd: root,
        context: root,
        tsconfig: path.join(root, "tsconfig.json"),
        exclude: /node_modules|app\/generated\//,
        transform: false,
        skipDynamicImports: false,
      },
    ),
  );
  graph = new Map();
  runtimeGraph = new Map();
  for (const [file, dependencies] of Object.entries(tree)) {
    if (!ours(file)) continue;
    const source = readFileSync(path.join(root, file), "utf8");
    const all = new Set<string>();
    const runtime = new Set<string>();
    for (const dependency of dependencies ?? []) {
      if (!dependency.id || !ours(dependency.id)) continue;
      all.add(dependency.id);
      if (!typeOnly(source, dependency.request)) runtime.add(dependency.id);
    }
    graph.set(file, [...all]);
    runtimeGraph.set(file, [...runtime]);
  }
}, 120_000);

/** The graph the cycle check reads: every edge except a type-only import of a route module. */
const withoutRouteTypes = () =>
  new Map(
    [...graph].map(([file, targets]) => [
      file,
      targets.filter((target) => !isRouteModule(target) || runtimeGraph.get(file)!.includes(target)),
    ]),
  );

/** Strongly connected components with more than one file (or a file importing itself): Tarjan's algorithm. */
function cycles(edges: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (file: string) => {
    index.set(file, counter);
    low.set(file, counter);
    counter++;
    stack.push(file);
    onStack.add(file);
    for (const next of edges.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file)!, index.get(next)!));
      }
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || edges.get(file)?.includes(file)) found.push(component.sort());
    }
  };
  for (const file of [...edges.keys()].sort()) if (!index.has(file)) visit(file);
  return found;
}

const filesUnder = (folder: string) =>
  [...graph.keys()].filter((file) => file.startsWith(folder) && !/\.test\.tsx?$/.test(file));

/**
 * Each forbidden file that the `from` files reach through their imports, with one shortest chain that
 * leads there ("a → b → c"), so a failure says which import to change.
 */
function violations(from: string[], forbidden: (file: string) => boolean): string[] {
  const cameFrom = new Map<string, string | null>(from.map((file) => [file, null]));
  const queue = [...from];
  const found: string[] = [];
  for (let head = 0; head < queue.length; head++) {
    const file = queue[head]!;
    for (const next of graph.get(file) ?? []) {
      if (cameFrom.has(next)) continue;
      cameFrom.set(next, file);
      queue.push(next);
      if (!forbidden(next)) continue;
      const chain = [next];
      for (let step = cameFrom.get(next); step; step = cameFrom.get(step)) chain.unshift(step);
      found.push(chain.join(" → "));
    }
  }
  return found.sort();
}

const isJobEngine = (file: string) => file === "jobs/engine.ts" || file === "jobs/definition.ts";
const isJobFile = (file: string) => file.startsWith("jobs/") && !isJobEngine(file) && !/\.test\.ts$/.test(file);

describe("import graph", () => {
  it("reads the whole tree", () => {
    expect(graph.size).toBeGreaterThan(200);
    expect(graph.get("server/index.ts")).toContain("server/startup.ts");
    // The allowed direction is there, so the empty answers below mean something.
    expect(
      violations(["app/models/journal.server.ts"], (file) => file === "app/notifications/notify.server.ts"),
    ).toEqual(["app/models/journal.server.ts → app/notifications/notify.server.ts"]);
    expect(violations(["app/notifications/notify.server.ts"], (file) => file === "jobs/engine.ts")).toEqual([
      "app/notifications/notify.server.ts → app/email/send-email.server.ts → jobs/engine.ts",
    ]);
  });

  it("has no import cycle", () => {
    expect(cycles(withoutRouteTypes())).toEqual([]);
  });

  it("route modules are leaves: nothing in app/ imports from a route module except types", () => {
    const runtimeImportsOfRoutes = [...runtimeGraph]
      .filter(([file]) => file.startsWith("app/") && !/\.test\.tsx?$/.test(file))
      .flatMap(([file, targets]) => targets.filter(isRouteModule).map((target) => `${file} → ${target}`));
    expect(runtimeImportsOfRoutes).toEqual([]);
    // The type-only edges are seen (so the empty answer above means something).
    expect(graph.get("app/utils/cohort-page.ts")).toContain("app/routes/leernetwerken+/$cohortId+/_layout/route.tsx");
    expect(runtimeGraph.get("app/utils/cohort-page.ts")).not.toContain(
      "app/routes/leernetwerken+/$cohortId+/_layout/route.tsx",
    );
  });

  it("the job engine imports no job, e-mail, notification or model module (jobs are registered at start-up)", () => {
    const engine = [...graph.keys()].filter(isJobEngine);
    expect(engine).toHaveLength(2);
    expect(
      violations(engine, (file) => isJobFile(file) || /^app\/(email|notifications|models|routes)\//.test(file)),
    ).toEqual([]);
  });

  it("e-mail imports no notification, model or route module", () => {
    expect(violations(filesUnder("app/email/"), (file) => /^app\/(notifications|models|routes)\//.test(file))).toEqual(
      [],
    );
  });

  it("what the models call in notifications (notify, preferences, kinds, links, templates) imports no model", () => {
    const core = [
      "notify.server.ts",
      "preferences.server.ts",
      "kinds.ts",
      "links.server.ts",
      "templates.server.ts",
    ].map((file) => `app/notifications/${file}`);
    for (const file of core) expect(graph.has(file), file).toBe(true);
    expect(violations(core, (file) => /^app\/(models|routes)\//.test(file) || isJobFile(file))).toEqual([]);
  });

  it("only the entry points import the job files: nothing in app/ does", () => {
    const app = [...graph.keys()].filter((file) => file.startsWith("app/") && !/\.test\.tsx?$/.test(file));
    expect(violations(app, isJobFile)).toEqual([]);
  });

  it("the cycle finder finds a cycle (so an empty answer means something)", () => {
    const sample = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a", "d"]],
      ["d", []],
      ["e", ["e"]],
    ]);
    expect(cycles(sample)).toEqual([["a", "b", "c"], ["e"]]);
  });
});
