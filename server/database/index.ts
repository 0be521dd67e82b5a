// Chooses the database at start-up: a real PostgreSQL when DATABASE_URL is set, otherwise the embedded
// PGlite in PGLITE_DATA_DIR. Either way the schema is migrated before the app serves a request.
import { clearEnvCache } from "../../app/utils/env.server.ts";
import { startEmbeddedDatabase } from "./embedded.ts";
import { migrate } from "./migrate.ts";

export type Database = { url: string; embedded: boolean; stop: () => Promise<void> };

export async function startDatabase(options: {
  databaseUrl?: string;
  pgliteDataDir: string;
  log?: (message: string) => void;
}): Promise<Database> {
  const log = options.log ?? (() => {});
  let database: Database;
  if (options.databaseUrl) {
    database = { url: options.databaseUrl, embedded: false, stop: async () => {} };
    log("Database: PostgreSQL (DATABASE_URL)");
  } else {
    const embedded = await startEmbeddedDatabase(options.pgliteDataDir);
    database = { url: embedded.url, embedded: true, stop: embedded.stop };
    log(`Database: embedded PGlite in ${options.pgliteDataDir}`);
  }
  try {
    const result = await migrate(database.url);
    if (result.applied.length > 0) log(`Migrations applied: ${result.applied.join(", ")}`);
  } catch (error) {
    await database.stop();
    throw error;
  }
  // The app's Prisma client reads this (app/utils/db.server.ts, through getEnv): parse the environment
  // again, so a copy parsed before the database was known does not keep the old value.
  process.env.DATABASE_URL = database.url;
  clearEnvCache();
  return database;
}
