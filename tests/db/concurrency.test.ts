// Many concurrent queries, large ones among them (sent to the server in several chunks) and transactions,
// through the app's Prisma client. On the embedded PGlite this failed with "portal does not exist" while
// the app used a pool of several connections to it through its socket; the app's connections now hand
// whole requests to PGlite's thread, which keeps an open transaction to its own connection
// (server/database/in-process.ts, server/database/pglite-thread.mjs).
import { expect, it } from "vitest";
import { prisma } from "~/utils/db.server.ts";

it("answers 90 concurrent large queries and transactions without mixing them up", async () => {
  const big = "x".repeat(150_000);
  const results = await Promise.allSettled(
    Array.from({ length: 90 }, (_, i) =>
      i % 3 === 0
        ? prisma.emailMessage.create({
            data: {
              idempotencyKey: `concurrency-${i}`,
              kind: "test",
              to: "a@b.test",
              subject: `s${i}`,
              html: big,
              text: big,
            },
          })
        : i % 3 === 1
          ? prisma.user.findMany({
              where: { email: { in: [`a${i}@x.test`, `b${i}@x.test`] }, name: { contains: "x" } },
            })
          : prisma.$transaction(async (tx) => {
              await tx.auditLog.create({
                data: { action: "concurrency.test", entityType: "Test", details: { i, note: big.slice(0, 20_000) } },
              });
              return tx.auditLog.count({ where: { action: "concurrency.test" } });
            }),
    ),
  );
  const failures = results
    .filter((result) => result.status === "rejected")
    .map((result) => String((result as PromiseRejectedResult).reason).slice(0, 200));
  expect(failures).toEqual([]);
  expect(await prisma.emailMessage.count({ where: { kind: "test", html: big } })).toBe(30);
  expect(await prisma.auditLog.count({ where: { action: "concurrency.test" } })).toBe(30);
  // On PGlite (one shared session) the transactions run one after another: each counted its own row and
  // those of the transactions before it, never another's unfinished one, so the counts are 1 to 30, each
  // once. (On PostgreSQL they overlap, and two may count the same committed rows.)
  if (process.env.TEST_DATABASE_KIND !== "pglite") return;
  const counts = results.flatMap((result, i) => (i % 3 === 2 && result.status === "fulfilled" ? [result.value] : []));
  expect([...counts].sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
}, 60_000);
