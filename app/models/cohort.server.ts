// Cohorts (leernetwerken) as the pages need them. Queries select only what is shown and fetch related
// rows in the same query (no N+1).
import type { User } from "lucia";
import type { Prisma } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";

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
 * A cohort's page in one query: details, schedule, municipalities with their duos, facilitators, and
 * attendance — every row for staff (the dashboard), only the person's own rows for a participant.
 */
export function getCohortOverview(cohortId: string, attendanceOf: { all: true } | { userId: string } = { all: true }) {
  return prisma.cohort.findUnique({
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
    },
  });
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
const cohortHeaderSelect = { id: true, name: true, slug: true, status: true } as const satisfies Prisma.CohortSelect;

/**
 * The cohort's header, and for its coordinators the figures of the cohort admin navigation (places taken,
 * open applications) in the same query. Null when the cohort does not exist.
 */
export async function getCohortHeader(cohortId: string, { withAdminFigures }: { withAdminFigures: boolean }) {
  if (!withAdminFigures) {
    const cohort = await prisma.cohort.findUnique({ where: { id: cohortId }, select: cohortHeaderSelect });
    return cohort ? { ...cohort, admin: null } : null;
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
  return { ...header, admin: { capacity, activeEnrollments: _count.enrollments, openApplications: _count.applications } };
}
