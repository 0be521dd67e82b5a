// A driver-adapter factory for the Prisma CLI's WebAssembly schema engine, backed by throw-away
// in-memory PGlite databases. It lets `prisma generate` and `prisma migrate diff` run without any
// database server (see ../shared/STACK.md). Never used at run time.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

function patchAdapter(adapter: SqlDriverAdapter, db: PGlite): SqlDriverAdapter {
  // The schema engine replays each migration file as one argument-less executeRaw, which PGlite's
  // extended protocol rejects when the file has several statements: run those as a script instead.
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    if (query.args.length === 0) {
      await db.exec(query.sql);
      return 0;
    }
    return executeRaw(query);
  };
  // pglite-prisma-adapter does not await its script; we do.
  adapter.executeScript = async (script) => {
    await db.exec(script);
  };
  // Close the database when the CLI lets go of it, or the CLI never exits.
  adapter.dispose = async () => {
    if (!db.closed) await db.close();
  };
  return adapter;
}

export function pgliteSchemaAdapterFactory(): SqlMigrationAwareDriverAdapterFactory {
  const open = async () => {
    const db = await PGlite.create("memory://");
    // pglite-prisma-adapter bundles its own (older) copy of the adapter types; the shapes match.
    const adapter = (await new PrismaPGlite(db).connect()) as unknown as SqlDriverAdapter;
    return patchAdapter(adapter, db);
  };
  return {
    provider: "postgres",
    adapterName: "pglite-schema-adapter",
    connect: open,
    connectToShadowDb: open,
  };
}
