// Rules that used to be checked only by a page's action and now live in the model, so every caller (a page,
// a job, a test) is refused the same way: the model throws a DomainError (or finds nothing) itself.
import { describe, expect, it } from "vitest";
import { addFacilitator, createCohort, createEnrollment, createUser } from "../../prisma/factories.ts";
import { getLibrary } from "~/content/library.server.ts";
import { amsterdamTime } from "~/utils/dates.ts";
import { prisma } from "~/utils/db.server.ts";
import { DomainError } from "~/utils/domain-error.ts";
import { findPlanEnrollment, savePlan, saveVersion } from "./action-plan.server.ts";
import { normalizeContent } from "./action-plan-sections.ts";
import { addSubmissionMessage, saveSubmissionBody, submitSubmission } from "./assignment.server.ts";
import { recordAttendance, signOff, withdrawSignOff } from "./attendance.server.ts";
import { addReading, removeReading } from "./course-progress.server.ts";
import { addNote, fixReadersOfCases } from "./intervision.server.ts";
import { publishArticle } from "./knowledge.server.ts";

async function world(sessionDate = "2099-03-10") {
  const cohort = await createCohort(prisma, {
    status: "RUNNING",
    sessions: [{ number: 1, title: "Start", date: sessionDate, start: "10:00", end: "13:00", format: "ONLINE" }],
  });
  const zwolle = await createEnrollment(prisma, {
    cohortId: cohort.id,
    members: [
      { name: "Lisa", function: "BELEIDSMEDEWERKER" },
      { name: "Erik", function: "LEIDINGGEVENDE" },
    ],
  });
  const marco = await createUser(prisma, { name: "Marco", role: "FACILITATOR" });
  const sanne = await createUser(prisma, { name: "Sanne", role: "COORDINATOR" });
  await addFacilitator(prisma, cohort.id, marco.id);
  const session = await prisma.cohortSession.findFirstOrThrow({ where: { cohortId: cohort.id } });
  const [lisa, erik] = zwolle.members as [typeof marco, typeof marco];
  return { cohort, zwolle, session, lisa, erik, marco, sanne };
}

describe("rules the models enforce themselves", () => {
  it("the duo replies in a feedback thread only after feedback", async () => {
    const w = await world();
    const assignment = await prisma.assignment.create({
      data: {
        sessionId: w.session.id,
        title: "Opdracht",
        instructions: "",
        dueAt: amsterdamTime("2099-03-09", "17:00"),
        kind: "DUO",
      },
    });
    const saved = await saveSubmissionBody(w.lisa, assignment.id, "Onze uitwerking", 0);
    if (saved.status !== "saved") throw new Error("not saved");
    await submitSubmission(w.lisa, assignment.id);
    await expect(addSubmissionMessage(w.erik, saved.id, "Hallo?")).rejects.toMatchObject({
      message: "Reageren kan als er feedback is.",
      field: "body",
    });
    expect(await prisma.submissionMessage.count({ where: { submissionId: saved.id } })).toBe(0);
    await addSubmissionMessage(w.marco, saved.id, "Mooi werk.");
    expect(await addSubmissionMessage(w.erik, saved.id, "Dank je!")).toMatchObject({ id: expect.any(String) });
  });

  it("a reading is attached once, only when it exists, and both changes are in the audit log", async () => {
    const w = await world();
    const lesson = getLibrary().modules[0]!.lessons[0]!;
    await expect(addReading(w.session.id, "bestaat-niet", w.sanne)).rejects.toMatchObject({
      message: "Kies een module of les uit de lijst.",
      field: "contentId",
    });
    const reading = await addReading(w.session.id, lesson.id, w.sanne);
    expect(reading.title).toBe(lesson.title);
    await expect(addReading(w.session.id, lesson.id, w.sanne)).rejects.toMatchObject({
      message: `"${lesson.title}" staat al bij deze bijeenkomst.`,
      field: "contentId",
    });
    expect(await removeReading(w.session.id, reading.id, w.sanne)).toBe(true);
    expect(await removeReading(w.session.id, reading.id, w.sanne)).toBe(false);
    const audit = await prisma.auditLog.findMany({
      where: { entityId: w.session.id },
      orderBy: { createdAt: "asc" },
      select: { action: true },
    });
    expect(audit.map((entry) => entry.action)).toEqual(["session.reading.add", "session.reading.remove"]);
  });

  it("a summary is published only with consent", async () => {
    const w = await world("2020-01-10");
    await savePlan(
      w.lisa,
      w.zwolle.enrollment.id,
      normalizeContent({ "fase-ontsluiten": { gaan: "Gesprekken in eenvoudige taal" } }),
      0,
    );
    const input = {
      title: "Gesprekken in eenvoudige taal over schulden",
      themes: ["schulden"],
      showMunicipality: false,
      sections: [
        {
          sectionId: "fase-ontsluiten",
          text: "We voerden gesprekken in eenvoudige taal op plekken waar mensen al komen.",
        },
      ],
    };
    const refused = await publishArticle(w.lisa, { ...input, consent: false }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).fieldErrors).toEqual({
      consent: ["Geef toestemming om de samenvatting te delen, of deel hem (nog) niet."],
    });
    expect(await prisma.knowledgeArticle.count({ where: { enrollmentId: w.zwolle.enrollment.id } })).toBe(0);
    // One member's consent is not enough (issue 15): the duo's partner must consent to the same text.
    expect(await publishArticle(w.lisa, { ...input, consent: true })).toEqual({ article: null, waitingFor: ["Erik"] });
    expect(await prisma.knowledgeArticle.count({ where: { enrollmentId: w.zwolle.enrollment.id } })).toBe(0);
    expect(await publishArticle(w.erik, { ...input, consent: true })).toMatchObject({
      article: { id: expect.any(String) },
      waitingFor: [],
    });
  });

  it("a note goes on a chosen case of this meeting only", async () => {
    const w = await world();
    const group = await prisma.intervisionGroup.create({
      data: {
        cohortId: w.cohort.id,
        name: "Groep",
        members: { create: [{ userId: w.lisa.id }, { userId: w.erik.id }] },
        facilitators: { create: [{ userId: w.marco.id }] },
      },
    });
    const times = {
      startsAt: amsterdamTime("2099-04-01", "14:00"),
      endsAt: amsterdamTime("2099-04-01", "15:30"),
      location: "Utrecht",
    };
    const running = { methodSlug: "open-ronde", currentStep: 0, startedAt: new Date(), stepStartedAt: new Date() };
    const first = await prisma.intervisionMeeting.create({ data: { groupId: group.id, ...times, ...running } });
    const second = await prisma.intervisionMeeting.create({ data: { groupId: group.id, ...times, ...running } });
    const item = await prisma.intervisionCase.create({
      data: {
        meetingId: first.id,
        authorId: w.lisa.id,
        title: "Casus",
        situation: "Een situatie",
        question: "Wat nu?",
        status: "CHOSEN",
      },
    });
    await fixReadersOfCases({ id: item.id });
    expect(await addNote(w.erik, second.id, item.id, "QUESTION", "Op de verkeerde bijeenkomst")).toBeNull();
    expect(await addNote(w.erik, first.id, item.id, "QUESTION", "Wat deed je toen?")).toMatchObject({
      id: expect.any(String),
    });
    expect(await prisma.intervisionNote.count({ where: { caseId: item.id } })).toBe(1);
  });

  it("only participants of the cohort sign off; only its staff record attendance", async () => {
    const w = await world();
    for (const staff of [w.marco, w.sanne]) {
      await expect(signOff(w.cohort.id, w.session.id, staff.id, "Ik kan niet")).rejects.toMatchObject({
        message: "Alleen deelnemers kunnen zich afmelden.",
      });
      await expect(withdrawSignOff(w.cohort.id, w.session.id, staff.id)).rejects.toBeInstanceOf(DomainError);
    }
    expect(await prisma.attendance.count({ where: { sessionId: w.session.id } })).toBe(0);
    expect(await signOff(w.cohort.id, w.session.id, w.lisa.id, "Ik ben ziek")).toBe(true);

    const otherFacilitator = await createUser(prisma, { role: "FACILITATOR" });
    for (const actor of [w.erik, otherFacilitator]) {
      await expect(
        recordAttendance(w.cohort.id, w.session.id, [{ userId: w.erik.id, status: "PRESENT" }], actor),
      ).rejects.toMatchObject({
        message: "Alleen de begeleiders en de coördinator houden de aanwezigheid bij.",
      });
    }
    expect(
      await recordAttendance(w.cohort.id, w.session.id, [{ userId: w.erik.id, status: "PRESENT" }], w.marco),
    ).toEqual({ changed: 1 });
  });

  it("only the duo itself saves its canvas and its versions", async () => {
    const w = await world();
    const content = normalizeContent({ "fase-ontsluiten": { gaan: "Iets" } });
    await expect(savePlan(w.marco, w.zwolle.enrollment.id, content, 0)).rejects.toMatchObject({
      message: "Alleen het duo zelf past de aanpak aan.",
    });
    expect(await prisma.actionPlan.count({ where: { enrollmentId: w.zwolle.enrollment.id } })).toBe(0);
    expect(await savePlan(w.lisa, w.zwolle.enrollment.id, content, 0)).toMatchObject({ status: "saved" });
    const enrollment = (await findPlanEnrollment(w.marco, "facilitator", w.cohort.id, w.zwolle.enrollment.id))!;
    await expect(saveVersion(w.marco, enrollment, null)).rejects.toBeInstanceOf(DomainError);
    expect(await saveVersion(w.erik, enrollment, w.session.id)).toMatchObject({ number: 1 });
  });
});
