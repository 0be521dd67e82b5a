// A running cohort with everything its pages show, for any number of duos: sessions (one past, three to
// come) with readings, duos with their lesson progress, attendance and sign-offs, assignments with handed-in
// work, feedback and a reply, completed self-scans, journal entries (private, shared with the duo, shared
// with the facilitators and answered), a facilitator's reflection question, intervisie groups with a live
// meeting (chosen cases with notes), applications and invitations. Built with the shared factories in
// prisma/factories.ts plus bulk inserts, so 60 duos take seconds. Used by tests/db/query-budget.test.ts to
// show that a page's number of queries does not depend on the size of the cohort.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../../app/generated/prisma/client.ts";
import { findSelfScan } from "../../app/content/library.server.ts";
import { addDays, amsterdamTime, calendarDateString } from "../../app/utils/dates.ts";
import { fixReadersOfSharedEntries } from "../../app/models/journal.server.ts";
import { fixReadersOfCases } from "../../app/models/intervision.server.ts";
import {
  addFacilitator,
  createCohort,
  createEnrollment,
  createUser,
  type SessionInput,
} from "../../prisma/factories.ts";

/** A lesson with a zelfscan checklist and an opdracht block (the cohort's first assignment links to it). */
export const WORLD_LESSON = {
  path: "/leren/de-lemniscaat/werken-met-de-lemniscaat",
  opdrachtId: "de-lemniscaat-opdracht-plan-op-de-lemniscaat",
  zelfscanId: "de-lemniscaat-volledigheid",
};
export const WORLD_SCAN = "verkenning";

const HOUR = 60 * 60_000;

function fullVerkenningAnswers(value: number) {
  const scan = findSelfScan(WORLD_SCAN)!;
  const answers: Record<string, unknown> = {};
  for (const question of scan.sections.flatMap((section) => section.questions)) {
    if (question.type === "scale") answers[question.id] = { value, remark: "" };
  }
  answers.besluit = { choice: "go", reasons: "We beginnen klein." };
  return answers;
}

export async function createCohortWorld(prisma: PrismaClient, input: { duos: number; now?: Date }) {
  const now = input.now ?? new Date();
  const today = calendarDateString(now);
  const sessions: SessionInput[] = [-14, 7, 35, 63].map((offset, index) => ({
    number: index + 1,
    title: `Bijeenkomst ${index + 1}`,
    date: addDays(today, offset),
    start: "12:30",
    end: "16:00",
    format: index % 2 ? "ONLINE" : "IN_PERSON",
    location: index % 2 ? null : "Utrecht",
    meetingUrl: index % 2 ? "https://meet.leernetwerk.test/sessie" : null,
    preparation: "Lees de lessen en neem jullie vraagstuk mee.",
  }));
  const cohort = await createCohort(prisma, {
    startsOn: addDays(today, -30),
    endsOn: addDays(today, 120),
    capacity: input.duos + 2,
    status: "RUNNING",
    sessions,
  });
  const sessionRows = await prisma.cohortSession.findMany({
    where: { cohortId: cohort.id },
    orderBy: { number: "asc" },
  });
  const [past, next] = sessionRows;
  await prisma.sessionPreparation.createMany({
    data: sessionRows.flatMap((session) => [
      { sessionId: session.id, contentId: "de-lemniscaat", position: 0 },
      { sessionId: session.id, contentId: "ontsluiten/werk-bronnen-en-klantreis", position: 1 },
    ]),
  });

  const facilitators = [
    await createUser(prisma, { role: "FACILITATOR" }),
    await createUser(prisma, { role: "FACILITATOR" }),
  ];
  for (const facilitator of facilitators) await addFacilitator(prisma, cohort.id, facilitator.id);
  const [facilitator] = facilitators;

  const duos: Awaited<ReturnType<typeof createEnrollment>>[] = [];
  for (let i = 0; i < input.duos; i++) {
    duos.push(
      await createEnrollment(prisma, {
        cohortId: cohort.id,
        municipality: `Gemeente ${randomUUID().slice(0, 8)}`,
        vraagstuk: "Hoe betrekken we inwoners met armoede-ervaring bij ons beleid?",
        members: [
          { name: `Deelnemer ${i + 1}a ${randomUUID().slice(0, 4)}`, function: "BELEIDSMEDEWERKER" },
          { name: `Deelnemer ${i + 1}b ${randomUUID().slice(0, 4)}`, function: "LEIDINGGEVENDE" },
        ],
      }),
    );
  }
  const people = duos.flatMap((duo) => duo.members.map((user) => ({ user, enrollmentId: duo.enrollment.id })));

  // Reading, attendance at the past session, a sign-off for the next one.
  await prisma.lessonProgress.createMany({
    data: people.flatMap(({ user }) =>
      ["de-lemniscaat/de-figuur-en-de-vier-fasen", "ontsluiten/werk-bronnen-en-klantreis"].map((lessonId) => ({
        userId: user.id,
        lessonId,
      })),
    ),
  });
  await prisma.attendance.createMany({
    data: people.map(({ user }, index) => ({
      sessionId: past!.id,
      userId: user.id,
      status: index % 5 === 4 ? "ABSENT" : "PRESENT",
      recordedById: facilitator!.id,
    })),
  });
  await prisma.attendance.createMany({
    data: people
      .filter((_, index) => index % 3 === 1)
      .map(({ user }) => ({ sessionId: next!.id, userId: user.id, status: "SIGNED_OFF", reason: "Ziek" })),
  });

  // Assignments: one due (linked to the lesson's opdracht), one to come. Every duo handed in the first and
  // got feedback, to which it replied.
  const [handedIn, open] = await Promise.all([
    prisma.assignment.create({
      data: {
        sessionId: past!.id,
        title: "Jullie plan op de lemniscaat",
        instructions: "Zet jullie plan **op de lemniscaat**.",
        dueAt: new Date(now.getTime() - 20 * 24 * HOUR),
        kind: "DUO",
        opdrachtId: WORLD_LESSON.opdrachtId,
      },
    }),
    prisma.assignment.create({
      data: {
        sessionId: next!.id,
        title: "Een rollenkaart",
        instructions: "Wie doet wat?",
        dueAt: new Date(now.getTime() + 5 * 24 * HOUR),
        kind: "DUO",
      },
    }),
  ]);
  await prisma.assignmentSubmission.createMany({
    data: duos.map((duo) => ({
      assignmentId: handedIn.id,
      enrollmentId: duo.enrollment.id,
      ownerKey: duo.enrollment.id,
      body: "Ons plan:\n\n- eerst ophalen\n- dan **vertalen**",
      submittedAt: new Date(now.getTime() - 21 * 24 * HOUR),
      feedbackAt: new Date(now.getTime() - 19 * 24 * HOUR),
    })),
  });
  const submissions = await prisma.assignmentSubmission.findMany({
    where: { assignmentId: handedIn.id },
    select: { id: true, enrollmentId: true },
  });
  await prisma.submissionMessage.createMany({
    data: submissions.flatMap((submission) => {
      const member = duos.find((duo) => duo.enrollment.id === submission.enrollmentId)!.members[0]!;
      return [
        {
          submissionId: submission.id,
          authorId: facilitator!.id,
          body: "Mooi begin. Wie haal je **als eerste** op?",
          createdAt: new Date(now.getTime() - 19 * 24 * HOUR),
        },
        {
          submissionId: submission.id,
          authorId: member.id,
          body: "De cliëntenraad.",
          createdAt: new Date(now.getTime() - 18 * 24 * HOUR),
        },
      ];
    }),
  });
  await prisma.assignmentSubmission.createMany({
    data: duos.map((duo) => ({
      assignmentId: open.id,
      enrollmentId: duo.enrollment.id,
      ownerKey: duo.enrollment.id,
      body: "Concept",
    })),
  });

  // Self-scans: every duo completed the verkenning at the intake.
  await prisma.selfScanResponse.createMany({
    data: duos.map((duo, index) => ({
      enrollmentId: duo.enrollment.id,
      scanId: WORLD_SCAN,
      moment: "INTAKE",
      respondentKey: "duo",
      answers: fullVerkenningAnswers((index % 5) + 1) as object,
      completedAt: new Date(now.getTime() - 25 * 24 * HOUR),
      updatedById: duo.members[0]!.id,
    })),
  });
  await prisma.zelfscanAnswer.createMany({
    data: people.map(({ user }) => ({
      userId: user.id,
      scanId: WORLD_LESSON.zelfscanId,
      itemId: "ophalen",
      checked: true,
      note: "",
    })),
  });

  // Journal: a question from the facilitator; per participant a private entry, one shared with the duo and
  // one shared with the facilitators that was answered.
  const prompt = await prisma.journalPrompt.create({
    data: {
      cohortId: cohort.id,
      authorId: facilitator!.id,
      sessionId: past!.id,
      text: "Wat nam je mee uit de eerste bijeenkomst?",
    },
  });
  const writtenOn = new Date(`${addDays(today, -3)}T00:00:00Z`);
  await prisma.journalEntry.createMany({
    data: people.flatMap(({ user, enrollmentId }) => [
      { authorId: user.id, enrollmentId, title: "Voor mezelf", body: "Wat ik merkte.", writtenOn, tags: ["thuis"] },
      {
        authorId: user.id,
        enrollmentId,
        title: "Voor ons duo",
        body: "Wat we samen zagen.",
        writtenOn,
        tags: ["duo"],
        audiences: ["DUO"],
        sharedAt: now,
      },
      {
        authorId: user.id,
        enrollmentId,
        title: "Na bijeenkomst 1",
        body: "Mijn antwoord op de vraag.",
        writtenOn,
        tags: [],
        audiences: ["FACILITATORS"],
        sharedAt: now,
        promptId: prompt.id,
        sessionId: past!.id,
      },
    ]),
  });
  // The readers fixed at share time (issue 15), as sharing them would have.
  await fixReadersOfSharedEntries({ enrollment: { cohortId: cohort.id } }, prisma);
  const answered = await prisma.journalEntry.findMany({
    where: { enrollment: { cohortId: cohort.id }, audiences: { has: "FACILITATORS" } },
    select: { id: true },
  });
  await prisma.journalReply.createMany({
    data: answered
      .filter((_, index) => index % 2 === 0)
      .map((entry) => ({ entryId: entry.id, authorId: facilitator!.id, body: "Dank je, herkenbaar." })),
  });

  // Intervisie: groups of six with a facilitator; each group's meeting is running with two chosen cases
  // that have notes.
  const groupSize = 6;
  let meetingId = "";
  for (let start = 0, index = 1; start < people.length; start += groupSize, index++) {
    const members = people.slice(start, start + groupSize);
    const group = await prisma.intervisionGroup.create({
      data: {
        cohortId: cohort.id,
        name: `Groep ${index}`,
        agreements: "We houden wat hier gezegd wordt binnen de groep.",
        members: {
          create: members.map(({ user }) => ({
            userId: user.id,
            acceptedAgreementsVersion: 1,
            acceptedAgreementsAt: now,
          })),
        },
        facilitators: { create: [{ userId: facilitators[index % 2]!.id }] },
      },
    });
    const meeting = await prisma.intervisionMeeting.create({
      data: {
        groupId: group.id,
        startsAt: new Date(now.getTime() - HOUR / 2),
        endsAt: new Date(now.getTime() + HOUR / 2),
        methodSlug: "incidentmethode",
        currentStep: 1,
        startedAt: new Date(now.getTime() - 20 * 60_000),
        stepStartedAt: new Date(now.getTime() - 5 * 60_000),
        attendances: { create: members.map(({ user }) => ({ userId: user.id, present: true })) },
      },
    });
    if (!meetingId) meetingId = meeting.id;
    for (const author of members.slice(0, 2)) {
      const item = await prisma.intervisionCase.create({
        data: {
          meetingId: meeting.id,
          authorId: author.user.id,
          title: "Een lastig overleg",
          situation: "Wat er gebeurde.",
          question: "Hoe nu verder?",
          status: "CHOSEN",
        },
      });
      await prisma.intervisionNote.createMany({
        data: [0, 1].map((step) => ({
          caseId: item.id,
          authorId: facilitators[index % 2]!.id,
          step,
          kind: step ? "INSIGHT" : "QUESTION",
          body: "Wat had je nodig?",
        })),
      });
    }
  }
  await fixReadersOfCases({ meeting: { group: { cohortId: cohort.id } } }, prisma);

  // Applications and invitations waiting for the coordinator.
  for (let i = 0; i < 3; i++) {
    await prisma.application.create({
      data: {
        cohortId: cohort.id,
        municipalityName: `Aanvraag ${randomUUID().slice(0, 8)}`,
        municipalityKey: randomUUID(),
        contactName: "Contact",
        contactEmail: `contact-${randomUUID().slice(0, 8)}@voorbeeld.test`,
        contactPhone: "0612345678",
        vraagstuk: "Armoede",
        status: i ? "SUBMITTED" : "INTAKE_PLANNED",
        intakeAt: i ? null : amsterdamTime(addDays(today, 3), "10:00"),
      },
    });
  }
  await prisma.invitation.create({
    data: {
      email: `nieuw-${randomUUID().slice(0, 8)}@voorbeeld.test`,
      name: "Nieuw",
      role: "PARTICIPANT",
      tokenHash: randomUUID(),
      cohortId: cohort.id,
      expiresAt: new Date(now.getTime() + 7 * 24 * HOUR),
    },
  });

  const participant = duos[0]!.members[0]!;
  return { cohort, sessions: sessionRows, facilitator: facilitator!, participant, duos, handedIn, meetingId };
}
