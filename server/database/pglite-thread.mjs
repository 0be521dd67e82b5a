// The embedded PGlite's own thread (started by server/database/embedded.ts). PostgreSQL compiled to
// WebAssembly runs its statements on the thread that holds it; here that is this worker, so the app's
// thread renders pages while the database works, as it does beside a real PostgreSQL server.
//
// Plain JavaScript on purpose: a worker thread does not inherit a TypeScript loader in every runner (the
// tests run under Vitest), and this file only passes bytes between the app and PGlite.
//
// Messages from the app's thread:
//   { id, type: "exec", connection, batch }  wire-protocol messages of one connection's request (see
//                                server/database/in-process.ts); answered with { id, answer } (the bytes)
//   { id, type: "close", connection }  the connection is gone: its open transaction is rolled back and its
//                                prepared statements are dropped; answered with { id }
//   { id, type: "dump" }         the data folder as an uncompressed tar; answered with { id, dump }
//   { id, type: "heap" }         this thread's JavaScript heap in use after a full garbage collection, in
//                                bytes; answered with { id, heapUsed } (tests: statements leave nothing behind)
//   { id, type: "stop" }         stop the socket, close PGlite (flushes the data); answered with { id }
// Any failure is answered with { id, error } (a message).
//
// PGlite is one PostgreSQL session, which the app's connections share. Requests run one at a time, in the
// order they came, with one exception: while a connection's transaction is open (its last answer ended in
// "in a transaction"), only that connection's requests run, so no other request lands inside it. Each
// connection names its own prepared statements (app/utils/db.server.ts), so they never collide.
import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

const { dataDir, loadDataDir, socketPath } = workerData;

let db;
let server;
try {
  db = await PGlite.create(dataDir, { loadDataDir: loadDataDir ? new Blob([loadDataDir]) : undefined });
  // The socket serves every client that connects with the URL (e.g. a tool or another library); the app's
  // own connections use the messages below.
  server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 32 });
  await server.start();
} catch (error) {
  parentPort.postMessage({ type: "failed", error: error instanceof Error ? error.stack : String(error) });
  process.exit(1);
}

const READY_FOR_QUERY = 0x5a; // "Z"
const IDLE = 0x49; // "I"
const PARSE = 0x50; // "P"

/** The connection whose transaction is open, or null. */
let owner = null;
/** Set by "stop": later requests are refused (a connection's "close" has nothing left to clear). */
let stopped = false;
/** Requests waiting to run: { connection, run, refuse }. */
const queue = [];
let running = false;
/** Prepared statement names per connection (from its Parse messages), dropped when it closes. */
const statements = new Map();

/** Runs waiting requests in order, keeping to the connection whose transaction is open. */
async function pump() {
  if (running) return;
  running = true;
  try {
    while (queue.length > 0) {
      if (stopped) {
        for (const request of queue.splice(0)) request.refuse();
        break;
      }
      // A transaction of a socket client (not one of ours) is waited out.
      if (owner === null && db.isInTransaction()) {
        setTimeout(pump, 1);
        break;
      }
      const index = owner === null ? 0 : queue.findIndex((request) => request.connection === owner);
      if (index === -1) break; // the owner's next request starts the queue again
      const [request] = queue.splice(index, 1);
      await request.run();
    }
  } finally {
    running = false;
  }
}

function enqueue(connection, work) {
  if (stopped) return Promise.reject(new Error("the embedded database was stopped"));
  return new Promise((resolve, reject) => {
    const refuse = () => reject(new Error("the embedded database was stopped"));
    queue.push({ connection, run: () => work().then(resolve, reject), refuse });
    pump();
  });
}

function rememberStatements(connection, batch) {
  const view = new DataView(batch.buffer, batch.byteOffset, batch.byteLength);
  // A startup message (a connection's first, without a type byte: its length's first byte is 0) is skipped.
  const start = batch[0] === 0 ? view.getInt32(0) : 0;
  for (let offset = start; offset + 5 <= batch.length; offset += 1 + view.getInt32(offset + 1)) {
    if (batch[offset] !== PARSE) continue;
    const end = batch.indexOf(0, offset + 5);
    if (end <= offset + 5) continue; // the unnamed statement
    const name = Buffer.from(batch.subarray(offset + 5, end)).toString("utf8");
    if (!statements.has(connection)) statements.set(connection, new Set());
    statements.get(connection).add(name);
  }
}

async function exec(connection, batch) {
  rememberStatements(connection, batch);
  // execProtocol, not execProtocolRaw: both parse PGlite's answer into message objects, but the raw call
  // adds them to a list that only execProtocol starts afresh, so through the raw call alone every answer
  // was kept for good (about 0.5 KB per statement: this thread's heap grew by 10 MB per 20,000 statements,
  // the server to 2.6 GB after a long benchmark; issue 18). What the socket's clients (which use the raw
  // call) leave there goes with the app's next statement. Errors are the driver's to read in the bytes.
  const { data } = await db.runExclusive(() => db.execProtocol(batch, { throwOnError: false }));
  // Handed to the app's thread without copying again: the bytes need an ArrayBuffer of their own.
  const answer = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : new Uint8Array(data);
  // ReadyForQuery ("Z", length 5, status) ends an answer: "I" idle, "T" / "E" inside a transaction.
  const at = answer.length - 6;
  if (at >= 0 && answer[at] === READY_FOR_QUERY) owner = answer[at + 5] === IDLE ? null : connection;
  return answer;
}

async function close(connection) {
  if (owner === connection) {
    owner = null;
    await db.exec("ROLLBACK"); // exec takes PGlite's lock itself
  }
  for (const name of statements.get(connection) ?? []) {
    // A statement whose Parse failed does not exist: nothing to drop.
    await db.exec(`DEALLOCATE "${name.replaceAll('"', '""')}"`).catch(() => {});
  }
  statements.delete(connection);
}

/** A full garbage collection, for "heap" only (V8's gc function, made available when first asked for). */
let gc;
function collectGarbage() {
  if (!gc) {
    setFlagsFromString("--expose-gc");
    gc = runInNewContext("gc");
  }
  gc();
}

async function answer(message) {
  switch (message.type) {
    case "exec": {
      const answer = await enqueue(message.connection, () => exec(message.connection, message.batch));
      return [{ id: message.id, answer }, [answer.buffer]];
    }
    case "close":
      if (!stopped) await enqueue(message.connection, () => close(message.connection));
      return [{ id: message.id }, []];
    case "heap":
      collectGarbage();
      return [{ id: message.id, heapUsed: getHeapStatistics().used_heap_size }, []];
    case "dump": {
      const dump = await (await db.dumpDataDir("none")).arrayBuffer();
      return [{ id: message.id, dump }, [dump]];
    }
    case "stop": {
      stopped = true;
      // The request running now finishes first; the waiting ones are refused.
      while (running) await new Promise((resolve) => setTimeout(resolve, 5));
      await server.stop();
      // Closing flushes PGlite's data to disk; skipping it risks a damaged data folder.
      await db.close();
      return [{ id: message.id }, []];
    }
    default:
      throw new Error(`unknown message ${message.type}`);
  }
}

parentPort.on("message", (message) => {
  answer(message).then(
    ([reply, transfer]) => parentPort.postMessage(reply, transfer),
    (error) =>
      parentPort.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
parentPort.postMessage({ type: "ready" });
