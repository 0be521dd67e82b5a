// The cohort page reads its rows with one hand-written statement (getCohortOverview, issue 18); it must give
// exactly what the nested select through Prisma it replaced gave, for a participant (their own attendance,
// the announcements they may read) and for staff (every row). Its own file, so its own database.
import { describe, expect, it } from "vitest";
import { createCohortWorld } from "../../tests/support/cohort-world.ts";
import { prisma } from "~/utils/db.server.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import { createUser } from "../../prisma/factories.ts";
import {
  cohortOverviewWithAccess,
  findCohortAccess,
  getCohortOverview,
  sessionSummarySelect,
} from "./cohort.server.ts";
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

const headerSelect = {
  id: true,
  name: true,
  slug: true,
  status: true,
  archivedAt: true,
  closing: { select: { certificatesIssuedAt: true } },
} as const satisfies Prisma.CohortSelect;

/** The Prisma version of findCohortAccess the statement replaced. */
async function accessThroughPrisma(
  user: { id: string; role: "COORDINATOR" | "FACILITATOR" | "PARTICIPANT" },
  cohortId: string,
) {
  if (user.role !== "COORDINATOR") {
    const relation = user.role === "FACILITATOR" ? "facilitator" : "participant";
    const where: Prisma.CohortWhereInput =
      relation === "facilitator"
        ? { id: cohortId, facilitators: { some: { userId: user.id } } }
        : { id: cohortId, enrollments: { some: { status: "ACTIVE", members: { some: { userId: user.id } } } } };
    const cohort = await prisma.cohort.findFirst({ where, select: headerSelect });
    return cohort ? { relation, cohort: { ...cohort, admin: null } } : null;
  }
  const cohort = await prisma.cohort.findUnique({
    where: { id: cohortId },
    select: {
      ...headerSelect,
      capacity: true,
      _count: {
        select: {
          enrollments: { where: { status: "ACTIVE" } },
          applications: { where: { status: { in: ["SUBMITTED", "INTAKE_PLANNED"] } } },
        },
      },
    },
  });
  if (!cohort) return null;
  const { capacity, _count, ...header } = cohort;
  return {
    relation: "coordinator",
    cohort: {
      ...header,
      admin: { capacity, activeEnrollments: _count.enrollments, openApplications: _count.applications },
    },
  };
}

describe("the cohort page in one statement", () => {
  it("lets in the same people with the same header as the Prisma query did", async () => {
    const now = new Date();
    const world = await createCohortWorld(prisma, { duos: 2, now });
    const other = await createCohortWorld(prisma, { duos: 1, now });
    const coordinator = await createUser(prisma, { role: "COORDINATOR" });
    const people = [
      { id: coordinator.id, role: "COORDINATOR" as const },
      { id: world.facilitator.id, role: "FACILITATOR" as const },
      { id: world.participant.id, role: "PARTICIPANT" as const },
      { id: other.facilitator.id, role: "FACILITATOR" as const },
      { id: other.participant.id, role: "PARTICIPANT" as const },
    ];
    const check = async () => {
      for (const user of people) {
        for (const cohortId of [world.cohort.id, "00000000-0000-4000-8000-000000000000"]) {
          const access = await findCohortAccess(user, cohortId);
          expect(access).toEqual(await accessThroughPrisma(user, cohortId));
          // With the cohort page's data in the same statement: the same check and header, and the page's data
          // only for whoever passed it, equal to getCohortOverview's for their relation.
          const { pageData, ...withPage } = (await findCohortAccess(user, cohortId, cohortOverviewWithAccess)) ?? {};
          expect(access ? withPage : null).toEqual(access && { ...access, pageData: undefined });
          if (!access) expect(pageData).toBeUndefined();
          else {
            expect(cohortOverviewWithAccess.read(pageData?.value)).toEqual(
              await getCohortOverview(cohortId, user.role === "PARTICIPANT" ? { userId: user.id } : { all: true }),
            );
          }
        }
      }
    };
    await check();
    expect((await findCohortAccess(people[1]!, world.cohort.id))?.relation).toBe("facilitator");
    expect(await findCohortAccess(people[3]!, world.cohort.id)).toBeNull();
    expect(await findCohortAccess(people[4]!, world.cohort.id)).toBeNull();
    expect((await findCohortAccess(people[0]!, world.cohort.id))?.cohort.admin?.openApplications).toBeGreaterThan(0);
    // Closed and archived: the closing row with the certificates, the moment of archiving.
    await prisma.cohortClosing.create({ data: { cohortId: world.cohort.id, certificatesIssuedAt: now } });
    await prisma.cohort.update({ where: { id: world.cohort.id }, data: { archivedAt: now } });
    await check();
    const closed = await findCohortAccess(people[2]!, world.cohort.id);
    expect(closed?.cohort.closing?.certificatesIssuedAt).toEqual(now);
    expect(closed?.cohort.archivedAt).toEqual(now);
    // A participant whose enrolment is no longer active: no access.
    await prisma.enrollment.updateMany({
      where: { cohortId: world.cohort.id, members: { some: { userId: world.participant.id } } },
      data: { status: "WITHDRAWN" },
    });
    expect(await findCohortAccess(people[2]!, world.cohort.id)).toBeNull();
    await check();
  });

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
