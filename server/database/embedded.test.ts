// The embedded PGlite on its own thread, reached by the app's connections without the socket
// (server/database/in-process.ts) and by any other client through the socket.
import { serialize } from "pg-protocol";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedDatabase, startEmbeddedDatabase } from "./embedded.ts";
import { InProcessConnection, inProcessStream } from "./in-process.ts";

let database: EmbeddedDatabase;
const clients: pg.Client[] = [];

/** A client as the app makes one: in-process when the URL is served by this process. */
async function appClient() {
  const client = new pg.Client({ connectionString: database.url, stream: inProcessStream(database.url) });
  await client.connect();
  clients.push(client);
  return client;
}

beforeAll(async () => {
  database = await startEmbeddedDatabase("memory://");
  const client = await appClient();
  await client.query("CREATE TABLE note (id int PRIMARY KEY, text text NOT NULL)");
  await client.end();
}, 60_000);

afterAll(async () => {
  for (const client of clients) await client.end().catch(() => {});
  await database.stop();
});

describe("the embedded database", () => {
  it("gives the app's connections a stream of their own, and other URLs none", () => {
    expect(inProcessStream(database.url)?.()).toBeInstanceOf(InProcessConnection);
    expect(inProcessStream("postgresql://someone@127.0.0.1:5432/leernetwerk")).toBeUndefined();
    expect(inProcessStream("postgresql://postgres@localhost/postgres?host=/tmp/not-served")).toBeUndefined();
    expect(inProcessStream(undefined)).toBeUndefined();
  });

  it("answers parameters, prepared statements and simple queries in order", async () => {
    const client = await appClient();
    const named = { name: "twice", text: "SELECT $1::int * 2 AS twice" };
    const answers: number[] = [];
    for (const n of [1, 2, 3]) answers.push((await client.query({ ...named, values: [n] })).rows[0].twice);
    expect(answers).toEqual([2, 4, 6]);
    const many = await client.query("SELECT 1 AS one; SELECT 'twee' AS two");
    expect((many as unknown as pg.QueryResult[]).map((result) => result.rows[0])).toEqual([
      { one: 1 },
      { two: "twee" },
    ]);
  });

  it("reports a failing statement and stays usable", async () => {
    const client = await appClient();
    await expect(client.query("SELECT * FROM no_such_table")).rejects.toThrow(/no_such_table/);
    await expect(client.query({ text: "SELECT $1::int AS n", values: ["geen getal"] })).rejects.toThrow(/integer/);
    expect((await client.query("SELECT 7 AS n")).rows).toEqual([{ n: 7 }]);
  });

  it("rolls back what a connection leaves open when it closes", async () => {
    const first = await appClient();
    await first.query("BEGIN");
    await first.query("INSERT INTO note VALUES (1, 'niet bevestigd')");
    await first.end();
    const second = await appClient();
    expect((await second.query("SELECT count(*)::int AS n FROM note")).rows).toEqual([{ n: 0 }]);
    await second.query("BEGIN");
    await second.query("INSERT INTO note VALUES (2, 'bevestigd')");
    await second.query("COMMIT");
    expect((await second.query("SELECT id FROM note")).rows).toEqual([{ id: 2 }]);
  });

  it("keeps an open transaction to the connection that began it", async () => {
    const writer = await appClient();
    const reader = await appClient();
    await writer.query("BEGIN");
    await writer.query("INSERT INTO note VALUES (4, 'in een transactie')");
    // The reader's statement waits for the transaction to end instead of running inside it.
    let read: Promise<pg.QueryResult> | null = reader.query("SELECT count(*)::int AS n FROM note WHERE id = 4");
    const early = await Promise.race([read.then(() => "answered"), new Promise((r) => setTimeout(r, 200, "waits"))]);
    expect(early).toBe("waits");
    await writer.query("ROLLBACK");
    expect((await read).rows).toEqual([{ n: 0 }]);
    read = null;
  });

  it("drops a closed connection's prepared statements, so another connection may use the name", async () => {
    const first = await appClient();
    await first.query({ name: "same-name", text: "SELECT 1 AS n" });
    await first.end();
    const second = await appClient();
    expect((await second.query({ name: "same-name", text: "SELECT 2 AS n" })).rows).toEqual([{ n: 2 }]);
  });

  it("carries a large statement and a large answer", async () => {
    const client = await appClient();
    const text = "x".repeat(300_000);
    await client.query({ text: "INSERT INTO note VALUES (3, $1)", values: [text] });
    const { rows } = await client.query("SELECT text FROM note WHERE id = 3");
    expect(rows[0].text).toBe(text);
  });

  it("reads a request that arrives in pieces", async () => {
    const connection = inProcessStream(database.url)!() as InProcessConnection;
    const received: Buffer[] = [];
    connection.on("data", (chunk: Buffer) => received.push(chunk));
    const request = Buffer.concat([
      serialize.startup({ user: "postgres", database: "postgres" }),
      serialize.query("SELECT 'in stukjes' AS text"),
    ]);
    for (let at = 0; at < request.length; at += 7) connection.write(request.subarray(at, at + 7));
    await expect.poll(() => Buffer.concat(received).includes("in stukjes")).toBe(true);
    // Two answers (startup, query), each ending in ReadyForQuery ("Z", length 5, idle); the last at the end.
    const readyForQuery = Buffer.from([0x5a, 0, 0, 0, 5, 0x49]);
    const answer = Buffer.concat(received);
    const first = answer.indexOf(readyForQuery);
    expect(first).toBeGreaterThan(-1);
    expect(answer.indexOf(readyForQuery, first + 1)).toBe(answer.length - 6);
    connection.end(serialize.end());
  });

  it("keeps nothing of the statements it answered", async () => {
    // PGlite's raw protocol call parsed every answer into message objects and kept them all, about 0.5 KB
    // per statement for good (issue 18: 2.6 GB of memory after a long benchmark).
    const client = await appClient();
    const statements = async (count: number) => {
      for (let i = 0; i < count; i++)
        await client.query({ name: "een-getal", text: "SELECT $1::int AS n", values: [i] });
    };
    await statements(1_000);
    const before = await database.threadHeapUsed();
    await statements(20_000);
    const grown = (await database.threadHeapUsed()) - before;
    expect(grown).toBeLessThan(2_000_000);
  }, 60_000);

  it("serves other clients through its socket", async () => {
    const viaSocket = new pg.Client({ connectionString: database.url });
    await viaSocket.connect();
    try {
      expect((await viaSocket.query("SELECT id FROM note ORDER BY id")).rows).toEqual([{ id: 2 }, { id: 3 }]);
    } finally {
      await viaSocket.end();
    }
  });

  it("saves its data folder, from which a new database starts", async () => {
    const copy = await startEmbeddedDatabase("memory://", { loadDataDir: await database.dump() });
    try {
      const client = new pg.Client({ connectionString: copy.url, stream: inProcessStream(copy.url) });
      await client.connect();
      expect((await client.query("SELECT id FROM note ORDER BY id")).rows).toEqual([{ id: 2 }, { id: 3 }]);
      await client.end();
    } finally {
      await copy.stop();
    }
    expect(inProcessStream(copy.url)).toBeUndefined();
  });
});
