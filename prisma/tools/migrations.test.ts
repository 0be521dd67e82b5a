// The drift check: fails when prisma/schema.prisma and prisma/migrations disagree (run
// `npm run db:migration -- <name>` to fix). Runs the Prisma CLI without a database server.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";

it("schema and migrations are in sync", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const result = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["prisma/tools/migrations.ts", "check"], {
    cwd: root,
    encoding: "utf8",
  });
  expect(result.stderr + result.stdout).toContain("in overeenstemming");
  expect(result.status).toBe(0);
}, 120_000);
