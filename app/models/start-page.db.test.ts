// The participant's start page loads in one query (participantStartPage); its parts must say what the
// models behind the other pages say: the self-scans due (dueSelfScans), the reflection questions
// (promptsForParticipant, with its audience rules) and the assignments still to hand in
// (listParticipantAssignments, the /opdrachten page).
import { describe, expect, it } from "vitest";
import { createCohortWorld } from "../../tests/support/cohort-world.ts";
import { prisma } from "~/utils/db.server.ts";
import { listParticipantAssignments } from "./assignment.server.ts";
import { promptsForParticipant } from "./journal.server.ts";
import { dueSelfScans } from "./self-scan.server.ts";
import { participantStartPage } from "./start-page.server.ts";

describe("the participant's start page in one query", () => {
  it("shows the same self-scans, questions and open assignments as the pages they link to", async () => {
    const world = await createCohortWorld(prisma, { duos: 4 });
    const [, second] = world.duos;
    // A second duo member with a concept, a group-only question for another group, one for theirs.
    const groups = await prisma.intervisionGroup.findMany({
      where: { cohortId: world.cohort.id },
      orderBy: { name: "asc" },
      select: { id: true },
    });
    await prisma.journalPrompt.create({
      data: {
        cohortId: world.cohort.id,
        authorId: world.facilitator.id,
        intervisionGroupId: groups[0]!.id,
        text: "Alleen voor groep 1",
      },
    });
    const now = new Date();
    for (const member of [world.participant, second!.members[1]!]) {
      const page = await participantStartPage(member, now);
      expect(page.selfScans).toEqual(await dueSelfScans(member, now));
      expect(page.journalPrompts).toEqual(await promptsForParticipant(member));
      const { assignments } = await listParticipantAssignments(member, now);
      const open = assignments
        .filter((assignment) => ["open", "concept", "te-laat"].includes(assignment.status))
        .slice(0, 5);
      expect(
        page.openAssignments.map(({ id, status, statusLabel, late }) => ({ id, status, statusLabel, late })),
      ).toEqual(open.map(({ id, status, statusLabel, late }) => ({ id, status, statusLabel, late })));
      expect(page.openAssignments.length).toBeGreaterThan(0);
      expect(page.participant[0]!.nextSession?.number).toBe(2);
      expect(page.participant[0]!.toRead.length).toBe(2);
    }
    // The group-only question reaches the members of that group only.
    const texts = async (member: { id: string }) =>
      (await participantStartPage(member, now)).journalPrompts.map((prompt) => prompt.text);
    expect(await texts(world.participant)).toContain("Alleen voor groep 1");
    const outsider = (await prisma.intervisionMember.findFirst({
      where: { groupId: { not: groups[0]!.id }, group: { cohortId: world.cohort.id } },
      select: { userId: true },
    }))!;
    expect(await texts({ id: outsider.userId })).not.toContain("Alleen voor groep 1");
  });
});

describe("the participant's start page: the duo, reading, evaluations and work in progress", () => {
  it("shows the partner, what was read, the evaluations still open, and a concept as concept", async () => {
    const world = await createCohortWorld(prisma, { duos: 3 });
    const now = new Date();
    const duo = world.duos[0]!;
    const [me, partner] = duo.members;
    const before = (await participantStartPage(me!, now)).participant[0]!;
    expect(before.partners.map((p) => p.user.name)).toEqual([partner!.name]);
    expect(before.municipality).toBe(duo.municipality.name);
    expect(before.toRead.every((reading) => reading.lessonsRead <= reading.lessons)).toBe(true);
    // The past session waits for its evaluation, until it is answered.
    const past = await prisma.cohortSession.findFirstOrThrow({ where: { cohortId: world.cohort.id, number: 1 } });
    expect(before.evaluations.map((evaluation) => evaluation.key)).toEqual([past.id]);
    await prisma.evaluationParticipation.create({
      data: { cohortId: world.cohort.id, target: past.id, sessionId: past.id, userId: me!.id },
    });
    // Text typed into the coming assignment (not handed in) makes it a concept; spaces alone do not.
    const coming = await prisma.assignment.findFirstOrThrow({
      where: { title: "Een rollenkaart", session: { cohortId: world.cohort.id } },
    });
    const draft = { assignmentId: coming.id, enrollmentId: duo.enrollment.id, ownerKey: duo.enrollment.id };
    await prisma.assignmentSubmission.upsert({
      where: { assignmentId_ownerKey: { assignmentId: coming.id, ownerKey: duo.enrollment.id } },
      create: { ...draft, body: "   " },
      update: { body: "   ", submittedAt: null, feedbackAt: null, userId: null },
    });
    const status = async () =>
      (await participantStartPage(me!, now)).openAssignments.find((assignment) => assignment.id === coming.id)?.status;
    expect(await status()).toBe("open");
    const attachments = await prisma.submissionAttachment.count({ where: { submission: draft } });
    expect(attachments).toBe(0);
    await prisma.assignmentSubmission.updateMany({ where: draft, data: { body: " Onze rollen " } });
    expect(await status()).toBe("concept");
    // An individual assignment: each member's own work counts (an attachment alone makes a concept), never the
    // partner's; what the start page says matches the assignments page for both.
    const own = await prisma.assignment.create({
      data: {
        sessionId: coming.sessionId,
        title: "Eigen reflectie",
        instructions: "",
        dueAt: coming.dueAt,
        kind: "INDIVIDUAL",
      },
    });
    const partnerWork = await prisma.assignmentSubmission.create({
      data: {
        assignmentId: own.id,
        enrollmentId: duo.enrollment.id,
        ownerKey: partner!.id,
        userId: partner!.id,
        body: "",
      },
    });
    await prisma.submissionAttachment.create({
      data: {
        submissionId: partnerWork.id,
        storageKey: `test/${partnerWork.id}`,
        fileName: "a.pdf",
        contentType: "application/pdf",
        size: 1,
      },
    });
    const ownStatus = async (who: { id: string }) =>
      (await participantStartPage(who, now)).openAssignments.find((assignment) => assignment.id === own.id)?.status;
    expect(await ownStatus(me!)).toBe("open");
    expect(await ownStatus(partner!)).toBe("concept");
    await prisma.assignmentSubmission.update({ where: { id: partnerWork.id }, data: { submittedAt: now } });
    expect(await ownStatus(partner!)).toBeUndefined();
    expect(await ownStatus(me!)).toBe("open");
    for (const who of [me!, partner!]) {
      const listed = (await listParticipantAssignments(who, now)).assignments.find((item) => item.id === own.id);
      expect(await ownStatus(who)).toBe(listed?.status === "ingeleverd" ? undefined : listed?.status);
    }
    const after = (await participantStartPage(me!, now)).participant[0]!;
    expect(after.evaluations).toEqual([]);
    // A cancelled next session is skipped: the one after it is next.
    await prisma.cohortSession.updateMany({
      where: { cohortId: world.cohort.id, number: 2 },
      data: { cancelledAt: now },
    });
    expect((await participantStartPage(me!, now)).participant[0]!.nextSession?.number).toBe(3);
  });
});
