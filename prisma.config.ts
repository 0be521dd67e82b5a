// Prisma CLI configuration. The CLI uses its WebAssembly schema engine with throw-away in-memory PGlite
// databases, so `prisma generate` and `prisma migrate diff` work without a database server or any
// downloaded engine. Migrations are applied by the app itself (app/db/migrate.server.ts).
import { defineConfig } from "prisma/config";
import { pgliteSchemaAdapterFactory } from "./prisma/tools/pglite-schema-adapter.ts";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  adapter: async () => pgliteSchemaAdapterFactory(),
});
