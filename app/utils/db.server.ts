// The one Prisma client. It speaks the PostgreSQL wire protocol to either a real PostgreSQL or the
// embedded PGlite, whose URL server/database/ puts into DATABASE_URL before the app is loaded.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client.ts";
import { getEnv } from "./env.server.ts";

/** The embedded PGlite takes one connection at a time (see server/database/embedded.ts). */
function isEmbedded(url: string | undefined): boolean {
  return Boolean(url && /[?&]application_name=leernetwerk-embedded(&|$)/.test(url));
}

function createClient() {
  const env = getEnv();
  const url = env.DATABASE_URL;
  const adapter = new PrismaPg({
    // Without DATABASE_URL nothing can connect; the placeholder makes the first query fail loudly.
    connectionString: url ?? "postgresql://database-url-not-set@127.0.0.1:1/none",
    max: isEmbedded(url) ? 1 : env.DATABASE_POOL_SIZE,
  });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { __leernetwerkPrisma?: ReturnType<typeof createClient> };

export const prisma = (globalForPrisma.__leernetwerkPrisma ??= createClient());
