// Every database test file gets its own fresh, migrated database, so files can run in parallel:
// an in-memory PGlite by default, or a new database on the PostgreSQL server at TEST_POSTGRES_URL.
// DATABASE_URL is set before the test file imports any app code.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { afterAll } from "vitest";
import { startEmbeddedDatabase } from "../../server/database/embedded.ts";
import { migrate } from "../../server/database/migrate.ts";
import { pgliteTemplatePath } from "./database-template.ts";

async function createPostgresDatabase(adminUrl: string) {
  const name = `leernetwerk_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async stop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

const adminUrl = process.env.TEST_POSTGRES_URL;
// On PGlite the file starts from the migrated dump made once per run (tests/setup/database-template.ts);
// migrate() then finds nothing to do. Without the dump (e.g. the redis project) it starts empty.
function pgliteTemplate(): Blob | undefined {
  try {
    return new Blob([readFileSync(pgliteTemplatePath())]);
  } catch {
    return undefined;
  }
}
const database = adminUrl
  ? await createPostgresDatabase(adminUrl)
  : await startEmbeddedDatabase("memory://", { loadDataDir: pgliteTemplate() });
await migrate(database.url);
process.env.DATABASE_URL = database.url;
process.env.TEST_DATABASE_KIND = adminUrl ? "postgresql" : "pglite";

afterAll(async () => {
  const { prisma } = await import("../../app/utils/db.server.ts");
  await prisma.$disconnect();
  await database.stop();
});
