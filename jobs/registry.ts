// Every job the engine knows, by name.
import { cleanUpJob } from "./clean-up.ts";
import { deliverEmailJob } from "./deliver-email.ts";
import { scheduleNotificationsJob } from "./schedule-notifications.ts";
import { sendDigestsJob } from "./send-digests.ts";
import { sweepOutboxJob } from "./sweep-outbox.ts";

export const jobs = {
  [deliverEmailJob.name]: deliverEmailJob,
  [sweepOutboxJob.name]: sweepOutboxJob,
  [scheduleNotificationsJob.name]: scheduleNotificationsJob,
  [sendDigestsJob.name]: sendDigestsJob,
  [cleanUpJob.name]: cleanUpJob,
};
