// Every database test file gets its own fresh, migrated database, so files can run in parallel:
// an in-memory PGlite by default, or a new database on the PostgreSQL server at TEST_POSTGRES_URL.
// DATABASE_URL is set before the test file imports any app code.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll } from "vitest";
import { startEmbeddedDatabase } from "../../server/database/embedded.ts";
import { migrate } from "../../server/database/migrate.ts";

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
const database = adminUrl ? await createPostgresDatabase(adminUrl) : await startEmbeddedDatabase("memory://");
await migrate(database.url);
process.env.DATABASE_URL = database.url;
process.env.TEST_DATABASE_KIND = adminUrl ? "postgresql" : "pglite";

afterAll(async () => {
  const { prisma } = await import("../../app/utils/db.server.ts");
  await prisma.$disconnect();
  await database.stop();
});
