// Intervisie on PGlite (and PostgreSQL in `npm test`): the confidentiality matrix for cases, notes and
// takeaways, group forming with its limits and audit log, the live step machine against the database,
// the takeaway into the journal, and deleting a case with its notes.
//
// Relations to a case brought in by Lisa (Zwolle, cohort A, group 1):
// - inbrenger: Lisa herself; groupMember: Noor (Amersfoort, group 1); groupFacilitator: Marco (group 1);
// - otherGroupMember: Erik (Lisa's duo partner, put in group 2); otherGroupFacilitator: Fatima (cohort A,
//   group 2 only); otherCohortParticipant: Karin (cohort B); coordinator: Sanne.
import { describe, expect, it } from "vitest";
import { DomainError } from "~/utils/domain-error.ts";
import { addFacilitator, createCohort, createEnrollment, createUser } from "../../prisma/factories.ts";
import { prisma } from "~/utils/db.server.ts";
import { getEntryForViewer } from "./journal.server.ts";
import { recordRead } from "./record-read.server.ts";
import {
  acceptAgreements,
  addNote,
  caseAccessWhere,
  cohortGroupsOverview,
  deleteCase,
  getCaseForViewer,
  getGroupForViewer,
  getMeetingForViewer,
  listMyGroups,
  liveStamp,
  planMeeting,
  proposeCase,
  saveArrangement,
  saveTakeaway,
  setCaseChosen,
  setMethod,
  stepMeeting,
  updateAgreements,
} from "./intervision.server.ts";

async function setup() {
  const tag = Math.random().toString(36).slice(2, 8);
  const cohortA = await createCohort(prisma, {
    name: `Intervisie A ${tag}`,
    sessions: [{ number: 1, title: "Start", date: "2099-03-10", start: "10:00", end: "13:00", format: "ONLINE" }],
  });
  const cohortB = await createCohort(prisma, { name: `Intervisie B ${tag}` });
  const duo = (municipality: string, names: string[], cohortId = cohortA.id) =>
    createEnrollment(prisma, {
      cohortId,
      municipality: `${municipality} ${tag}`,
      members: names.map((name, index) => ({
        name,
        function: index === 0 ? ("BELEIDSMEDEWERKER" as const) : ("LEIDINGGEVENDE" as const),
      })),
    });
  const zwolle = await duo("Zwolle", ["Lisa", "Erik"]);
  const amersfoort = await duo("Amersfoort", ["Noor", "Hans"]);
  const deventer = await duo("Deventer", ["Sophie", "Ahmed"]);
  const tilburg = await duo("Tilburg", ["Mirjam", "Bas"]);
  const emmen = await duo("Emmen", ["Karin"], cohortB.id);
  const marco = await createUser(prisma, { name: "Marco", role: "FACILITATOR" });
  const fatima = await createUser(prisma, { name: "Fatima", role: "FACILITATOR" });
  const sanne = await createUser(prisma, { name: "Sanne", role: "COORDINATOR" });
  await addFacilitator(prisma, cohortA.id, marco.id);
  await addFacilitator(prisma, cohortA.id, fatima.id);
  const [lisa, erik] = zwolle.members as [typeof marco, typeof marco];
  const [noor, hans] = amersfoort.members as [typeof marco, typeof marco];
  const [sophie, ahmed] = deventer.members as [typeof marco, typeof marco];
  const [mirjam, bas] = tilburg.members as [typeof marco, typeof marco];
  const saved = await saveArrangement(
    cohortA.id,
    [
      {
        key: "nieuw-1",
        name: "Groep 1",
        memberIds: [lisa.id, noor.id, sophie.id, mirjam.id],
        facilitatorIds: [marco.id],
      },
      { key: "nieuw-2", name: "Groep 2", memberIds: [erik.id, hans.id, ahmed.id, bas.id], facilitatorIds: [fatima.id] },
    ],
    sanne,
  );
  expect(saved.ok).toBe(true);
  const groups = await prisma.intervisionGroup.findMany({ where: { cohortId: cohortA.id }, orderBy: { name: "asc" } });
  const session = await prisma.cohortSession.findFirstOrThrow({ where: { cohortId: cohortA.id } });
  return {
    cohortA,
    cohortB,
    session,
    group1: groups[0]!,
    group2: groups[1]!,
    people: {
      inbrenger: lisa,
      groupMember: noor,
      groupFacilitator: marco,
      otherGroupMember: erik,
      otherGroupFacilitator: fatima,
      otherCohortParticipant: emmen.members[0]!,
      coordinator: sanne,
    },
    all: { lisa, erik, noor, hans, sophie, ahmed, mirjam, bas, marco, fatima, sanne },
  };
}

async function meetingWithCase(setupResult: Awaited<ReturnType<typeof setup>>) {
  const { group1, people } = setupResult;
  const meeting = await planMeeting(people.groupFacilitator, group1.id, {
    sessionId: null,
    startsAt: new Date("2099-03-11T13:00:00Z"),
    endsAt: new Date("2099-03-11T14:00:00Z"),
    location: "Utrecht",
    meetingUrl: null,
    methodSlug: "incidentmethode",
  });
  const proposed = await proposeCase(people.inbrenger, meeting!.id, {
    title: "Mijn casus",
    situation: "Een vertrouwelijke situatie uit mijn werk.",
    question: "Wat kan ik anders doen?",
    wish: "",
  });
  return { meetingId: meeting!.id, caseId: proposed!.id };
}

type Relation = keyof Awaited<ReturnType<typeof setup>>["people"];
const relations: Relation[] = [
  "inbrenger",
  "groupMember",
  "groupFacilitator",
  "otherGroupMember",
  "otherGroupFacilitator",
  "otherCohortParticipant",
  "coordinator",
];
const inGroup: Relation[] = ["inbrenger", "groupMember", "groupFacilitator"];

describe("intervisie confidentiality matrix", () => {
  it("cases, notes and takeaways are readable by the group's members and facilitators only", async () => {
    const context = await setup();
    const { people } = context;
    const { meetingId, caseId } = await meetingWithCase(context);
    expect(await setCaseChosen(people.groupFacilitator, meetingId, caseId, true)).toBe(true);
    await stepMeeting(people.groupFacilitator, meetingId, "start", null);
    await addNote(people.groupFacilitator, meetingId, caseId, "QUESTION", "Wat deed je toen?");
    await saveTakeaway(people.inbrenger, caseId, "Ik neem mee: eerst vragen.", false);

    const outcome: Record<string, Record<string, boolean>> = {};
    for (const relation of relations) {
      const viewer = people[relation];
      const meeting = await getMeetingForViewer(viewer, meetingId);
      outcome[relation] = {
        group: (await getGroupForViewer(viewer, context.group1.id)) !== null,
        meeting: meeting !== null,
        caseInMeeting: meeting?.cases.some((item) => item.id === caseId && item.notes.length === 1) ?? false,
        case: (await getCaseForViewer(viewer, caseId)) !== null,
        rawQuery:
          (await prisma.intervisionCase.count({ where: { AND: [{ id: caseId }, caseAccessWhere(viewer)] } })) === 1,
        listed: (await listMyGroups(viewer)).some((group) => group.id === context.group1.id),
      };
    }
    expect(outcome).toEqual(
      Object.fromEntries(
        relations.map((relation) => {
          const yes = inGroup.includes(relation);
          return [relation, { group: yes, meeting: yes, caseInMeeting: yes, case: yes, rawQuery: yes, listed: yes }];
        }),
      ),
    );
  });

  it("refuses notes, takeaways, deletes and choices from people outside the group, and leaves nothing behind", async () => {
    const context = await setup();
    const { people } = context;
    const { meetingId, caseId } = await meetingWithCase(context);
    await setCaseChosen(people.groupFacilitator, meetingId, caseId, true);
    await stepMeeting(people.groupFacilitator, meetingId, "start", null);
    for (const relation of relations.filter((r) => !inGroup.includes(r))) {
      const viewer = people[relation];
      expect(await addNote(viewer, meetingId, caseId, "INSIGHT", `van ${relation}`), relation).toBeNull();
      expect(await saveTakeaway(viewer, caseId, "niet van mij", false), relation).toBeNull();
      expect(await deleteCase(viewer, caseId), relation).toBeNull();
      expect(await setCaseChosen(viewer, meetingId, caseId, false), relation).toBe(false);
      expect(await stepMeeting(viewer, meetingId, "next", 0), relation).toBeNull();
      expect(
        await proposeCase(viewer, meetingId, { title: "x", situation: "x", question: "x", wish: "" }),
        relation,
      ).toBeNull();
    }
    // Inside the group, only the inbrenger writes the takeaway or deletes; only the facilitator steers.
    expect(await saveTakeaway(people.groupMember, caseId, "niet van mij", false)).toBeNull();
    expect(await deleteCase(people.groupFacilitator, caseId)).toBeNull();
    expect(await stepMeeting(people.groupMember, meetingId, "next", 0)).toBeNull();
    expect(await prisma.intervisionNote.count({ where: { caseId } })).toBe(0);
    expect(await prisma.intervisionCase.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({
      takeaway: "",
      status: "CHOSEN",
    });
    expect(await prisma.intervisionMeeting.findUniqueOrThrow({ where: { id: meetingId } })).toMatchObject({
      currentStep: 0,
    });
  });

  it("whoever leaves the cohort loses access at once; the inbrenger keeps their own case to delete it", async () => {
    const context = await setup();
    const { people } = context;
    const { caseId } = await meetingWithCase(context);
    const enrollmentOf = (userId: string) =>
      prisma.enrollment.findFirstOrThrow({ where: { cohortId: context.cohortA.id, members: { some: { userId } } } });
    // Noor's municipality withdraws; Marco stops as a facilitator of the cohort. Both are still in the group's rows.
    await prisma.enrollment.update({
      where: { id: (await enrollmentOf(people.groupMember.id)).id },
      data: { status: "WITHDRAWN" },
    });
    await prisma.cohortFacilitator.deleteMany({
      where: { cohortId: context.cohortA.id, userId: people.groupFacilitator.id },
    });
    expect(await getCaseForViewer(people.groupMember, caseId)).toBeNull();
    expect(await getGroupForViewer(people.groupMember, context.group1.id)).toBeNull();
    expect(await getCaseForViewer(people.groupFacilitator, caseId)).toBeNull();
    expect(await getGroupForViewer(people.groupFacilitator, context.group1.id)).toBeNull();
    // Lisa's municipality withdraws too: the group is closed to her, her own case is not.
    await prisma.enrollment.update({
      where: { id: (await enrollmentOf(people.inbrenger.id)).id },
      data: { status: "WITHDRAWN" },
    });
    expect(await getGroupForViewer(people.inbrenger, context.group1.id)).toBeNull();
    expect(await getCaseForViewer(people.inbrenger, caseId)).not.toBeNull();
    expect(await deleteCase(people.inbrenger, caseId)).not.toBeNull();
    expect(await prisma.intervisionCase.count({ where: { id: caseId } })).toBe(0);
  });

  it("the coordinator's overview shows meetings and attendance, never a case", async () => {
    const context = await setup();
    const { meetingId } = await meetingWithCase(context);
    const overview = await cohortGroupsOverview(context.cohortA.id);
    const text = JSON.stringify(overview);
    expect(text).toContain(meetingId);
    expect(text).not.toContain("Mijn casus");
    expect(text).not.toContain("vertrouwelijke");
  });

  it("the inbrenger deletes the case with its notes and takeaway, for real", async () => {
    const context = await setup();
    const { people } = context;
    const { meetingId, caseId } = await meetingWithCase(context);
    await setCaseChosen(people.groupFacilitator, meetingId, caseId, true);
    await stepMeeting(people.groupFacilitator, meetingId, "start", null);
    await addNote(people.groupMember, meetingId, caseId, "INSIGHT", "Notulist: mooi inzicht");
    await saveTakeaway(people.inbrenger, caseId, "Meenemen", false);
    expect(await deleteCase(people.inbrenger, caseId)).toEqual({ meetingId });
    expect(await prisma.intervisionCase.count({ where: { id: caseId } })).toBe(0);
    expect(await prisma.intervisionNote.count({ where: { caseId } })).toBe(0);
  });
});

describe("group forming", () => {
  it("refuses groups outside the limits with Dutch messages and logs a saved arrangement", async () => {
    const context = await setup();
    const { all, cohortA, group1, group2 } = context;
    const refused = await saveArrangement(
      cohortA.id,
      [
        {
          key: group1.id,
          name: "Groep 1",
          memberIds: [all.lisa.id, all.noor.id, all.sophie.id],
          facilitatorIds: [all.marco.id],
        },
        {
          key: group2.id,
          name: "Groep 2",
          memberIds: [all.erik.id, all.hans.id, all.ahmed.id, all.bas.id, all.mirjam.id],
          facilitatorIds: [],
        },
      ],
      all.sanne,
    );
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.errors.map((error) => error.message)).toEqual([
      "Groep 1 heeft 3 deelnemers; een intervisiegroep heeft er minstens 4.",
      "Kies een begeleider voor Groep 2.",
    ]);
    // Moving Mirjam to group 2 and Ahmed to group 1 keeps the others' acceptance of the agreements.
    await acceptAgreements(all.lisa, group1.id);
    const saved = await saveArrangement(
      cohortA.id,
      [
        {
          key: group1.id,
          name: "Groep 1",
          memberIds: [all.lisa.id, all.noor.id, all.sophie.id, all.ahmed.id],
          facilitatorIds: [all.marco.id, all.fatima.id],
        },
        {
          key: group2.id,
          name: "Groep 2",
          memberIds: [all.erik.id, all.hans.id, all.mirjam.id, all.bas.id],
          facilitatorIds: [all.fatima.id],
        },
      ],
      all.sanne,
    );
    // Allowed, with a warning: the duos of Deventer and Tilburg now sit together.
    expect(saved).toEqual({
      ok: true,
      warnings: [
        "Sophie en Ahmed (zelfde gemeente) zitten samen in Groep 1.",
        "Mirjam en Bas (zelfde gemeente) zitten samen in Groep 2.",
      ],
    });
    const members = await prisma.intervisionMember.findMany({
      where: { group: { cohortId: cohortA.id } },
      select: { groupId: true, userId: true, acceptedAgreementsVersion: true },
    });
    expect(
      members
        .filter((m) => m.groupId === group1.id)
        .map((m) => m.userId)
        .sort(),
    ).toEqual([all.lisa.id, all.noor.id, all.sophie.id, all.ahmed.id].sort());
    expect(members.find((m) => m.userId === all.lisa.id)?.acceptedAgreementsVersion).toBe(1);
    expect(await prisma.intervisionFacilitator.count({ where: { groupId: group1.id } })).toBe(2);
    const audit = await prisma.auditLog.findMany({
      where: { action: "intervision.groups.saved", entityId: cohortA.id },
    });
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit[1]!.details)).toContain("Ahmed");
  });

  it("a group with meetings cannot be emptied", async () => {
    const context = await setup();
    await meetingWithCase(context);
    const { all, cohortA, group2 } = context;
    const result = await saveArrangement(
      cohortA.id,
      [
        {
          key: group2.id,
          name: "Groep 2",
          memberIds: [all.erik.id, all.hans.id, all.ahmed.id, all.bas.id],
          facilitatorIds: [all.fatima.id],
        },
      ],
      all.sanne,
    );
    expect(!result.ok && result.errors.map((error) => error.message)).toEqual([
      "Groep 1 heeft al bijeenkomsten gehad of gepland; een groep met bijeenkomsten kun je niet leegmaken.",
    ]);
  });

  it("the facilitator edits the agreements; each member accepts every new version once", async () => {
    const { group1, people } = await setup();
    expect(await updateAgreements(people.groupMember, group1.id, "Mag niet")).toBe(false);
    expect(await acceptAgreements(people.otherGroupMember, group1.id)).toBe(false);
    await acceptAgreements(people.inbrenger, group1.id);
    expect((await getGroupForViewer(people.inbrenger, group1.id))!.acceptedCurrent).toBe(true);
    expect(await updateAgreements(people.groupFacilitator, group1.id, "- Nieuwe afspraak")).toBe(true);
    const group = await getGroupForViewer(people.inbrenger, group1.id);
    expect(group).toMatchObject({ agreementsVersion: 2, acceptedCurrent: false });
    await acceptAgreements(people.inbrenger, group1.id);
    expect((await getGroupForViewer(people.inbrenger, group1.id))!.acceptedCurrent).toBe(true);
  });
});

describe("running a meeting", () => {
  it("steps through the method, refuses a stale screen, and notes only while it runs", async () => {
    const context = await setup();
    const { people, session, group1 } = context;
    const { meetingId, caseId } = await meetingWithCase(context);
    await expect(
      planMeeting(people.groupFacilitator, group1.id, {
        sessionId: context.cohortB.id,
        startsAt: new Date(),
        endsAt: new Date(),
        location: "x",
        meetingUrl: null,
        methodSlug: null,
      }),
    ).rejects.toThrow(/bijeenkomst van dit leernetwerk/);
    expect(
      await planMeeting(people.groupFacilitator, group1.id, {
        sessionId: session.id,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        location: null,
        meetingUrl: "https://meet.test/x",
        methodSlug: null,
      }),
    ).not.toBeNull();
    await expect(stepMeeting(people.groupFacilitator, meetingId, "start", null)).rejects.toThrow(
      "Kies eerst een casus (of kies de open ronde).",
    );
    await setCaseChosen(people.groupFacilitator, meetingId, caseId, true);
    await expect(addNote(people.groupMember, meetingId, caseId, "QUESTION", "Te vroeg")).rejects.toThrow(DomainError);
    const t0 = new Date("2099-03-11T13:00:00Z");
    await stepMeeting(people.groupFacilitator, meetingId, "start", null, t0);
    await expect(setMethod(people.groupFacilitator, meetingId, "balintmethode")).rejects.toThrow(/al begonnen/);
    await stepMeeting(people.groupFacilitator, meetingId, "next", 0, new Date(t0.getTime() + 300_000));
    // A second screen still showing step 0 cannot move the meeting again by accident.
    await expect(stepMeeting(people.groupFacilitator, meetingId, "next", 0)).rejects.toThrow(/ander scherm/);
    await addNote(people.groupMember, meetingId, caseId, "QUESTION", "Wie was erbij?");
    const meeting = await getMeetingForViewer(people.groupMember, meetingId);
    expect(meeting).toMatchObject({ phase: "running", currentStep: 1 });
    expect(meeting!.cases[0]!.notes).toMatchObject([{ step: 1, kind: "QUESTION", body: "Wie was erbij?" }]);
    for (let step = 1; step < 5; step++) await stepMeeting(people.groupFacilitator, meetingId, "next", step);
    await expect(stepMeeting(people.groupFacilitator, meetingId, "next", 5)).rejects.toThrow(/laatste stap/);
    await stepMeeting(people.groupFacilitator, meetingId, "finish", 5);
    expect((await getMeetingForViewer(people.inbrenger, meetingId))!.phase).toBe("finished");
    await expect(addNote(people.groupMember, meetingId, caseId, "INSIGHT", "Te laat")).rejects.toThrow(
      /terwijl de bijeenkomst loopt/,
    );
    await expect(
      proposeCase(people.groupMember, meetingId, { title: "Later", situation: "x", question: "x", wish: "" }),
    ).rejects.toThrow(/al afgerond/);
  });

  it("the live view's stamp moves with every change it shows, and only the group gets one", async () => {
    const context = await setup();
    const { people } = context;
    const { meetingId, caseId } = await meetingWithCase(context);
    const stamps = [await liveStamp(people.groupMember, meetingId)];
    const expectNewStamp = async (what: string) => {
      const stamp = await liveStamp(people.groupMember, meetingId);
      expect(stamps, what).not.toContain(stamp);
      stamps.push(stamp);
    };
    // Nothing changed: the same stamp, for everyone in the group.
    expect(await liveStamp(people.groupMember, meetingId)).toBe(stamps[0]);
    expect(await liveStamp(people.groupFacilitator, meetingId)).toBe(stamps[0]);
    await setCaseChosen(people.groupFacilitator, meetingId, caseId, true);
    await expectNewStamp("a case chosen");
    await stepMeeting(people.groupFacilitator, meetingId, "start", null);
    await expectNewStamp("the meeting started");
    await addNote(people.groupMember, meetingId, caseId, "QUESTION", "Wie was erbij?");
    await expectNewStamp("a note");
    await stepMeeting(people.groupFacilitator, meetingId, "next", 0);
    await expectNewStamp("the next step");
    await proposeCase(people.groupMember, meetingId, { title: "Nog een", situation: "x", question: "x", wish: "" });
    await expectNewStamp("a case proposed");
    for (const outsider of [
      people.otherGroupMember,
      people.otherGroupFacilitator,
      people.otherCohortParticipant,
      people.coordinator,
    ]) {
      expect(await liveStamp(outsider, meetingId)).toBeNull();
    }
  });

  it("reads of a case by the group are recorded and shown to the inbrenger only (issue 15)", async () => {
    const context = await setup();
    const { people } = context;
    const { caseId } = await meetingWithCase(context);
    await recordRead(people.groupMember, { intervisionCaseId: caseId });
    await recordRead(people.groupFacilitator, { intervisionCaseId: caseId });
    await recordRead(people.groupMember, { intervisionCaseId: caseId });
    const mine = (await getCaseForViewer(people.inbrenger, caseId))!;
    expect(mine.readBy.map((read) => [read.reader.id, read.count]).sort()).toEqual(
      [
        [people.groupMember.id, 2],
        [people.groupFacilitator.id, 1],
      ].sort(),
    );
    expect((await getCaseForViewer(people.groupMember, caseId))!.readBy).toEqual([]);
    await deleteCase(people.inbrenger, caseId);
    expect(await prisma.recordRead.count({ where: { intervisionCaseId: caseId } })).toBe(0);
  });

  it("the takeaway can go into the inbrenger's journal as a private entry linked to the meeting", async () => {
    const context = await setup();
    const { people } = context;
    const { meetingId, caseId } = await meetingWithCase(context);
    const saved = await saveTakeaway(people.inbrenger, caseId, "Ik vraag eerst, dan pas advies.", true);
    const entry = await getEntryForViewer(people.inbrenger, saved!.journalEntryId!);
    expect(entry).toMatchObject({
      audiences: [],
      body: "Ik vraag eerst, dan pas advies.",
      tags: ["intervisie"],
      intervisionMeeting: { id: meetingId },
    });
    // Private: not even the group reads it in the journal.
    expect(await getEntryForViewer(people.groupMember, saved!.journalEntryId!)).toBeNull();
    expect((await getCaseForViewer(people.inbrenger, caseId))!.meeting.journalEntries).toHaveLength(1);
    expect((await getCaseForViewer(people.groupMember, caseId))!.meeting.journalEntries).toHaveLength(0);
  });
});

describe("notifications", () => {
  it("members hear about a planned meeting; the inbrenger hears that the case was chosen, without its content", async () => {
    const context = await setup();
    const { people } = context;
    const { meetingId, caseId } = await meetingWithCase(context);
    const planned = await prisma.notification.findMany({
      where: { kind: "intervision-meeting", url: { endsWith: meetingId } },
      select: { userId: true },
    });
    expect(planned.map((n) => n.userId).sort()).toEqual(
      [people.inbrenger.id, people.groupMember.id, context.all.sophie.id, context.all.mirjam.id].sort(),
    );
    await setCaseChosen(people.groupFacilitator, meetingId, caseId, true);
    await setCaseChosen(people.groupFacilitator, meetingId, caseId, false);
    await setCaseChosen(people.groupFacilitator, meetingId, caseId, true);
    const chosen = await prisma.notification.findMany({
      where: { kind: "intervision-case-chosen", url: { endsWith: meetingId } },
      select: { userId: true, id: true },
    });
    expect(chosen.map((n) => n.userId)).toEqual([people.inbrenger.id]);
    const email = await prisma.emailMessage.findFirstOrThrow({ where: { notificationId: chosen[0]!.id } });
    expect(email.subject).toBe("Intervisie Groep 1: je casus is gekozen");
    expect(email.text).not.toContain("Mijn casus");
    expect(email.text).not.toContain("vertrouwelijke");
  });
});

describe("demo data", () => {
  it("has two groups in the demo cohort with Lisa and Erik apart, a past meeting with a case and an upcoming one", async () => {
    const { seedDemo, demoLogins } = await import("../../prisma/demo-data.ts");
    const { cohortId } = await seedDemo(prisma);
    const groups = await prisma.intervisionGroup.findMany({
      where: { cohortId },
      orderBy: { name: "asc" },
      select: {
        name: true,
        members: { select: { user: { select: { email: true } } } },
        facilitators: { select: { user: { select: { email: true } } } },
        meetings: {
          select: {
            finishedAt: true,
            attendances: true,
            cases: { select: { status: true, takeaway: true, _count: { select: { notes: true } } } },
          },
        },
      },
    });
    expect(groups.map((group) => group.name)).toEqual(["Groep 1", "Groep 2"]);
    const emails = groups.map((group) => group.members.map((member) => member.user.email));
    expect(emails[0]).toContain(demoLogins.participant);
    expect(emails[1]).toContain(demoLogins.participantPartner);
    for (const group of groups) expect(group.members.length).toBeGreaterThanOrEqual(4);
    expect(groups[0]!.facilitators.map((f) => f.user.email)).toEqual([demoLogins.facilitator]);
    const [past, upcoming] = [
      groups[0]!.meetings.find((m) => m.finishedAt),
      groups[0]!.meetings.find((m) => !m.finishedAt),
    ];
    expect(past!.attendances.length).toBeGreaterThan(0);
    expect(past!.cases[0]).toMatchObject({ status: "CHOSEN", _count: { notes: 4 } });
    expect(past!.cases[0]!.takeaway).not.toBe("");
    expect(upcoming!.cases.map((item) => item.status)).toEqual(["PROPOSED"]);
  });
});
