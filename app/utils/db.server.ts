// The one Prisma client. It speaks the PostgreSQL wire protocol to either a real PostgreSQL or the
// embedded PGlite, whose URL server/database/ puts into DATABASE_URL before the app is loaded.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "~/generated/prisma/client.ts";

/** The embedded PGlite takes one connection at a time (see server/database/embedded.ts). */
function isEmbedded(url: string | undefined): boolean {
  return Boolean(url && /[?&]application_name=leernetwerk-embedded(&|$)/.test(url));
}

// Every SQL statement the app sends passes here, so the query-budget test (tests/db/query-budget.test.ts)
// can count a page's round trips exactly. Without a listener this costs one size check per statement.
type QueryListener = (sql: string) => void;
const globalListeners = globalThis as unknown as { __leernetwerkQueryListeners?: Set<QueryListener> };
const queryListeners = (globalListeners.__leernetwerkQueryListeners ??= new Set<QueryListener>());

/** Calls `listener` with the text of every statement sent to the database until the returned function runs. */
export function onDatabaseQuery(listener: QueryListener): () => void {
  queryListeners.add(listener);
  return () => queryListeners.delete(listener);
}

class ObservedClient extends pg.Client {}
const sendQuery = pg.Client.prototype.query;
ObservedClient.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  if (queryListeners.size > 0) {
    const [first] = args;
    const sql = typeof first === "string" ? first : String((first as { text?: unknown } | null)?.text ?? "");
    for (const listener of queryListeners) listener(sql);
  }
  return (sendQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof sendQuery;

function createClient() {
  const url = process.env.DATABASE_URL;
  const adapter = new PrismaPg({
    // Without DATABASE_URL nothing can connect; the placeholder makes the first query fail loudly.
    connectionString: url ?? "postgresql://database-url-not-set@127.0.0.1:1/none",
    max: isEmbedded(url) ? 1 : Number(process.env.DATABASE_POOL_SIZE ?? 10),
    Client: ObservedClient,
  });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { __leernetwerkPrisma?: ReturnType<typeof createClient> };

export const prisma = (globalForPrisma.__leernetwerkPrisma ??= createClient());
