// The cohort page reads its rows with one hand-written statement (getCohortOverview, issue 18); it must give
// exactly what the nested select through Prisma it replaced gave, for a participant (their own attendance,
// the announcements they may read) and for staff (every row). Its own file, so its own database.
import { describe, expect, it } from "vitest";
import { createCohortWorld } from "../../tests/support/cohort-world.ts";
import { prisma } from "~/utils/db.server.ts";
import { getCohortOverview, sessionSummarySelect } from "./cohort.server.ts";
import { resolveReadings } from "./course-progress.server.ts";

/** The Prisma version the statement replaced (as it was before issue 18's fourth round). */
async function overviewThroughPrisma(cohortId: string, attendanceOf: { all: true } | { userId: string }) {
  const cohort = await prisma.cohort.findUnique({
    where: { id: cohortId },
    select: {
      id: true,
      name: true,
      theme: true,
      description: true,
      status: true,
      startsOn: true,
      endsOn: true,
      capacity: true,
      sessions: {
        orderBy: { number: "asc" },
        select: {
          ...sessionSummarySelect,
          attendances: {
            where: "userId" in attendanceOf ? { userId: attendanceOf.userId } : {},
            select: { userId: true, status: true, reason: true },
          },
          readings: { orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true, contentId: true } },
        },
      },
      enrollments: {
        where: { status: "ACTIVE" },
        orderBy: { municipality: { name: "asc" } },
        select: {
          id: true,
          vraagstuk: true,
          municipality: { select: { name: true } },
          members: {
            orderBy: { createdAt: "asc" },
            select: { function: true, user: { select: { id: true, name: true } } },
          },
        },
      },
      facilitators: {
        orderBy: { createdAt: "asc" },
        select: { user: { select: { id: true, name: true, title: true } } },
      },
      announcements: {
        where:
          "userId" in attendanceOf
            ? { OR: [{ groupId: null }, { group: { members: { some: { userId: attendanceOf.userId } } } }] }
            : {},
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 3,
        select: { id: true, title: true, createdAt: true },
      },
    },
  });
  if (!cohort) return null;
  const sessions = cohort.sessions.map(({ readings: _readings, ...session }) => session);
  const readings = Object.fromEntries(
    cohort.sessions.map((session) => [session.id, resolveReadings(session.readings)]),
  );
  return { ...cohort, sessions, readings };
}

describe("the cohort page in one statement", () => {
  it("gives the rows the nested select through Prisma gave, for a participant and for staff", async () => {
    const now = new Date();
    const world = await createCohortWorld(prisma, { duos: 4, now });
    const cohortId = world.cohort.id;
    const participantId = world.participant.id;
    // A cancelled session; a facilitator's attendance note with a reason for another participant.
    await prisma.cohortSession.update({ where: { id: world.sessions[2]!.id }, data: { cancelledAt: now } });
    const groups = await prisma.intervisionGroup.findMany({
      where: { cohortId },
      select: { id: true, members: { select: { userId: true } } },
    });
    const own = groups.find((group) => group.members.some((member) => member.userId === participantId));
    const other = groups.find((group) => group !== own);
    expect(own && other).toBeTruthy();
    // Announcements: the newest for another group (not for the participant), then their group's, then two
    // for everyone (the oldest falls off the three shown).
    const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000);
    const announcement = { cohortId, authorId: world.facilitator.id, body: "Tekst" };
    await prisma.announcement.createMany({
      data: [
        { ...announcement, title: "Andere groep", groupId: other!.id, createdAt: at(1) },
        { ...announcement, title: "Eigen groep", groupId: own!.id, createdAt: at(2) },
        { ...announcement, title: "Iedereen 1", createdAt: at(3) },
        { ...announcement, title: "Iedereen 2", createdAt: at(4) },
      ],
    });

    for (const attendanceOf of [{ userId: participantId }, { all: true as const }]) {
      const overview = await getCohortOverview(cohortId, attendanceOf);
      expect(overview).toEqual(await overviewThroughPrisma(cohortId, attendanceOf));
      expect(overview!.sessions.length).toBe(world.sessions.length);
      expect(overview!.enrollments.length).toBe(4);
      expect(overview!.facilitators.length).toBeGreaterThan(0);
      expect(Object.values(overview!.readings).flat().length).toBeGreaterThan(0);
      expect(overview!.sessions.some((session) => session.cancelledAt)).toBe(true);
    }
    const forParticipant = await getCohortOverview(cohortId, { userId: participantId });
    expect(forParticipant!.announcements.map((row) => row.title)).toEqual(["Eigen groep", "Iedereen 1", "Iedereen 2"]);
    expect(forParticipant!.sessions.flatMap((session) => session.attendances.map((row) => row.userId))).toEqual(
      expect.arrayContaining([participantId]),
    );
    expect(
      forParticipant!.sessions.every((session) => session.attendances.every((row) => row.userId === participantId)),
    ).toBe(true);
    const forStaff = await getCohortOverview(cohortId, { all: true });
    expect(forStaff!.announcements.map((row) => row.title)).toEqual(["Andere groep", "Eigen groep", "Iedereen 1"]);
    expect(new Set(forStaff!.sessions.flatMap((s) => s.attendances.map((row) => row.userId))).size).toBeGreaterThan(1);

    // A cohort that does not exist: null, as before.
    expect(await getCohortOverview("00000000-0000-4000-8000-000000000000", { all: true })).toBeNull();
  });
});
