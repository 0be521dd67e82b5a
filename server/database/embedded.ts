// The embedded default database: PGlite (PostgreSQL compiled to WebAssembly) with its data in a local
// folder, run on a worker thread of this process and spoken to in PostgreSQL's wire protocol, so the app
// talks to it exactly as it talks to a real PostgreSQL (one code path, one set of migrations, one Prisma
// adapter). The app's connections hand their bytes to the thread directly (server/database/in-process.ts);
// any other client connects to the Unix socket, in a private folder, that the thread serves.
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { serveInProcess } from "./in-process.ts";

export type EmbeddedDatabase = {
  url: string;
  stop: () => Promise<void>;
  /** The data folder as an uncompressed tar (tests save a migrated database once and load it per file). */
  dump: () => Promise<Blob>;
  /** The database thread's JavaScript heap in use after a full garbage collection (bytes). */
  threadHeapUsed: () => Promise<number>;
};

/**
 * PGlite is one PostgreSQL session shared by every connection. Through the socket, pglite-socket queues the
 * bytes each connection sends chunk by chunk; large queries arrive in several chunks, so with more than one
 * connection another connection's Parse/Bind can land in between ("portal does not exist", "bind message
 * supplies 7 parameters"). A client that uses the socket therefore takes a single connection;
 * app/utils/db.server.ts recognises this name in the URL. The app's own connections in this process hand
 * over whole requests instead (server/database/in-process.ts) and may be several.
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
  const socketDir = mkdtempSync(path.join(os.tmpdir(), "leernetwerk-pg-"));
  chmodSync(socketDir, 0o700);

  // PGlite runs on a thread of its own (server/database/pglite-thread.mjs), which also serves the socket.
  const loadDataDir = options.loadDataDir ? await options.loadDataDir.arrayBuffer() : undefined;
  const thread = new DatabaseThread({
    dataDir: inMemory ? dataDir : path.resolve(dataDir),
    loadDataDir,
    socketPath: path.join(socketDir, ".s.PGSQL.5432"),
  });
  try {
    await thread.ready;
  } catch (error) {
    rmSync(socketDir, { recursive: true, force: true });
    throw error;
  }
  // The app's own connections (app/utils/db.server.ts) and the migrations skip the socket.
  let connections = 0;
  const stopServingInProcess = serveInProcess(socketDir, {
    connect() {
      const connection = ++connections;
      return {
        exec: async (batch) => (await thread.request({ type: "exec", connection, batch })).answer as Uint8Array,
        close: async () => {
          await thread.request({ type: "close", connection });
        },
      };
    },
  });

  let stopped = false;
  return {
    // application_name marks the URL as the embedded database: a client through the socket then uses ONE
    // connection (see EMBEDDED_APPLICATION_NAME).
    url: `postgresql://postgres:postgres@localhost/postgres?host=${encodeURIComponent(socketDir)}&application_name=${EMBEDDED_APPLICATION_NAME}`,
    dump: async () => new Blob([(await thread.request({ type: "dump" })).dump as ArrayBuffer]),
    threadHeapUsed: async () => (await thread.request({ type: "heap" })).heapUsed as number,
    async stop() {
      if (stopped) return;
      stopped = true;
      stopServingInProcess();
      // Stops the socket and closes PGlite, which flushes its data to disk.
      await thread.request({ type: "stop" });
      await thread.terminate();
      rmSync(socketDir, { recursive: true, force: true });
    },
  };
}

type Reply = { id?: number; type?: string; error?: string; [key: string]: unknown };

/**
 * The worker thread that holds PGlite, and its requests: each message gets an id and a promise for the
 * reply. The thread keeps the process alive only while a request waits for its answer, so a script that
 * forgets to stop the database still ends.
 */
class DatabaseThread {
  readonly ready: Promise<void>;
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (reply: Reply) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private failure: Error | null = null;

  constructor(workerData: { dataDir: string; loadDataDir?: ArrayBuffer; socketPath: string }) {
    this.worker = new Worker(new URL("./pglite-thread.mjs", import.meta.url), {
      workerData,
      transferList: workerData.loadDataDir ? [workerData.loadDataDir] : [],
    });
    this.ready = new Promise((resolve, reject) => {
      const onReady = (reply: Reply) => {
        if (reply.type === "ready") resolve();
        else if (reply.type === "failed") reject(new Error(`PGlite could not start: ${reply.error}`));
        else return;
        this.worker.off("message", onReady);
        this.worker.on("message", (message: Reply) => this.settle(message));
        this.worker.unref();
      };
      this.worker.on("message", onReady);
      this.worker.once("error", reject);
    });
    this.worker.on("error", (error) => this.fail(error));
    this.worker.on("exit", (code) => this.fail(new Error(`the PGlite thread stopped (exit code ${code})`)));
  }

  request(message: { type: string; connection?: number; batch?: Uint8Array }): Promise<Reply> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<Reply>((resolve, reject) => {
      if (this.waiting.size === 0) this.worker.ref();
      this.waiting.set(id, { resolve, reject });
      if (message.batch) {
        // The bytes in an ArrayBuffer of their own, handed over rather than copied: a Buffer is often a view
        // of a larger shared one, which posting would copy whole.
        const batch = new Uint8Array(message.batch);
        this.worker.postMessage({ ...message, batch, id }, [batch.buffer]);
      } else {
        this.worker.postMessage({ ...message, id });
      }
    });
  }

  async terminate(): Promise<void> {
    this.failure ??= new Error("the embedded database was stopped");
    await this.worker.terminate();
  }

  private settle(reply: Reply) {
    const waiter = reply.id === undefined ? undefined : this.waiting.get(reply.id);
    if (!waiter) return;
    this.waiting.delete(reply.id!);
    if (this.waiting.size === 0) this.worker.unref();
    if (reply.error !== undefined) waiter.reject(new Error(reply.error));
    else waiter.resolve(reply);
  }

  private fail(error: Error) {
    this.failure ??= error;
    for (const waiter of this.waiting.values()) waiter.reject(this.failure);
    this.waiting.clear();
  }
}
