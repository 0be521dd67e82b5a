// Assignments in the model: the version check between duo members, the reminders before the due moment,
// and the counts for the facilitators' digest and the dashboard. (Through the pages: tests/routes/opdrachten.db.test.ts.)
import { describe, expect, it } from "vitest";
import { assignmentWorld, HOUR } from "../../tests/support/assignment-world.ts";
import { scheduleAssignmentReminders } from "~/notifications/assignments.server.ts";
import { prisma } from "~/utils/db.server.ts";
import {
  saveSubmissionBody,
  submissionCountsForDigest,
  submissionMatrix,
  submitSubmission,
} from "./assignment.server.ts";

describe("duo submissions", () => {
  it("the second save based on an old version is a conflict with both texts, nothing overwritten", async () => {
    const { assignment, lisa, erik } = await assignmentWorld();
    const first = await saveSubmissionBody(lisa, assignment.id, "Lisa begint", 0);
    expect(first).toMatchObject({ status: "saved", version: 1 });
    // Erik opened the page before Lisa's first save: his save is based on "nothing yet".
    const stale = await saveSubmissionBody(erik, assignment.id, "Erik begint ook", 0);
    expect(stale).toMatchObject({ status: "conflict", current: { body: "Lisa begint", version: 1 } });
    // Lisa saves on; then Erik, still on version 1, is refused again.
    expect(await saveSubmissionBody(lisa, assignment.id, "Lisa gaat verder", 1)).toMatchObject({
      status: "saved",
      version: 2,
    });
    expect(await saveSubmissionBody(erik, assignment.id, "Erik", 1)).toMatchObject({
      status: "conflict",
      current: { body: "Lisa gaat verder" },
    });
    // Erik keeps his version: based on the stored one, it is written.
    expect(await saveSubmissionBody(erik, assignment.id, "Erik, na het conflict", 2)).toMatchObject({
      status: "saved",
      version: 3,
    });
    const stored = await prisma.assignmentSubmission.findFirstOrThrow({ where: { assignmentId: assignment.id } });
    expect(stored.body).toBe("Erik, na het conflict");
  });
});

describe("reminders, digest, dashboard", () => {
  it("reminds duo members who have not handed in, once, two days before the due moment", async () => {
    const { assignment, lisa, erik, noor } = await assignmentWorld({ dueInHours: 30 });
    await saveSubmissionBody(noor, assignment.id, "Klaar", 0);
    await submitSubmission(noor, assignment.id);
    const now = new Date();
    await scheduleAssignmentReminders(now);
    await scheduleAssignmentReminders(now); // a second run does no harm
    const notices = await prisma.notification.findMany({
      where: { kind: "assignment-due", url: { contains: assignment.id } },
    });
    expect(notices.map((notice) => notice.userId).sort()).toEqual([lisa.id, erik.id].sort());
    const email = await prisma.emailMessage.findFirstOrThrow({ where: { to: lisa.email, kind: "assignment-due" } });
    expect(email.subject).toBe("Opdracht bijna verlopen: Leefwereld in kaart");
  });

  it("counts new submissions per cohort for the facilitators' digest, and fills the dashboard per municipality", async () => {
    const { cohort, assignment, lisa, marco } = await assignmentWorld();
    const since = new Date(Date.now() - HOUR);
    await saveSubmissionBody(lisa, assignment.id, "Klaar", 0);
    await submitSubmission(lisa, assignment.id);
    const counts = await submissionCountsForDigest(since);
    expect([...(counts.get(marco.id)?.cohorts.values() ?? [])]).toEqual([
      { id: cohort.id, name: cohort.name, count: 1 },
    ]);
    const matrix = await submissionMatrix(cohort.id);
    const cells = Object.fromEntries(matrix.rows.map((row) => [row.municipality, row.cells.map((cell) => cell.label)]));
    expect(Object.values(cells).sort()).toEqual([["Ingeleverd"], ["Open"]]);
  });
});
