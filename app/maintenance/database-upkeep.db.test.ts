import { describe, expect, it } from "vitest";
import { createUser } from "../../prisma/factories.ts";
import { prisma } from "~/utils/db.server.ts";
import { allJobs } from "../../jobs/registry.ts";
import { upkeepDatabase } from "./database-upkeep.server.ts";

// The test database: an embedded PGlite, or a database on the PostgreSQL server at TEST_POSTGRES_URL,
// which runs its autovacuum (tests/support/postgres.sh keeps the default).
const onPostgresServer = Boolean(process.env.TEST_POSTGRES_URL);

const statistics = async () =>
  prisma.$queryRaw<{ reltuples: number }[]>`SELECT reltuples::float8 AS reltuples FROM pg_class WHERE relname = 'User'`;

describe("database upkeep job", () => {
  it("is registered as a daily periodic job", () => {
    expect(allJobs.find((job) => job.name === "database-upkeep")).toMatchObject({ everyMs: 24 * 60 * 60_000 });
  });

  it.runIf(!onPostgresServer)("vacuums and analyses the embedded database, where no autovacuum runs", async () => {
    await createUser(prisma);
    await createUser(prisma);
    // Never analysed: the planner does not know how many rows the table has.
    expect((await statistics())[0]?.reltuples).toBe(-1);
    expect(await upkeepDatabase()).toEqual({ vacuumed: true });
    expect((await statistics())[0]?.reltuples).toBe(2);
    // The database stays usable, and a second run is harmless.
    await createUser(prisma);
    expect(await upkeepDatabase()).toEqual({ vacuumed: true });
    expect(await prisma.user.count()).toBe(3);
  });

  it.runIf(onPostgresServer)("leaves a PostgreSQL server whose autovacuum runs to it", async () => {
    expect(await upkeepDatabase()).toEqual({ vacuumed: false });
  });
});
