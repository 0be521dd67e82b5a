// "Opdracht bijna verlopen", derived from the data by the schedule-notifications job, like the session
// reminders: two days before an assignment's due moment, to the members of active enrolments (in cohorts
// that run) who have not handed it in — for a DUO assignment both members until the duo has, for an
// INDIVIDUAL one each participant until they have. Keyed by the due moment, so a moved deadline reminds
// again and a run twice does no harm.
import { getEnv } from "~/utils/env.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { assignmentDueEmail } from "./templates.server.ts";
import { modesFor } from "./preferences.server.ts";
import { type NotifyResult, notify } from "./notify.server.ts";

const HOUR = 60 * 60 * 1000;
export const ASSIGNMENT_REMINDER_BEFORE_MS = 48 * HOUR;

/** Whether the reminder of an assignment due at `dueAt` is due now (from two days before until the due moment). */
export function assignmentReminderDue(dueAt: Date, now: Date): boolean {
  return dueAt > now && dueAt.getTime() - now.getTime() <= ASSIGNMENT_REMINDER_BEFORE_MS;
}

export async function scheduleAssignmentReminders(now = new Date()) {
  const appUrl = getEnv().APP_URL;
  const assignments = await prisma.assignment.findMany({
    where: {
      dueAt: { gt: now, lte: new Date(now.getTime() + ASSIGNMENT_REMINDER_BEFORE_MS) },
      session: { cohort: { status: { in: ["APPLICATIONS_OPEN", "RUNNING"] } } },
    },
    select: {
      id: true,
      title: true,
      dueAt: true,
      kind: true,
      submissions: { select: { ownerKey: true, body: true, submittedAt: true, feedbackAt: true } },
      session: {
        select: {
          cohort: {
            select: {
              enrollments: {
                where: { status: "ACTIVE" },
                select: { id: true, members: { select: { user: { select: { id: true, name: true, email: true } } } } },
              },
            },
          },
        },
      },
    },
  });
  const results: NotifyResult[] = [];
  for (const assignment of assignments) {
    if (!assignmentReminderDue(assignment.dueAt, now)) continue;
    const byOwner = new Map(assignment.submissions.map((submission) => [submission.ownerKey, submission]));
    const people: { user: { id: string; name: string; email: string }; hasDraft: boolean }[] = [];
    for (const enrollment of assignment.session.cohort.enrollments) {
      for (const { user } of enrollment.members) {
        const submission = byOwner.get(assignment.kind === "DUO" ? enrollment.id : user.id);
        if (submission?.submittedAt || submission?.feedbackAt) continue;
        people.push({ user, hasDraft: Boolean(submission?.body.trim()) });
      }
    }
    const modes = await modesFor(
      people.map((person) => person.user.id),
      "assignment-due",
    );
    for (const { user, hasDraft } of people) {
      const url = `${appUrl}/opdrachten/${assignment.id}`;
      results.push(
        await notify({
          key: `assignment-due:${assignment.id}:${assignment.dueAt.toISOString()}:${user.id}`,
          kind: "assignment-due",
          user,
          mode: modes.get(user.id)!,
          title: `Opdracht bijna verlopen: ${assignment.title}`,
          url,
          email: () =>
            assignmentDueEmail({
              appUrl,
              user,
              assignmentTitle: assignment.title,
              dueAt: assignment.dueAt,
              hasDraft,
              url,
            }),
        }),
      );
    }
  }
  const totals: Partial<Record<NotifyResult, number>> = {};
  for (const result of results) totals[result] = (totals[result] ?? 0) + 1;
  return totals;
}
