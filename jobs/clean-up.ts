// Every 6 hours: remove expired sign-in sessions, old login attempts and used or expired reset links (app/maintenance/clean-up.server.ts). Idempotent: running it twice removes nothing more.
import { z } from "zod";
import { cleanUp } from "../app/maintenance/clean-up.server.ts";
import { defineJob } from "./definition.ts";

export const cleanUpJob = defineJob({
  name: "clean-up",
  payload: z.object({}).passthrough(),
  attempts: 1,
  backoffMs: 1000,
  everyMs: 6 * 60 * 60_000,
  process: () => cleanUp(),
});
