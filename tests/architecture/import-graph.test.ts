// The import graph of the whole tree (app/, jobs/, server/, prisma/, tests/), read by dpdm with every kind
// of edge: static imports, `import type`, and lazy `await import()` (a lazy import hides a cycle at run
// time, it does not remove it). Two rules:
// 1. No import cycle anywhere (the Prisma client generated into app/generated is not ours and is skipped).
// 2. Side effects run one way: models → notifications → e-mail → the job engine. The engine knows job
//    definitions only because the start-up (server/startup.ts) registers them; it never imports them.
import path from "node:path";
import { type DependencyTree, parseDependencyTree, shortenTree } from "dpdm";
import { beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const ours = (file: string) => /^(app|jobs|server|prisma|tests)\//.test(file) && !file.startsWith("app/generated/");

/** file → the project files it imports (any kind of import). */
let graph: Map<string, string[]>;

beforeAll(async () => {
  const tree: DependencyTree = shortenTree(
    root,
    await parseDependencyTree(["app/**/*.{ts,tsx}", "jobs/**/*.ts", "server/**/*.ts", "prisma/**/*.ts", "tests/**/*.ts"], {
      cwd: root,
      context: root,
      tsconfig: path.join(root, "tsconfig.json"),
      exclude: /node_modules|app\/generated\//,
      transform: false,
      skipDynamicImports: false,
    }),
  );
  graph = new Map(
    Object.entries(tree)
      .filter(([file]) => ours(file))
      .map(([file, dependencies]) => [file, [...new Set((dependencies ?? []).flatMap((d) => (d.id && ours(d.id) ? [d.id] : [])))]]),
  );
}, 120_000);

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

const filesUnder = (folder: string) => [...graph.keys()].filter((file) => file.startsWith(folder) && !/\.test\.tsx?$/.test(file));

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
    expect(violations(["app/models/journal.server.ts"], (file) => file === "app/notifications/notify.server.ts")).toEqual([
      "app/models/journal.server.ts → app/notifications/notify.server.ts",
    ]);
    expect(violations(["app/notifications/notify.server.ts"], (file) => file === "jobs/engine.ts")).toEqual([
      "app/notifications/notify.server.ts → app/email/send-email.server.ts → jobs/engine.ts",
    ]);
  });

  it("has no import cycle", () => {
    expect(cycles(graph)).toEqual([]);
  });

  it("the job engine imports no job, e-mail, notification or model module (jobs are registered at start-up)", () => {
    const engine = [...graph.keys()].filter(isJobEngine);
    expect(engine).toHaveLength(2);
    expect(
      violations(engine, (file) => isJobFile(file) || /^app\/(email|notifications|models|routes)\//.test(file)),
    ).toEqual([]);
  });

  it("e-mail imports no notification, model or route module", () => {
    expect(violations(filesUnder("app/email/"), (file) => /^app\/(notifications|models|routes)\//.test(file))).toEqual([]);
  });

  it("what the models call in notifications (notify, preferences, kinds, links, templates) imports no model", () => {
    const core = ["notify.server.ts", "preferences.server.ts", "kinds.ts", "links.server.ts", "templates.server.ts"].map(
      (file) => `app/notifications/${file}`,
    );
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
