// Cohorts (leernetwerken) as the pages need them. Queries select only what is shown and fetch related
// rows in the same query (no N+1).
import type { User } from "lucia";
import type { Prisma, Role } from "~/generated/prisma/client.ts";
import type { AttendanceStatus, CohortStatus, DuoFunction } from "~/generated/prisma/enums.ts";
import { prisma, readRows } from "~/utils/db.server.ts";
import { resolveReadings } from "./course-progress.server.ts";
import { ms, type SessionJsonRow, sessionJson, toDate, toDateOrNull } from "./sql-json.server.ts";

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
 * own rows for a participant. One hand-written statement (issue 18; as the start pages): the database builds
 * plain JSON in the shape the same nested select through Prisma gave (compared in
 * app/models/cohort-overview.db.test.ts), moments as milliseconds, sent straight to the driver (readRows).
 */
export async function getCohortOverview(
  cohortId: string,
  attendanceOf: { all: true } | { userId: string } = { all: true },
) {
  // $2: the participant whose own attendance and announcements are read; null for staff (every row).
  const [row] = await readRows<{ cohort: CohortOverviewJson }>(
    `SELECT ${cohortOverviewJson("$2::uuid")} AS cohort FROM "Cohort" c WHERE c.id = $1::uuid`,
    [cohortId, "userId" in attendanceOf ? attendanceOf.userId : null],
  );
  return row ? cohortOverviewOf(row.cohort) : null;
}

/**
 * The cohort page's data read with the access check (requireCohortMember's statement, issue 18): the same
 * JSON as getCohortOverview, for the cohort `c` that passed the check; a participant's own rows only.
 */
export const cohortOverviewWithAccess: CohortPageQuery<NonNullable<Awaited<ReturnType<typeof getCohortOverview>>>> = {
  column: (user, relation, param) => cohortOverviewJson(`${param(relation === "participant" ? user.id : null)}::uuid`),
  read: (value) => cohortOverviewOf(value as CohortOverviewJson),
};

type CohortOverviewJson = {
  id: string;
  name: string;
  theme: string;
  description: string;
  status: CohortStatus;
  startsOn: number;
  endsOn: number;
  capacity: number;
  sessions: (SessionJsonRow & {
    attendances: { userId: string; status: AttendanceStatus; reason: string }[];
    readings: { id: string; contentId: string }[];
  })[];
  enrollments: {
    id: string;
    vraagstuk: string;
    municipality: { name: string };
    members: { function: DuoFunction; user: { id: string; name: string } }[];
  }[];
  facilitators: { user: { id: string; name: string; title: string | null } }[];
  announcements: { id: string; title: string; createdAt: number }[];
};

/** getCohortOverview's JSON of the cohort `c`; `viewer`: the participant whose own rows are read, or NULL. */
const cohortOverviewJson = (viewer: string) => `
    json_build_object(
        'id', c.id, 'name', c.name, 'theme', c.theme, 'description', c.description, 'status', c.status,
        'startsOn', ${ms('c."startsOn"')}, 'endsOn', ${ms('c."endsOn"')}, 'capacity', c.capacity,
        'sessions', (SELECT coalesce(json_agg(${sessionJson(
          "s",
          `,
            'attendances', (SELECT coalesce(json_agg(json_build_object(
                  'userId', att."userId", 'status', att.status, 'reason', att.reason)), '[]')
                FROM "Attendance" att WHERE att."sessionId" = s.id AND (${viewer} IS NULL OR att."userId" = ${viewer})),
            'readings', (SELECT coalesce(json_agg(json_build_object('id', sp.id, 'contentId', sp."contentId")
                  ORDER BY sp.position, sp."createdAt"), '[]')
                FROM "SessionPreparation" sp WHERE sp."sessionId" = s.id)`,
        )} ORDER BY s.number), '[]')
          FROM "CohortSession" s WHERE s."cohortId" = c.id),
        'enrollments', (SELECT coalesce(json_agg(json_build_object(
              'id', e.id, 'vraagstuk', e.vraagstuk, 'municipality', json_build_object('name', mu.name),
              'members', (SELECT coalesce(json_agg(json_build_object(
                    'function', m.function, 'user', json_build_object('id', u.id, 'name', u.name))
                    ORDER BY m."createdAt"), '[]')
                  FROM "DuoMember" m JOIN "User" u ON u.id = m."userId" WHERE m."enrollmentId" = e.id))
              ORDER BY mu.name), '[]')
          FROM "Enrollment" e JOIN "Municipality" mu ON mu.id = e."municipalityId"
          WHERE e."cohortId" = c.id AND e.status = 'ACTIVE'),
        'facilitators', (SELECT coalesce(json_agg(json_build_object(
              'user', json_build_object('id', fu.id, 'name', fu.name, 'title', fu.title)) ORDER BY f."createdAt"), '[]')
          FROM "CohortFacilitator" f JOIN "User" fu ON fu.id = f."userId" WHERE f."cohortId" = c.id),
        -- Issue 19: the latest announcements this viewer may read (a group's only for its members).
        'announcements', (SELECT coalesce(json_agg(json_build_object(
              'id', an.id, 'title', an.title, 'createdAt', ${ms('an."createdAt"')})
              ORDER BY an."createdAt" DESC, an.id DESC), '[]')
          FROM (SELECT * FROM "Announcement" a
            WHERE a."cohortId" = c.id
              AND (${viewer} IS NULL OR a."groupId" IS NULL OR EXISTS (SELECT 1 FROM "IntervisionMember" im
                WHERE im."groupId" = a."groupId" AND im."userId" = ${viewer}))
            ORDER BY a."createdAt" DESC, a.id DESC LIMIT 3) an))`;

function cohortOverviewOf(cohort: CohortOverviewJson) {
  const sessions = cohort.sessions.map(({ readings: _readings, ...session }) => ({
    ...session,
    startsAt: toDate(session.startsAt),
    endsAt: toDate(session.endsAt),
    cancelledAt: toDateOrNull(session.cancelledAt),
  }));
  const readings = Object.fromEntries(
    cohort.sessions.map((session) => [session.id, resolveReadings(session.readings)]),
  );
  return {
    ...cohort,
    startsOn: toDate(cohort.startsOn),
    endsOn: toDate(cohort.endsOn),
    sessions,
    announcements: cohort.announcements.map((announcement) => ({
      ...announcement,
      createdAt: toDate(announcement.createdAt),
    })),
    readings,
  };
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

/** How a user relates to a cohort: coordinators see every cohort, facilitators the ones they facilitate, participants their duo's. */
export type CohortRelation = "coordinator" | "facilitator" | "participant";

const relationOfRole = {
  COORDINATOR: "coordinator",
  FACILITATOR: "facilitator",
  PARTICIPANT: "participant",
} as const satisfies Record<Role, CohortRelation>;

/** Who may see a cohort besides the coordinators ($2: the user), as cohortVisibilityFilter. */
const memberOfCohort = {
  facilitator: `EXISTS (SELECT 1 FROM "CohortFacilitator" f WHERE f."cohortId" = c.id AND f."userId" = $2::uuid)`,
  participant: `EXISTS (SELECT 1 FROM "Enrollment" e JOIN "DuoMember" m ON m."enrollmentId" = e.id
    WHERE e."cohortId" = c.id AND e.status = 'ACTIVE' AND m."userId" = $2::uuid)`,
} as const;

/**
 * The header of every page of a cohort, and for coordinators the figures of the cohort admin navigation.
 * `pageColumn`: a page's own data (CohortPageQuery), evaluated only for the cohort that passed the check.
 */
const cohortAccessStatement = (relation: CohortRelation, pageColumn?: string) => `
  SELECT c.id, c.name, c.slug, c.status, c."archivedAt",
    cl."cohortId" IS NOT NULL AS "hasClosing", cl."certificatesIssuedAt"${
      relation === "coordinator"
        ? `, c.capacity,
    (SELECT count(*)::int FROM "Enrollment" ae WHERE ae."cohortId" = c.id AND ae.status = 'ACTIVE') AS "activeEnrollments",
    (SELECT count(*)::int FROM "Application" aa
      WHERE aa."cohortId" = c.id AND aa.status IN ('SUBMITTED', 'INTAKE_PLANNED')) AS "openApplications"`
        : ""
    }${pageColumn ? `,\n    ${pageColumn} AS "pageData"` : ""}
  FROM "Cohort" c LEFT JOIN "CohortClosing" cl ON cl."cohortId" = c.id
  WHERE c.id = $1::uuid${relation === "coordinator" ? "" : ` AND ${memberOfCohort[relation]}`}`;
const cohortAccessStatements = {
  coordinator: cohortAccessStatement("coordinator"),
  facilitator: cohortAccessStatement("facilitator"),
  participant: cohortAccessStatement("participant"),
};

/**
 * A page's own data, read in the statement of the cohort's access check (issue 18: one statement less per
 * page). `column` is a select-list expression over the cohort `c` (a row only exists when the viewer passed
 * the check, so the page's data is never read for someone without access), or null when the page reads
 * nothing for this relation; `param` adds a value to the statement and returns its placeholder. `read`
 * turns the column's value (JSON) into the page's data. See requireCohortMember.
 */
export type CohortPageQuery<T> = {
  column: (
    user: Pick<User, "id" | "role">,
    relation: CohortRelation,
    param: (value: unknown) => string,
  ) => string | null;
  read: (value: unknown) => T;
};

/**
 * Whether the user may see the cohort, with its header, in one query: null when they have no business there
 * (or it does not exist). Coordinators get the figures of the cohort admin navigation (places taken, open
 * applications) too. The guard (requireCohortMember) asks this once per request, for the layout and the page;
 * with `page`, the same statement reads that page's data (`pageData`: the raw column; undefined without it).
 * Written out by hand and sent straight to the driver (readRows; issue 18): every page of a cohort runs it.
 * Same answers as the Prisma query it replaced (compared in app/models/cohort-overview.db.test.ts).
 */
export async function findCohortAccess(
  user: Pick<User, "id" | "role">,
  cohortId: string,
  page?: CohortPageQuery<unknown>,
) {
  const relation = relationOfRole[user.role];
  const values: unknown[] = relation === "coordinator" ? [cohortId] : [cohortId, user.id];
  const pageColumn = page?.column(user, relation, (value) => {
    values.push(value);
    return `$${values.length}`;
  });
  const [row] = await readRows<{
    id: string;
    name: string;
    slug: string;
    status: CohortStatus;
    archivedAt: Date | null;
    hasClosing: boolean;
    certificatesIssuedAt: Date | null;
    capacity?: number;
    activeEnrollments?: number;
    openApplications?: number;
    pageData?: unknown;
  }>(pageColumn ? cohortAccessStatement(relation, pageColumn) : cohortAccessStatements[relation], values);
  if (!row) return null;
  const header = {
    id: row.id,
    name: row.name,
    slug: row.slug,
    status: row.status,
    // Archived by the closing routine: read-only (requireCohortMember refuses every write).
    archivedAt: row.archivedAt,
    closing: row.hasClosing ? { certificatesIssuedAt: row.certificatesIssuedAt } : null,
  };
  return {
    relation,
    cohort: {
      ...header,
      admin:
        relation === "coordinator"
          ? {
              capacity: row.capacity ?? 0,
              activeEnrollments: row.activeEnrollments ?? 0,
              openApplications: row.openApplications ?? 0,
            }
          : null,
    },
    // Only when the statement read it: the page's own data (read by the page's CohortPageQuery).
    pageData: pageColumn ? { value: row.pageData } : undefined,
  };
}

export type CohortHeader = NonNullable<Awaited<ReturnType<typeof findCohortAccess>>>["cohort"];
