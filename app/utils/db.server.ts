// The one Prisma client. It speaks the PostgreSQL wire protocol to either a real PostgreSQL or the
// embedded PGlite, whose URL server/database/ puts into DATABASE_URL before the app is loaded.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "~/generated/prisma/client.ts";
import { inProcessStream } from "../../server/database/in-process.ts";
import { getEnv } from "./env.server.ts";
import { cachePrismaQueryPlans } from "./query-plans.server.ts";

/** The embedded PGlite: one session shared by its connections (see server/database/embedded.ts). */
function isEmbedded(url: string | undefined): boolean {
  return Boolean(url && /[?&]application_name=leernetwerk-embedded(&|$)/.test(url));
}

// Every SQL statement the app sends passes here, so the query-budget test (tests/db/query-budget.test.ts)
// can count a page's round trips exactly. Without a listener this costs one size check per statement.
type QueryListener = (sql: string) => void;
const globalListeners = globalThis as unknown as { __leernetwerkQueryListeners?: Set<QueryListener> };
globalListeners.__leernetwerkQueryListeners ??= new Set<QueryListener>();
const queryListeners = globalListeners.__leernetwerkQueryListeners;

/** Calls `listener` with the text of every statement sent to the database until the returned function runs. */
export function onDatabaseQuery(listener: QueryListener): () => void {
  queryListeners.add(listener);
  return () => queryListeners.delete(listener);
}

// Statements are sent as named (prepared) statements, so the database parses and plans each distinct
// statement once per connection instead of on every request. Prisma sends the same SQL text for the same
// query shape (values are parameters), and planning the nested JSON queries of a page cost PGlite more than
// running them (3.4 ms of planning against 1.4 ms for a start page's query). The number of names is capped,
// so statements whose text varies (IN lists of different lengths) cannot grow the server's memory without
// bound; past the cap a statement is sent unnamed, as before.
const MAX_PREPARED_STATEMENTS = 500;
const PREPARABLE = /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i;
const statementNames = new Map<string, string>();
function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (!name && statementNames.size < MAX_PREPARED_STATEMENTS && PREPARABLE.test(text)) {
    name = `ln${statementNames.size + 1}`;
    statementNames.set(text, name);
  }
  return name;
}

type QueryConfig = { text?: unknown; name?: unknown };
type Send = (...args: unknown[]) => Promise<unknown>;
const sendQuery = pg.Client.prototype.query as unknown as Send;

/**
 * The driver's client class for the pool: tells the listeners about every statement and names the
 * preparable ones. Each client adds its own number to the names: the connections to the embedded PGlite
 * share one database session, where two connections preparing the same name would collide ("already
 * exists"); the database's thread drops a connection's statements when it closes
 * (server/database/pglite-thread.mjs). On a real PostgreSQL each connection is a session of its own anyway.
 */
let clientCount = 0;
class ObservedClient extends pg.Client {
  readonly statementSuffix = `_${++clientCount}`;
}
ObservedClient.prototype.query = function (this: ObservedClient, ...args: unknown[]) {
  const [first] = args;
  const config = first && typeof first === "object" ? (first as QueryConfig) : null;
  if (queryListeners.size > 0) {
    const sql = typeof first === "string" ? first : String(config?.text ?? "");
    for (const listener of queryListeners) listener(sql);
  }
  if (config && typeof config.text === "string" && config.name === undefined) {
    const name = statementName(config.text);
    if (name) args[0] = { ...config, name: name + this.statementSuffix };
  }
  return sendQuery.apply(this, args);
} as typeof pg.Client.prototype.query;

/**
 * Connections to the embedded database in this process. Its thread runs one request at a time, but with a
 * few connections the next requests wait there, not in this thread, which meanwhile renders pages: one
 * connection left PGlite's thread idle while a page was rendered (issue 18).
 */
const EMBEDDED_CONNECTIONS = 4;

function createClient() {
  const env = getEnv();
  const url = env.DATABASE_URL;
  // The pool is made here and handed to Prisma, so readRows (below) can use the same connections.
  // allowExitOnIdle: a script that disconnects Prisma can end while idle connections remain (Prisma does
  // not end a pool it was given).
  // The embedded database of this process is reached without its socket (server/database/in-process.ts).
  const stream = inProcessStream(url);
  const pool = new pg.Pool({
    Client: ObservedClient,
    // Without DATABASE_URL nothing can connect; the placeholder makes the first query fail loudly.
    connectionString: url ?? "postgresql://database-url-not-set@127.0.0.1:1/none",
    stream,
    // Through the socket the embedded database takes one connection (see server/database/embedded.ts).
    max: stream ? EMBEDDED_CONNECTIONS : isEmbedded(url) ? 1 : env.DATABASE_POOL_SIZE,
    // An in-process connection holds no socket: it is kept while idle (0 = never closed), and with it its
    // prepared statements and their plans, so the first pages after a quiet moment are not planned again.
    idleTimeoutMillis: stream ? 0 : undefined,
    allowExitOnIdle: true,
  });
  // An idle connection that drops (the database restarted or stopped) is taken out of the pool; the next
  // query opens a new one. As with the pool Prisma made itself, that is no error for the process.
  pool.on("error", () => {});
  const adapter = new PrismaPg(pool);
  // On the embedded database the statements of all connections run one at a time and an open transaction
  // keeps the database to itself, so a transaction may have to wait for the ones before it: give it longer
  // than Prisma's 2 s to start (a busy moment is not an error).
  const client = new PrismaClient({
    adapter,
    transactionOptions: isEmbedded(url) ? { maxWait: 15_000, timeout: 20_000 } : undefined,
  });
  return { client, pool };
}

const globalForPrisma = globalThis as unknown as { __leernetwerkDatabase?: ReturnType<typeof createClient> };

// Repeated queries skip Prisma's query compiler (app/utils/query-plans.server.ts).
void cachePrismaQueryPlans();
globalForPrisma.__leernetwerkDatabase ??= createClient();
export const prisma = globalForPrisma.__leernetwerkDatabase.client;
const pool = globalForPrisma.__leernetwerkDatabase.pool;

/**
 * Rows of one read-only statement, sent straight to the driver on Prisma's own connections (counted and
 * prepared like every statement). For the statement every signed-in request runs (the session check):
 * through Prisma's raw query path the same statement cost about twice the CPU (issue 18). Values are
 * parameters ($1, $2, ...); the driver's own types come back (timestamptz as Date, int4 as number).
 * Not for use inside a transaction: on the embedded database a statement on another connection waits until
 * the open transaction ends.
 */
export async function readRows<T>(text: string, values: unknown[]): Promise<T[]> {
  const result = await pool.query({ text, values });
  return result.rows as T[];
}
