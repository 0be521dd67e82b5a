// The embedded default database: PGlite (PostgreSQL compiled to WebAssembly) with its data in a local
// folder, served in-process over a Unix socket in a private folder, so the app talks to it exactly as it
// talks to a real PostgreSQL (one code path, one set of migrations, one Prisma adapter).
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedDatabase = {
  url: string;
  stop: () => Promise<void>;
  /** The data folder as an uncompressed tar (tests save a migrated database once and load it per file). */
  dump: () => Promise<Blob>;
};

/**
 * PGlite is one PostgreSQL session shared by every socket connection, and pglite-socket queues the bytes
 * each connection sends chunk by chunk. Large queries arrive in several chunks, so with more than one
 * connection another connection's Parse/Bind can land in between ("portal does not exist", "bind message
 * supplies 7 parameters"). The app therefore talks to the embedded database over a single connection
 * (PGlite runs one query at a time anyway); app/utils/db.server.ts recognises this name in the URL.
 */
export const EMBEDDED_APPLICATION_NAME = "leernetwerk-embedded";

/**
 * dataDir: a folder path, or "memory://" for a throw-away database (tests). loadDataDir: a dump made by
 * `dump()` to start from instead of an empty database (skips initdb, which is most of the start-up time).
 */
export async function startEmbeddedDatabase(
  dataDir: string,
  options: { loadDataDir?: Blob } = {},
): Promise<EmbeddedDatabase> {
  const inMemory = dataDir.startsWith("memory://");
  // PGlite does not create missing parent folders.
  if (!inMemory) mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  const db = await PGlite.create(inMemory ? dataDir : path.resolve(dataDir), {
    loadDataDir: options.loadDataDir,
  });

  const socketDir = mkdtempSync(path.join(os.tmpdir(), "leernetwerk-pg-"));
  chmodSync(socketDir, 0o700);
  const server = new PGLiteSocketServer({
    db,
    path: path.join(socketDir, ".s.PGSQL.5432"),
    maxConnections: 32,
  });
  await server.start();

  let stopped = false;
  return {
    // application_name marks the URL as the embedded database: the app then uses ONE connection (see
    // EMBEDDED_APPLICATION_NAME).
    url: `postgresql://postgres:postgres@localhost/postgres?host=${encodeURIComponent(socketDir)}&application_name=${EMBEDDED_APPLICATION_NAME}`,
    dump: () => db.dumpDataDir("none"),
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      // Closing flushes PGlite's data to disk; skipping it risks a damaged data folder.
      await db.close();
      rmSync(socketDir, { recursive: true, force: true });
    },
  };
}
