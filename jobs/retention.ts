// Daily: retention (app/maintenance/retention.server.ts). Notices before a closed cohort's work is deleted,
// the deletion when its clock ran out, and the purge of records past their term. Idempotent.
import { z } from "zod";
import { runRetention } from "../app/maintenance/retention.server.ts";
import { defineJob } from "./definition.ts";

export const retentionJob = defineJob({
  name: "retention",
  payload: z.object({}).passthrough(),
  attempts: 1,
  backoffMs: 1000,
  everyMs: 24 * 60 * 60_000,
  process: () => runRetention(),
});
