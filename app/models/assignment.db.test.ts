// Assignments in the model: the version check between duo members, the reminders before the due moment,
// and the counts for the facilitators' digest and the dashboard. (Through the pages: tests/routes/opdrachten.db.test.ts.)
import { describe, expect, it } from "vitest";
import { assignmentWorld, HOUR } from "../../tests/support/assignment-world.ts";
import { scheduleAssignmentReminders } from "~/notifications/assignments.server.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";
import { readBy, readsSelect } from "./record-read.server.ts";
import {
  getAssignmentForParticipant,
  ownerKeyFor,
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

describe("the participant's assignment in one statement", () => {
  it("gives what the nested select gives, for every participant and assignment, and nothing of others", async () => {
    const { cohort, other, sessions, assignment, lisa, erik, noor, zwolle, marco, anouk } = await assignmentWorld();
    const at = (minutes: number) => new Date(Date.now() - 60 * 60_000 + minutes * 60_000);
    // An individual assignment too, one in another cohort, and topics of Zwolle's impact trail.
    const individual = await prisma.assignment.create({
      data: {
        sessionId: sessions[1]!.id,
        title: "Eigen reflectie",
        dueAt: at(-60),
        kind: "INDIVIDUAL",
        allowFiles: false,
      },
    });
    const otherSession = await prisma.cohortSession.findFirstOrThrow({ where: { cohortId: other.id } });
    const elsewhere = await prisma.assignment.create({
      data: { sessionId: otherSession.id, title: "Elders", dueAt: at(0), kind: "DUO" },
    });
    const { municipalityId } = await prisma.enrollment.findUniqueOrThrow({ where: { id: zwolle.enrollment.id } });
    await prisma.policyTopic.createMany({
      data: [
        { municipalityId, title: "Schuldhulp" },
        { municipalityId, title: "Armoede" },
      ],
    });
    // The duo's submission: handed in, with attachments, feedback messages and reads.
    await saveSubmissionBody(lisa, assignment.id, "Onze **uitwerking**", 0);
    await submitSubmission(lisa, assignment.id);
    const duoSubmission = await prisma.assignmentSubmission.findFirstOrThrow({
      where: { assignmentId: assignment.id },
    });
    await prisma.assignmentSubmission.update({
      where: { id: duoSubmission.id },
      data: { feedbackAt: at(5), discussedAt: at(6), earlyFeedbackRequestedAt: at(1), earlyFeedbackAnsweredAt: at(2) },
    });
    await prisma.submissionAttachment.createMany({
      data: [
        {
          submissionId: duoSubmission.id,
          storageKey: "k1",
          fileName: "b.pdf",
          contentType: "application/pdf",
          size: 10,
          uploadedById: erik.id,
          createdAt: at(3),
        },
        {
          submissionId: duoSubmission.id,
          storageKey: "k2",
          fileName: "a.png",
          contentType: "image/png",
          size: 20,
          createdAt: at(2),
        },
      ],
    });
    await prisma.submissionMessage.createMany({
      data: [
        { submissionId: duoSubmission.id, authorId: marco.id, body: "Mooi werk", createdAt: at(7) },
        { submissionId: duoSubmission.id, authorId: lisa.id, body: "Dank je", createdAt: at(8) },
        { submissionId: duoSubmission.id, authorId: null, body: "Van iemand die weg is", createdAt: at(9) },
      ],
    });
    await prisma.recordRead.createMany({
      data: [
        { readerId: marco.id, submissionId: duoSubmission.id, readAt: at(10) },
        { readerId: anouk.id, submissionId: duoSubmission.id, readAt: at(11) },
        { readerId: marco.id, submissionId: duoSubmission.id, readAt: at(12) },
      ],
    });
    // Noor's own individual work, and Lisa's (Erik has none).
    await saveSubmissionBody(noor, individual.id, "Van Noor", 0);
    await saveSubmissionBody(lisa, individual.id, "Van Lisa", 0);
    const outsider = await prisma.user.create({
      data: { email: "los@voorbeeld.test", name: "Los", role: "PARTICIPANT" },
    });

    const people = [lisa, erik, noor, marco, anouk, outsider];
    for (const person of people) {
      const viewer = { id: person.id, role: person.role };
      for (const id of [assignment.id, individual.id, elsewhere.id, cohort.id]) {
        expect(await getAssignmentForParticipant(viewer, id)).toEqual(await plainAssignmentForParticipant(viewer, id));
      }
    }
    const lisas = await getAssignmentForParticipant({ id: lisa.id, role: "PARTICIPANT" }, assignment.id);
    expect(lisas?.partners).toEqual(["Erik"]);
    expect(lisas?.keepTopics?.map((topic) => topic.title)).toEqual(["Armoede", "Schuldhulp"]);
    expect(lisas?.submission?.attachments.map((file) => file.fileName)).toEqual(["a.png", "b.pdf"]);
    expect(lisas?.submission?.messages.map((message) => message.author?.name ?? null)).toEqual(["Marco", "Lisa", null]);
    expect(lisas?.submission?.readBy.map((read) => [read.reader.name, read.count])).toEqual([
      ["Marco", 2],
      ["Anouk", 1],
    ]);
    const noors = await getAssignmentForParticipant({ id: noor.id, role: "PARTICIPANT" }, individual.id);
    expect(noors?.submission?.body).toBe("Van Noor");
    expect(await getAssignmentForParticipant({ id: erik.id, role: "PARTICIPANT" }, individual.id)).toMatchObject({
      submission: null,
    });
    expect(await getAssignmentForParticipant({ id: lisa.id, role: "PARTICIPANT" }, elsewhere.id)).toBeNull();
  });
});

/** The same answer as getAssignmentForParticipant, through Prisma's nested select (as the page read it before). */
async function plainAssignmentForParticipant(
  user: { id: string; role: Prisma.UserGetPayload<object>["role"] },
  assignmentId: string,
) {
  const membership = await prisma.duoMember.findFirst({
    where: { userId: user.id, enrollment: { status: "ACTIVE" } },
    orderBy: { createdAt: "desc" },
    select: {
      enrollment: {
        select: {
          id: true,
          cohortId: true,
          municipalityId: true,
          municipality: {
            select: { name: true, policyTopics: { orderBy: { title: "asc" }, select: { id: true, title: true } } },
          },
          members: {
            where: { userId: { not: user.id } },
            orderBy: { createdAt: "asc" },
            select: { user: { select: { name: true } } },
          },
          cohort: {
            select: {
              archivedAt: true,
              sessions: {
                where: { assignments: { some: { id: assignmentId } } },
                select: {
                  assignments: {
                    where: { id: assignmentId },
                    select: {
                      id: true,
                      title: true,
                      instructions: true,
                      dueAt: true,
                      kind: true,
                      allowFiles: true,
                      opdrachtId: true,
                      session: { select: { id: true, number: true, title: true, cohortId: true } },
                      submissions: {
                        where: {
                          OR: [
                            { userId: user.id },
                            { userId: null, enrollment: { status: "ACTIVE", members: { some: { userId: user.id } } } },
                          ],
                        },
                        select: {
                          id: true,
                          ownerKey: true,
                          body: true,
                          version: true,
                          submittedAt: true,
                          withdrawnAt: true,
                          feedbackAt: true,
                          discussedAt: true,
                          earlyFeedbackRequestedAt: true,
                          earlyFeedbackAnsweredAt: true,
                          updatedAt: true,
                          _count: { select: { attachments: true } },
                          attachments: {
                            orderBy: { createdAt: "asc" },
                            select: {
                              id: true,
                              fileName: true,
                              contentType: true,
                              size: true,
                              createdAt: true,
                              uploadedBy: { select: { name: true } },
                            },
                          },
                          messages: {
                            orderBy: { createdAt: "asc" },
                            select: {
                              id: true,
                              body: true,
                              createdAt: true,
                              author: { select: { id: true, name: true, role: true, title: true } },
                            },
                          },
                          reads: readsSelect,
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  });
  if (!membership) return null;
  const {
    cohort,
    members,
    municipality: { policyTopics, ...municipality },
    ...enrollment
  } = membership.enrollment;
  const context = { ...enrollment, municipality };
  const assignment = cohort.sessions[0]?.assignments[0];
  if (!assignment) return null;
  const { submissions, ...rest } = assignment;
  const found =
    submissions.find((candidate) => candidate.ownerKey === ownerKeyFor(assignment.kind, context, user.id)) ?? null;
  const submission = found ? (({ reads, ...other }) => ({ ...other, readBy: readBy(reads) }))(found) : null;
  return {
    assignment: rest,
    submission,
    context,
    partners: members.map((member) => member.user.name),
    archivedAt: cohort.archivedAt,
    keepTopics: user.role === "PARTICIPANT" ? policyTopics : null,
  };
}
