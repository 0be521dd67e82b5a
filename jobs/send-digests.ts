// Every hour: once Monday 08:00 (Amsterdam) has passed, send the week's digests that were not sent yet.
import { z } from "zod";
import { sendWeeklyDigests } from "../app/notifications/digest.server.ts";
import { defineJob } from "./definition.ts";

export const sendDigestsJob = defineJob({
  name: "send-digests",
  payload: z.object({}).passthrough(),
  attempts: 1,
  backoffMs: 1000,
  everyMs: 60 * 60_000,
  process: () => sendWeeklyDigests(),
});
