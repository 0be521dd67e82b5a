import { describe, expect, it } from "vitest";
import { cachePlans, copyPlan, MAX_PLANS } from "./query-plans.server.ts";

function fakeCompiler() {
  const calls: string[] = [];
  class Compiler {
    compile(request: string) {
      calls.push(request);
      return { query: request, nodes: [{ args: [1, 2] }] };
    }
  }
  return { Compiler, calls };
}

describe("kept query plans", () => {
  it("compiles a query once and gives every caller its own copy of the plan", () => {
    const { Compiler, calls } = fakeCompiler();
    expect(cachePlans(Compiler)).toBe(true);
    const compiler = new Compiler();
    const first = compiler.compile('{"action":"findMany"}') as { nodes: { args: number[] }[] };
    first.nodes[0]!.args.push(3);
    const second = compiler.compile('{"action":"findMany"}');
    expect(second).toEqual({ query: '{"action":"findMany"}', nodes: [{ args: [1, 2] }] });
    expect(calls).toEqual(['{"action":"findMany"}']);
    compiler.compile('{"action":"findFirst"}');
    expect(calls).toHaveLength(2);
  });

  it("keeps plans per compiler, at most MAX_PLANS, dropping the least recently used", () => {
    const { Compiler, calls } = fakeCompiler();
    cachePlans(Compiler);
    cachePlans(Compiler); // wrapping twice changes nothing
    const a = new Compiler();
    const b = new Compiler();
    a.compile("q");
    b.compile("q");
    expect(calls).toEqual(["q", "q"]);
    for (let i = 0; i < MAX_PLANS - 1; i++) a.compile(`q${i}`);
    a.compile("q"); // used again: now the most recent
    a.compile("new"); // one too many: q0 goes
    const before = calls.length;
    a.compile("q");
    expect(calls.length).toBe(before);
    a.compile("q0");
    expect(calls.length).toBe(before + 1);
  });

  it("copies a plan deeply: plain objects and arrays by hand, anything else by structuredClone", () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const map = new Map([["a", { b: 1 }]]);
    const plan = { type: "query", args: [1, "x", null, true, { nested: [bytes] }], map, empty: Object.create(null) };
    const copy = copyPlan(plan);
    expect(copy).toEqual(plan);
    expect(copy.args).not.toBe(plan.args);
    expect(copy.args[4]).not.toBe(plan.args[4]);
    const copiedBytes = (copy.args[4] as { nested: Uint8Array[] }).nested[0]!;
    expect(copiedBytes).not.toBe(bytes);
    expect([...copiedBytes]).toEqual([1, 2, 3]);
    expect(copy.map).not.toBe(map);
    expect(copy.map.get("a")).not.toBe(map.get("a"));
  });

  it("copies a plan that is not plain JSON (a BigInt, undefined) whole, also on the first call", () => {
    class Compiler {
      compile(request: string) {
        return { query: request, value: 10n, missing: undefined, args: [1] };
      }
    }
    cachePlans(Compiler);
    const compiler = new Compiler();
    const first = compiler.compile("big") as { args: number[] };
    first.args.push(2);
    const second = compiler.compile("big") as { args: number[] };
    expect(second).toEqual({ query: "big", value: 10n, missing: undefined, args: [1] });
    expect("missing" in second).toBe(true);
    second.args.push(3);
    expect(compiler.compile("big")).toEqual({ query: "big", value: 10n, missing: undefined, args: [1] });
  });

  it("leaves a class without a compile method alone", () => {
    expect(cachePlans(class {})).toBe(false);
  });
});
