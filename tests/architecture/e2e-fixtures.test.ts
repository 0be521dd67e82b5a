// Every browser test runs through the shared fixture in tests/e2e/fixtures.ts: it fails a test on a console
// or page error (e.g. a React hydration mismatch) and checks that every page visited was checked by axe.
// A spec that took `test` straight from @playwright/test would silently skip both.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The browser journey through the cluster (tests/cluster, playwright.cluster.config.ts) uses it too.
const dirs = ["../e2e", "../cluster"].map((dir) => path.resolve(import.meta.dirname, dir));
const specs = dirs.flatMap((dir) =>
  readdirSync(dir)
    .filter((name) => name.endsWith(".spec.ts"))
    .map((name) => path.relative(path.resolve(import.meta.dirname, ".."), path.join(dir, name))),
);

describe("browser test specs", () => {
  it("exist", () => {
    expect(specs.length).toBeGreaterThan(0);
  });

  it.each(specs)("%s takes `test` from tests/e2e/fixtures.ts, never from @playwright/test", (name) => {
    const source = readFileSync(path.resolve(import.meta.dirname, "..", name), "utf8");
    const fromPlaywright = [...source.matchAll(/import\s+(?!type\b)\{([^}]*)\}\s+from\s+["']@playwright\/test["']/g)];
    for (const [, names] of fromPlaywright) {
      const values = (names ?? "")
        .split(",")
        .map((part) => part.trim())
        .filter((part) => part && !part.startsWith("type "));
      expect(values, `${name} imports values from @playwright/test`).not.toContain("test");
    }
    expect(source).toMatch(/import\s*\{[^}]*\btest\b[^}]*\}\s*from\s*["'](\.\/|\.\.\/e2e\/)fixtures\.ts["']/);
  });
});
