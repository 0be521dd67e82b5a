// Cohorts (leernetwerken) as the pages need them. Queries select only what is shown and fetch related
// rows in the same query (no N+1).
import type { User } from "lucia";
import type { Prisma } from "~/generated/prisma/client.ts";
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
export async function getCohortOverview(cohortId: string, attendanceOf: { all: true } | { userId: string } = { all: true }) {
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
    },
  });
  if (!cohort) return null;
  const sessions = cohort.sessions.map(({ readings: _readings, ...session }) => session);
  const readings = Object.fromEntries(cohort.sessions.map((session) => [session.id, resolveReadings(session.readings)]));
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
