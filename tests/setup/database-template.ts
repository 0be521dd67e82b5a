// One migrated PGlite database per test run, saved as a data-folder dump that every database test file
// loads instead of starting an empty PGlite (which runs initdb: most of a test file's set-up time) and
// migrating it. The dump's name carries a hash of the migrations, so a changed migration makes a new one.
// Used by the "db" project as its global set-up; on a real PostgreSQL (TEST_POSTGRES_URL) nothing is made.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { startEmbeddedDatabase } from "../../server/database/embedded.ts";
import { defaultMigrationsDir, migrate } from "../../server/database/migrate.ts";

const templateDir = path.resolve(import.meta.dirname, "../../tmp/test-db");

/** The path of the migrated dump for the migrations as they are now. */
export function pgliteTemplatePath(): string {
  const hash = createHash("sha256");
  hash.update(PGlite.name); // the dump format follows the PGlite version; the lock file pins it
  for (const name of readdirSync(defaultMigrationsDir).sort()) {
    const file = path.join(defaultMigrationsDir, name, "migration.sql");
    if (existsSync(file)) hash.update(name).update(readFileSync(file));
  }
  return path.join(templateDir, `pglite-${hash.digest("hex").slice(0, 16)}.tar`);
}

export default async function setup() {
  if (process.env.TEST_POSTGRES_URL) return;
  const target = pgliteTemplatePath();
  if (existsSync(target)) return;
  mkdirSync(templateDir, { recursive: true });
  const database = await startEmbeddedDatabase("memory://");
  try {
    await migrate(database.url);
    const dump = await database.dump();
    const partial = `${target}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, target);
  } finally {
    await database.stop();
  }
}
