// Every job, for the start-up to register (server/startup.ts: the web server and the worker). Only entry
// points import this list; the engine and the app never do, so no job file can close an import circle.
import { deliverEmailJob } from "../app/email/delivery.server.ts";
import { requestPasswordResetJob } from "../app/models/password-reset.server.ts";
import type { JobDefinition } from "./definition.ts";
import { cleanUpJob } from "./clean-up.ts";
import { databaseUpkeepJob } from "./database-upkeep.ts";
import { retentionJob } from "./retention.ts";
import { scheduleNotificationsJob } from "./schedule-notifications.ts";
import { sendDigestsJob } from "./send-digests.ts";
import { sweepOutboxJob } from "./sweep-outbox.ts";

export const allJobs: readonly JobDefinition[] = [
  deliverEmailJob,
  sweepOutboxJob,
  scheduleNotificationsJob,
  sendDigestsJob,
  cleanUpJob,
  retentionJob,
  databaseUpkeepJob,
  requestPasswordResetJob,
];
