// The app's connection to the embedded PGlite when both live in one process: the driver (node-postgres)
// writes the same PostgreSQL wire protocol as always, but into a stream that hands it straight to PGlite
// instead of through the Unix socket that pglite-socket serves (server/database/embedded.ts).
//
// Why (issue 18): through the socket every statement went driver → socket → pglite-socket, which hands
// PGlite each protocol message on its own (Parse, Bind, Describe, Execute, Sync: five calls, each with its
// own lock, file-system sync and socket write back) → socket → driver. A "SELECT 1" cost about 0.12 ms of
// CPU that way against 0.04–0.06 ms handed over directly, and every page sends one or two statements.
//
// Here the messages of one request are collected up to the point where a PostgreSQL server answers anyway
// (Sync, Flush, a simple Query) and handed to PGlite's thread (server/database/pglite-thread.mjs) in one
// message; its answer is read back as if from a socket. What the driver sees is the same byte stream, so
// Prisma, the pool, prepared statements and transactions work unchanged. The thread runs the requests of
// several connections one at a time and keeps an open transaction to the connection that began it.
//
// The socket stays open for every other client (e.g. a tool given DATABASE_URL); only connections made in
// the process that runs PGlite, for the URL it serves, take this way (`inProcessStream`).
import { Duplex } from "node:stream";

/** The embedded database, to which connections are opened (server/database/embedded.ts). */
export type EmbeddedExecutor = { connect: () => EmbeddedSession };
/** One connection: runs its wire-protocol messages and gives the answer; `close` when it is gone. */
export type EmbeddedSession = { exec: (batch: Uint8Array) => Promise<Uint8Array>; close: () => Promise<void> };

// Databases served in this process, by the folder of their socket (the URL's `host`). Kept on globalThis:
// the app's bundle and the server's own modules each load this file, and both must find the same entry.
const KEY = Symbol.for("leernetwerk.in-process-databases");
const registry = globalThis as unknown as { [KEY]?: Map<string, EmbeddedExecutor> };
registry[KEY] ??= new Map<string, EmbeddedExecutor>();
const databases = registry[KEY];

/** Makes connections to `socketDir` in this process go straight to `db`, until the returned function runs. */
export function serveInProcess(socketDir: string, db: EmbeddedExecutor): () => void {
  databases.set(socketDir, db);
  return () => {
    if (databases.get(socketDir) === db) databases.delete(socketDir);
  };
}

/**
 * For node-postgres's `stream` option: a factory of in-process connections when `connectionString` names
 * an embedded database served by this process, else undefined (the driver opens a socket as usual).
 */
export function inProcessStream(connectionString: string | undefined): (() => Duplex) | undefined {
  if (!connectionString) return undefined;
  let host: string | null;
  try {
    host = new URL(connectionString).searchParams.get("host");
  } catch {
    return undefined;
  }
  const db = host ? databases.get(host) : undefined;
  return db ? () => new InProcessConnection(db.connect()) : undefined;
}

// Message types after which a PostgreSQL server sends what it has: Sync, Flush, a simple Query. A
// Terminate ends the connection without reaching PGlite (its session is shared; see `_final`).
const ANSWERED_AFTER = new Set(["S".charCodeAt(0), "H".charCodeAt(0), "Q".charCodeAt(0)]);
const TERMINATE = "X".charCodeAt(0);

/**
 * One driver connection, as a socket-like duplex stream: what the driver writes is the request, what it
 * reads is PGlite's answer. The driver calls connect/setNoDelay/setKeepAlive/ref/unref on a socket; here
 * those are no-ops apart from announcing the connection.
 */
export class InProcessConnection extends Duplex {
  /** Bytes written and not yet handed to PGlite (incomplete messages, or messages not yet answered). */
  private pending: Buffer = Buffer.alloc(0);
  /** Whether the startup message (the first one, without a type byte) has been handed over. */
  private started = false;
  /** Each batch waits for the one before it, so answers come back in the order of the requests. */
  private queue: Promise<void> = Promise.resolve();
  private closing: Promise<void> | null = null;

  constructor(private readonly session: EmbeddedSession) {
    super();
  }

  connect(): this {
    queueMicrotask(() => this.emit("connect"));
    return this;
  }
  setNoDelay(): this {
    return this;
  }
  setKeepAlive(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }

  override _read(): void {
    // Answers are pushed as they come.
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const batch = this.takeAnswerable();
    if (batch) this.send(batch);
    callback();
  }

  /** The complete messages up to and including the last one a server answers, taken from `pending`. */
  private takeAnswerable(): Buffer | null {
    const buffer = this.pending;
    let offset = 0;
    let end = 0;
    if (!this.started) {
      if (buffer.length < 4 || buffer.length < buffer.readInt32BE(0)) return null;
      // The startup message is answered at once.
      this.started = true;
      end = offset = buffer.readInt32BE(0);
    }
    while (buffer.length - offset >= 5) {
      const length = 1 + buffer.readInt32BE(offset + 1);
      if (buffer.length - offset < length) break;
      const type = buffer[offset]!;
      if (type === TERMINATE) {
        // Nothing after a Terminate is read; the driver ends the stream next.
        end = offset;
        this.pending = Buffer.alloc(0);
        return end > 0 ? buffer.subarray(0, end) : null;
      }
      offset += length;
      if (ANSWERED_AFTER.has(type)) end = offset;
    }
    if (end === 0) return null;
    this.pending = buffer.subarray(end);
    return buffer.subarray(0, end);
  }

  private send(batch: Buffer): void {
    this.queue = this.queue.then(async () => {
      if (this.destroyed) return;
      try {
        const answer = await this.session.exec(batch);
        if (answer.length > 0) this.push(Buffer.from(answer.buffer, answer.byteOffset, answer.byteLength));
      } catch (error) {
        this.destroy(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.close().then(
      () => {
        this.push(null);
        callback();
      },
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
    );
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    // Also a connection the driver drops (an error, a timeout) is closed on the database's side.
    this.close().catch(() => {});
    callback(error);
  }

  /**
   * Once, after the requests sent: the session is shared, so what this connection leaves (an open
   * transaction, its prepared statements) is cleared by the database's thread.
   */
  private close(): Promise<void> {
    this.closing ??= this.queue.then(() => this.session.close());
    return this.closing;
  }
}
