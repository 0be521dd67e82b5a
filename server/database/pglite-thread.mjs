// The embedded PGlite's own thread (started by server/database/embedded.ts). PostgreSQL compiled to
// WebAssembly runs its statements on the thread that holds it; here that is this worker, so the app's
// thread renders pages while the database works, as it does beside a real PostgreSQL server.
//
// Plain JavaScript on purpose: a worker thread does not inherit a TypeScript loader in every runner (the
// tests run under Vitest), and this file only passes bytes between the app and PGlite.
//
// Messages from the app's thread:
//   { id, type: "exec", batch }  wire-protocol messages for PGlite (one connection's request, see
//                                server/database/in-process.ts); answered with { id, answer } (the bytes)
//   { id, type: "dump" }         the data folder as an uncompressed tar; answered with { id, dump }
//   { id, type: "stop" }         stop the socket, close PGlite (flushes the data); answered with { id }
// Any failure is answered with { id, error } (a message).
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

/** A copy of `bytes` in an ArrayBuffer of its own (sent without copying again). */
function ownCopy(bytes) {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy;
}

async function answer(message) {
  switch (message.type) {
    case "exec": {
      // PGlite's lock: one request at a time, also against the socket's clients.
      const answer = ownCopy(await db.runExclusive(() => db.execProtocolRaw(message.batch)));
      return [{ id: message.id, answer }, [answer.buffer]];
    }
    case "dump": {
      const dump = await (await db.dumpDataDir("none")).arrayBuffer();
      return [{ id: message.id, dump }, [dump]];
    }
    case "stop": {
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
