// Applies prisma/migrations/*/migration.sql in order, each in its own transaction, and records them in
// `_prisma_migrations` in Prisma's own format (so `prisma migrate status` agrees). The same code runs
// against the embedded PGlite (through its socket) and a real PostgreSQL. An advisory lock keeps several
// web nodes that start together from racing each other.
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { inProcessStream } from "./in-process.ts";

const MIGRATION_LOCK_ID = 72_730_001;

export const defaultMigrationsDir = path.resolve(import.meta.dirname, "../../prisma/migrations");

export type MigrationResult = { applied: string[]; alreadyApplied: number };

export async function migrate(
  connectionString: string,
  migrationsDir: string = defaultMigrationsDir,
): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString, stream: inProcessStream(connectionString) });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    await client.query(`
      CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
        "id" VARCHAR(36) PRIMARY KEY NOT NULL,
        "checksum" VARCHAR(64) NOT NULL,
        "finished_at" TIMESTAMPTZ,
        "migration_name" VARCHAR(255) NOT NULL,
        "logs" TEXT,
        "rolled_back_at" TIMESTAMPTZ,
        "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
        "applied_steps_count" INTEGER NOT NULL DEFAULT 0
      )`);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations"
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((row) => [row.migration_name, row.checksum]));
    const names = existsSync(migrationsDir)
      ? readdirSync(migrationsDir, { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => entry.name)
          .sort()
      : [];
    const applied: string[] = [];
    for (const name of names) {
      const file = path.join(migrationsDir, name, "migration.sql");
      if (!existsSync(file)) continue;
      const sql = readFileSync(file, "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      const known = done.get(name);
      if (known !== undefined) {
        if (known !== checksum) {
          console.warn(`[migrate] ${name} was changed after it was applied; it is not applied again.`);
        }
        continue;
      }
      await client.query("BEGIN");
      try {
        // A parameterless query uses PostgreSQL's simple protocol, which accepts a whole file at once.
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations"
             (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, now(), 1)`,
          [randomUUID(), checksum, name],
        );
        await client.query("COMMIT");
        applied.push(name);
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${name} failed: ${(error as Error).message}`);
      }
    }
    return { applied, alreadyApplied: done.size };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]).catch(() => {});
    await client.end();
  }
}
