// Every five minutes: record the session reminders that are due, announce moved or cancelled sessions
// (app/notifications/sessions.server.ts) and remind duos of assignments due soon
// (app/notifications/assignments.server.ts), and tell coordinators of e-mail that failed
// (app/notifications/failed-email.server.ts). Idempotent: each notice has its own key.
import { z } from "zod";
import { scheduleAssignmentReminders } from "../app/notifications/assignments.server.ts";
import { announceFailedEmail } from "../app/notifications/failed-email.server.ts";
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
    const assignmentReminders = await scheduleAssignmentReminders();
    // Issue 19: e-mail that could not be delivered, told to the coordinators.
    const failedEmail = await announceFailedEmail();
    return { changes, reminders, assignmentReminders, failedEmail };
  },
});
