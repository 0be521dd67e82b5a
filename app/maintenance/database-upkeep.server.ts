// The upkeep PostgreSQL's autovacuum does on a server of its own: VACUUM makes the room of deleted and
// updated rows usable again, ANALYZE keeps the statistics that the planner chooses its plans by. The
// embedded PGlite runs no background processes, so there nothing did either: its tables kept every dead
// row, and the planner guessed every table's size (no table had ever been analysed). The upkeep job
// (jobs/database-upkeep.ts) does it once a day wherever no autovacuum runs; a PostgreSQL server whose
// autovacuum runs is left to it.
import { prisma } from "~/utils/db.server.ts";

/** VACUUM (ANALYZE) of the whole database, unless an autovacuum launcher runs beside it. */
export async function upkeepDatabase(): Promise<{ vacuumed: boolean }> {
  const [row] = await prisma.$queryRaw<{ autovacuum: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE backend_type = 'autovacuum launcher') AS autovacuum`;
  if (row?.autovacuum) return { vacuumed: false };
  // Outside a transaction (VACUUM cannot run in one). On PGlite the other statements wait meanwhile:
  // about half a second for the demo's data.
  await prisma.$executeRawUnsafe("VACUUM (ANALYZE)");
  return { vacuumed: true };
}
