// Cohorts (leernetwerken) as the pages need them. Queries select only what is shown and fetch related
// rows in the same query (no N+1).
import type { User } from "lucia";
import type { Prisma, Role } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";
import { resolveReadings } from "./course-progress.server.ts";

/** What pages show of a scheduled session. */
export const sessionSummarySelect = {
  id: true,
  number: true,
  title: true,
  startsAt: true,
  endsAt: true,
  format: true,
  location: true,
  meetingUrl: true,
  preparation: true,
  cancelledAt: true,
} as const satisfies Prisma.CohortSessionSelect;

/** The cohorts a user may see: all for coordinators, their own for facilitators and participants. */
export function cohortVisibilityFilter(user: Pick<User, "id" | "role">): Prisma.CohortWhereInput {
  if (user.role === "COORDINATOR") return {};
  if (user.role === "FACILITATOR") return { facilitators: { some: { userId: user.id } } };
  return { enrollments: { some: { status: "ACTIVE", members: { some: { userId: user.id } } } } };
}

export function listCohortsForUser(user: Pick<User, "id" | "role">) {
  return prisma.cohort.findMany({
    where: cohortVisibilityFilter(user),
    orderBy: { startsOn: "desc" },
    select: {
      id: true,
      name: true,
      theme: true,
      status: true,
      startsOn: true,
      endsOn: true,
      capacity: true,
      _count: { select: { enrollments: { where: { status: "ACTIVE" } }, sessions: true } },
    },
  });
}

/**
 * A cohort's page in one query: details, schedule with what to read before each session, municipalities
 * with their duos, facilitators, and attendance — every row for staff (the dashboard), only the person's
 * own rows for a participant.
 */
export async function getCohortOverview(
  cohortId: string,
  attendanceOf: { all: true } | { userId: string } = { all: true },
) {
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
      // Issue 19: the latest announcements this viewer may read (a group's only for its members), in the same query.
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

/** The enrolments of all cohorts, for choosing where a new participant joins. */
export function listEnrollmentChoices() {
  return prisma.enrollment.findMany({
    where: { status: "ACTIVE" },
    orderBy: [{ cohort: { startsOn: "desc" } }, { municipality: { name: "asc" } }],
    select: {
      id: true,
      municipality: { select: { name: true } },
      cohort: { select: { id: true, name: true } },
    },
  });
}

export function listCohortChoices() {
  return prisma.cohort.findMany({ orderBy: { startsOn: "desc" }, select: { id: true, name: true } });
}

/** The header of every page of a cohort (the /leernetwerken/:cohortId layout loads it once per request). */
const cohortHeaderSelect = {
  id: true,
  name: true,
  slug: true,
  status: true,
  // Archived by the closing routine: read-only (requireCohortMember refuses every write).
  archivedAt: true,
  closing: { select: { certificatesIssuedAt: true } },
} as const satisfies Prisma.CohortSelect;

/** How a user relates to a cohort: coordinators see every cohort, facilitators the ones they facilitate, participants their duo's. */
export type CohortRelation = "coordinator" | "facilitator" | "participant";

const relationOfRole = {
  COORDINATOR: "coordinator",
  FACILITATOR: "facilitator",
  PARTICIPANT: "participant",
} as const satisfies Record<Role, CohortRelation>;

/**
 * Whether the user may see the cohort, with its header, in one query: null when they have no business there
 * (or it does not exist). Coordinators get the figures of the cohort admin navigation (places taken, open
 * applications) too. The guard (requireCohortMember) asks this once per request, for the layout and the page.
 */
export async function findCohortAccess(user: Pick<User, "id" | "role">, cohortId: string) {
  const relation = relationOfRole[user.role];
  if (relation !== "coordinator") {
    const where: Prisma.CohortWhereInput =
      relation === "facilitator"
        ? { id: cohortId, facilitators: { some: { userId: user.id } } }
        : { id: cohortId, enrollments: { some: { status: "ACTIVE", members: { some: { userId: user.id } } } } };
    const cohort = await prisma.cohort.findFirst({ where, select: cohortHeaderSelect });
    return cohort ? { relation, cohort: { ...cohort, admin: null } } : null;
  }
  const cohort = await prisma.cohort.findUnique({
    where: { id: cohortId },
    select: {
      ...cohortHeaderSelect,
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
    relation,
    cohort: {
      ...header,
      admin: { capacity, activeEnrollments: _count.enrollments, openApplications: _count.applications },
    },
  };
}

export type CohortHeader = NonNullable<Awaited<ReturnType<typeof findCohortAccess>>>["cohort"];
