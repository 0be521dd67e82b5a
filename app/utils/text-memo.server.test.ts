import { describe, expect, it } from "vitest";
import { MAX_ENTRIES, MAX_TEXT_LENGTH, memoByText } from "./text-memo.server.ts";

describe("memoByText", () => {
  it("renders a text once and hands out the kept result for the same text", () => {
    const calls: string[] = [];
    const render = memoByText((source) => {
      calls.push(source);
      return { text: source.toUpperCase() };
    });
    const first = render("hallo");
    expect(render("hallo")).toBe(first);
    expect(render("dag")).toEqual({ text: "DAG" });
    expect(calls).toEqual(["hallo", "dag"]);
  });

  it("keeps at most MAX_ENTRIES texts, dropping the least recently used, and never very long ones", () => {
    const calls: string[] = [];
    const render = memoByText((source) => {
      calls.push(source);
      return source.length;
    });
    render("a");
    for (let i = 0; i < MAX_ENTRIES - 1; i++) render(`t${i}`);
    render("a"); // used again: now the most recent
    render("nieuw"); // one too many: t0 goes
    const before = calls.length;
    render("a");
    expect(calls.length).toBe(before);
    render("t0");
    expect(calls.length).toBe(before + 1);
    const long = "x".repeat(MAX_TEXT_LENGTH + 1);
    render(long);
    render(long);
    expect(calls.filter((source) => source === long)).toHaveLength(2);
  });
});
