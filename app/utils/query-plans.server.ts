// Prisma's query plans, kept. With `engineType = "client"` Prisma turns every query into a plan with its
// query compiler (WebAssembly) on every call, also a query it compiled a moment ago: on a page that does
// nothing else that was a seventh of its CPU time, on the participant's start page a third (profiles of
// issue 18). A plan depends only on the query (its JSON, values included) and the schema, both fixed for
// the process, so the last plans are kept per compiler and a repeated query skips the compiler. Each use
// gets its own copy, so nothing that runs a plan can change the kept one.
//
// What it helps: the same query again, e.g. the session lookup and a page's queries when someone reloads or
// returns to a page; a query with a new value (another person, the current time) is compiled as before.
//
// The compiler is Prisma's runtime class; its one method is wrapped (once per process, on the class, so
// compilers made before or after share it). Should a Prisma upgrade remove the class or the method, the
// wrapping is skipped and queries are compiled as before.
import { isDeepStrictEqual } from "node:util";

/** Plans kept per compiler (the least recently used one goes first). */
export const MAX_PLANS = 500;

type Compile = (this: object, request: string) => unknown;
type CompilerClass = { prototype: { compile?: Compile } };
const WRAPPED = Symbol.for("leernetwerk.query-plan-cache");

/**
 * A kept plan and how to copy it: as JSON text parsed again when the plan survives that exactly (most do,
 * and JSON.parse copies a start page's plan in a third of the time of structuredClone), else by `copyPlan`.
 */
type Kept = { json: string } | { plan: unknown };

function keep(plan: unknown): Kept {
  try {
    const json = JSON.stringify(plan);
    if (json !== undefined && isDeepStrictEqual(JSON.parse(json), plan)) return { json };
  } catch {
    // Not plain JSON (e.g. a BigInt): copied with structuredClone.
  }
  return { plan };
}

function copy(kept: Kept): unknown {
  return "json" in kept ? JSON.parse(kept.json) : copyPlan(kept.plan);
}

const plansByCompiler = new WeakMap<object, Map<string, Kept>>();
let hits = 0;
let misses = 0;

/** How often a plan was found or had to be compiled (for the tests). */
export function queryPlanStats() {
  return { hits, misses };
}

/**
 * A deep copy of a plan. Plans are plain objects, arrays and primitives (what the compiler's WebAssembly
 * hands over); copying those by hand is several times cheaper than structuredClone, which a large plan
 * (a page's nested query) made a noticeable part of a request. Anything else (a Map, a Date, bytes) is
 * copied by structuredClone, as before.
 */
export function copyPlan<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(copyPlan) as T;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return structuredClone(value);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = copyPlan((value as Record<string, unknown>)[key]);
  return copy as T;
}

export function cachePlans(compiler: CompilerClass): boolean {
  const proto = compiler.prototype as { compile?: Compile; [WRAPPED]?: true };
  const compile = proto.compile;
  if (typeof compile !== "function") return false;
  if (proto[WRAPPED]) return true;
  proto.compile = function (this: object, request: string) {
    let plans = plansByCompiler.get(this);
    if (!plans) {
      plans = new Map();
      plansByCompiler.set(this, plans);
    }
    const kept = plans.get(request);
    if (kept === undefined) {
      misses++;
      const plan = compile.call(this, request);
      if (plans.size >= MAX_PLANS) plans.delete(plans.keys().next().value as string);
      const fresh = keep(plan);
      plans.set(request, fresh);
      // Kept as text, the plan itself can go out; kept as an object, the caller gets a copy.
      return "json" in fresh ? plan : copyPlan(plan);
    }
    hits++;
    plans.delete(request); // most recently used last
    plans.set(request, kept);
    return copy(kept);
  };
  proto[WRAPPED] = true;
  return true;
}

/** Wraps the compiler class of the PostgreSQL runtime that the generated client loads. */
export function cachePrismaQueryPlans(): Promise<boolean> {
  // The module the generated client imports (app/generated/prisma/internal/class.ts), so the same instance.
  const runtime = "@prisma/client/runtime/query_compiler_bg.postgresql.mjs";
  return import(/* @vite-ignore */ runtime).then(
    (module: { QueryCompiler?: CompilerClass }) => Boolean(module.QueryCompiler && cachePlans(module.QueryCompiler)),
    () => false,
  );
}
