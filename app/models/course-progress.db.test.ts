import { describe, expect, it } from "vitest";
import { addFacilitator, createCohort, createEnrollment, createUser } from "../../prisma/factories.ts";
import { getLibrary } from "~/content/library.server.ts";
import { prisma } from "~/utils/db.server.ts";
import {
  addReading,
  cohortProgress,
  findDuo,
  lessonForViewer,
  readLessons,
  removeReading,
  saveZelfscan,
  sessionReadings,
  setLessonRead,
} from "./course-progress.server.ts";
import { facilitatorStart, participantStart } from "./start-page.server.ts";

const library = getLibrary();
const [first, second] = library.readingOrder;

async function setup() {
  const cohort = await createCohort(prisma, {
    name: "Voortgang test",
    sessions: [{ number: 1, title: "Start", date: "2099-03-10", start: "10:00", end: "13:00", format: "ONLINE" }],
  });
  const zwolle = await createEnrollment(prisma, {
    cohortId: cohort.id,
    municipality: "Zwolle (test)",
    members: [
      { name: "Lisa", function: "BELEIDSMEDEWERKER" },
      { name: "Erik", function: "LEIDINGGEVENDE" },
    ],
  });
  const almere = await createEnrollment(prisma, {
    cohortId: cohort.id,
    municipality: "Almere (test)",
    members: [{ name: "Joost", function: "BELEIDSMEDEWERKER" }],
  });
  const session = await prisma.cohortSession.findFirstOrThrow({ where: { cohortId: cohort.id } });
  return { cohort, session, lisa: zwolle.members[0]!, erik: zwolle.members[1]!, joost: almere.members[0]! };
}

describe("course progress", () => {
  it("marks a lesson read and unread, idempotently, per person", async () => {
    const { lisa, erik } = await setup();
    await setLessonRead(lisa.id, first!.id, true);
    await setLessonRead(lisa.id, first!.id, true);
    let read = await readLessons([lisa.id, erik.id]);
    expect([...read.get(lisa.id)!.keys()]).toEqual([first!.id]);
    expect(read.get(erik.id)!.size).toBe(0);
    await setLessonRead(lisa.id, first!.id, false);
    read = await readLessons([lisa.id]);
    expect(read.get(lisa.id)!.size).toBe(0);
  });

  it("finds the duo with the participant first, and the cohort's progress per duo", async () => {
    const { cohort, lisa, erik, joost } = await setup();
    expect((await findDuo(lisa))?.people.map((person) => [person.name, person.isMe])).toEqual([
      ["Lisa", true],
      ["Erik", false],
    ]);
    expect((await findDuo(erik))?.people.map((person) => person.name)).toEqual(["Erik", "Lisa"]);
    await setLessonRead(lisa.id, first!.id, true);
    await setLessonRead(lisa.id, second!.id, true);
    await setLessonRead(joost.id, first!.id, true);
    const progress = await cohortProgress(cohort.id);
    expect(progress.map((duo) => duo.municipality)).toEqual(["Almere (test)", "Zwolle (test)"]);
    const zwolle = progress[1]!;
    expect(zwolle.members.map((member) => [member.name, member.total.read])).toEqual([
      ["Lisa", 2],
      ["Erik", 0],
    ]);
    expect(zwolle.members[0]!.total.total).toBe(library.readingOrder.length);
    const firstModule = zwolle.members[0]!.modules.find((module) => module.slug === first!.moduleSlug)!;
    expect(firstModule.read).toBe(first!.moduleSlug === second!.moduleSlug ? 2 : 1);
  });

  it("saves zelfscan answers per participant and updates them", async () => {
    const { lisa, erik } = await setup();
    await saveZelfscan(lisa.id, "scan-a", {
      q1: { checked: true, note: "Besproken in het MT" },
      q2: { checked: false, note: "" },
    });
    await saveZelfscan(lisa.id, "scan-a", { q2: { checked: true, note: "Nu wel" } });
    const lesson = { id: first!.id, opdrachten: [], zelfscans: [{ id: "scan-a" }] };
    expect((await lessonForViewer(lisa, lesson)).answers).toEqual({
      "scan-a": { q1: { checked: true, note: "Besproken in het MT" }, q2: { checked: true, note: "Nu wel" } },
    });
    expect((await lessonForViewer(erik, lesson)).answers).toEqual({});
  });

  it("attaches readings to a session and shows them on the participant's start page with read state", async () => {
    const { session, lisa } = await setup();
    const sanne = await createUser(prisma, { role: "COORDINATOR" });
    const module = library.modules[0]!;
    await addReading(session.id, module.slug, sanne);
    const lessonReading = await addReading(session.id, library.modules[1]!.lessons[0]!.id, sanne);
    await expect(addReading(session.id, module.slug, sanne)).rejects.toThrow();
    await setLessonRead(lisa.id, module.lessons[0]!.id, true);

    const readings = (await sessionReadings([session.id])).get(session.id)!;
    expect(readings.map((reading) => reading.href)).toEqual([
      `/leren/${module.slug}`,
      `/leren/${library.modules[1]!.lessons[0]!.id}`,
    ]);
    expect(readings[0]!.minutes).toBe(module.minutes);

    const [start] = await participantStart(lisa, new Date("2099-01-01T00:00:00Z"));
    expect(start!.toRead).toEqual([
      expect.objectContaining({ title: module.title, lessons: module.lessons.length, lessonsRead: 1 }),
      expect.objectContaining({ lessons: 1, lessonsRead: 0 }),
    ]);

    await removeReading(session.id, lessonReading.id, sanne);
    expect((await sessionReadings([session.id])).get(session.id)!.map((reading) => reading.contentId)).toEqual([
      module.slug,
    ]);
  });
});

describe("start page: next session", () => {
  it("skips a cancelled session for participants and facilitators", async () => {
    const cohort = await createCohort(prisma, {
      name: "Afgelast test",
      sessions: [
        { number: 1, title: "Gaat niet door", date: "2099-03-10", start: "10:00", end: "12:00", format: "ONLINE" },
        { number: 2, title: "Gaat wel door", date: "2099-04-10", start: "10:00", end: "12:00", format: "ONLINE" },
      ],
    });
    const { members } = await createEnrollment(prisma, {
      cohortId: cohort.id,
      members: [{ name: "Ria", function: "BELEIDSMEDEWERKER" }],
    });
    const facilitator = await createUser(prisma, { role: "FACILITATOR" });
    await addFacilitator(prisma, cohort.id, facilitator.id);
    await prisma.cohortSession.updateMany({
      where: { cohortId: cohort.id, number: 1 },
      data: { cancelledAt: new Date() },
    });
    const now = new Date("2099-01-01T00:00:00Z");
    const [start] = await participantStart(members[0]!, now);
    expect(start!.nextSession?.title).toBe("Gaat wel door");
    const { nextSessions } = await facilitatorStart(facilitator, now);
    expect(nextSessions.map((session) => session.title)).toEqual(["Gaat wel door"]);
  });
});
