// Once a day: VACUUM (ANALYZE) where no autovacuum runs, i.e. on the embedded PGlite
// (app/maintenance/database-upkeep.server.ts). Idempotent: a second run finds nothing more to do.
import { z } from "zod";
import { upkeepDatabase } from "../app/maintenance/database-upkeep.server.ts";
import { defineJob } from "./definition.ts";

export const databaseUpkeepJob = defineJob({
  name: "database-upkeep",
  payload: z.object({}).passthrough(),
  attempts: 1,
  backoffMs: 1000,
  everyMs: 24 * 60 * 60_000,
  process: () => upkeepDatabase(),
});
