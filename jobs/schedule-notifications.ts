// Every five minutes: record the session reminders that are due and announce moved or cancelled
// sessions (app/notifications/sessions.server.ts). Idempotent: each notice has its own key.
import { z } from "zod";
import { announceSessionChanges, scheduleSessionReminders } from "../app/notifications/sessions.server.ts";
import { defineJob } from "./definition.ts";

export const scheduleNotificationsJob = defineJob({
  name: "schedule-notifications",
  payload: z.object({}).passthrough(),
  attempts: 1,
  backoffMs: 1000,
  everyMs: 5 * 60_000,
  async process() {
    const changes = await announceSessionChanges();
    const reminders = await scheduleSessionReminders();
    return { changes, reminders };
  },
});
