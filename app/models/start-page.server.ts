// What each role sees first after signing in.
import { END_TARGET } from "./evaluation.server.ts";
import type { User } from "lucia";
import type { Prisma } from "~/generated/prisma/client.ts";
import type {
  AssignmentKind,
  CohortStatus,
  DuoFunction,
  SelfScanMode,
  SelfScanMoment,
} from "~/generated/prisma/enums.ts";
import { readRider, type SessionRider } from "~/auth/session-rider.server.ts";
import { readRows } from "~/utils/db.server.ts";
import type { sessionSummarySelect } from "./cohort.server.ts";
import { ms, sessionJson, toDate, toDateOrNull } from "./sql-json.server.ts";

/**
 * The fields of a cohort card (alias c) in both staff start pages' statements: the cohort, and the counts of
 * its active enrolments and its sessions, plus `extraCounts` (more `, 'name', expression` pairs).
 */
function cohortCardFields(extraCounts = ""): string {
  return `'id', c.id, 'name', c.name, 'theme', c.theme, 'status', c.status,
          'startsOn', ${ms('c."startsOn"')}, 'endsOn', ${ms('c."endsOn"')}, 'capacity', c.capacity,
          '_count', json_build_object(
            'enrollments', (SELECT count(*)::int FROM "Enrollment" ce WHERE ce."cohortId" = c.id AND ce.status = 'ACTIVE'),
            'sessions', (SELECT count(*)::int FROM "CohortSession" cs WHERE cs."cohortId" = c.id)${extraCounts})`;
}
import { describeContent, getLibrary } from "~/content/library.server.ts";
import { momentSlugs } from "~/content/self-scan-schema.ts";
import { statusLabel, submissionStatus } from "./assignment-status.ts";
import { awaitingAnswerCountSql } from "./journal.server.ts";
import { dueMomentFor, momentStatus } from "./self-scan.server.ts";

/**
 * A query's plan is kept only while its values repeat (app/utils/query-plans.server.ts), and "now" changes
 * every millisecond. So the database is asked from the start of the current minute (the value repeats for a
 * minute) and the exact moment is applied to the rows that come back: the same sessions as asking from now.
 */
function startOfMinute(moment: Date): Date {
  return new Date(Math.floor(moment.getTime() / 60_000) * 60_000);
}

/** A cohort as both staff start pages read it from their statements (moments as milliseconds). */
type CohortCardRow = {
  id: string;
  name: string;
  theme: string;
  status: CohortStatus;
  startsOn: number;
  endsOn: number;
  capacity: number;
  sessions: SessionRow[];
};

/**
 * The coordinator's start page: every cohort with its sessions in the next two weeks and open applications,
 * and the counts to act on, in one hand-written statement (issue 18; as facilitatorStartRows: plain JSON
 * built by the database, moments as milliseconds, straight to the driver). Same rows as the Prisma select
 * and counts it replaced (compared in app/models/staff-start-page.db.test.ts).
 */
export async function coordinatorStart(now = new Date()) {
  const inTwoWeeks = new Date(now.getTime() + 14 * 24 * 60 * 60_000);
  const minuteStart = startOfMinute(now);
  const minuteEnd = new Date(minuteStart.getTime() + 60_000);
  const [row] = await readRows<{
    cohorts: (CohortCardRow & {
      _count: { enrollments: number; sessions: number; applications: number };
    })[];
    openInvitations: number;
    expiredInvitations: number;
    expiringNow: number[] | null;
    failedEmails: number;
  }>(
    `
    SELECT
      (SELECT coalesce(json_agg(json_build_object(
          ${cohortCardFields(`,
            -- Applications waiting for an intake or a decision.
            'applications', (SELECT count(*)::int FROM "Application" ca
              WHERE ca."cohortId" = c.id AND ca.status IN ('SUBMITTED', 'INTAKE_PLANNED'))`)},
          -- From the start of this minute to the end of the minute two weeks ahead; exact below.
          'sessions', (SELECT coalesce(json_agg(${sessionJson("s")} ORDER BY s."startsAt"), '[]')
            FROM "CohortSession" s WHERE s."cohortId" = c.id AND s."startsAt" >= $1 AND s."startsAt" < $2))
          ORDER BY c."startsOn" DESC), '[]')
        FROM "Cohort" c) AS cohorts,
      -- Counted against the start and end of this minute (values that repeat, so the plan is kept); the few
      -- invitations expiring within this minute come back as moments and are counted exactly below.
      i."openInvitations", i."expiredInvitations", i."expiringNow",
      (SELECT count(*)::int FROM "EmailMessage" WHERE status = 'FAILED') AS "failedEmails"
    FROM (SELECT count(*) FILTER (WHERE "expiresAt" > $3)::int AS "openInvitations",
             count(*) FILTER (WHERE "expiresAt" <= $1)::int AS "expiredInvitations",
             array_agg(${ms('"expiresAt"')}) FILTER (WHERE "expiresAt" > $1 AND "expiresAt" <= $3) AS "expiringNow"
          FROM "Invitation" WHERE "acceptedAt" IS NULL AND "revokedAt" IS NULL) i`,
    [minuteStart, new Date(startOfMinute(inTwoWeeks).getTime() + 60_000), minuteEnd],
  );
  const cohorts = (row?.cohorts ?? []).map(({ startsOn, endsOn, sessions, ...cohort }) => ({
    ...cohort,
    startsOn: toDate(startsOn),
    endsOn: toDate(endsOn),
    sessions: sessions.map(sessionFromRow),
  }));
  const expiringNow = row?.expiringNow ?? [];
  const stillOpen = expiringNow.filter((expiresAt) => expiresAt > now.getTime()).length;
  const upcomingSessions = cohorts
    .flatMap((cohort) =>
      cohort.sessions
        .filter((session) => session.startsAt >= now && session.startsAt <= inTwoWeeks)
        .map((session) => sessionSummary(session, cohort)),
    )
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const openApplications = cohorts
    .filter((cohort) => cohort._count.applications > 0)
    .sort((a, b) => a.startsOn.getTime() - b.startsOn.getTime())
    .map((cohort) => ({ id: cohort.id, name: cohort.name, _count: { applications: cohort._count.applications } }));
  const cards = cohorts.map(
    ({ sessions: _sessions, _count: { applications: _applications, ...counts }, ...cohort }) => ({
      ...cohort,
      _count: counts,
    }),
  );
  const cohortsWithRoom = cards.filter(
    (cohort) => cohort.status === "APPLICATIONS_OPEN" && cohort._count.enrollments < cohort.capacity,
  );
  return {
    cohorts: cards,
    openInvitations: (row?.openInvitations ?? 0) + stillOpen,
    expiredInvitations: (row?.expiredInvitations ?? 0) + expiringNow.length - stillOpen,
    failedEmails: row?.failedEmails ?? 0,
    upcomingSessions,
    cohortsWithRoom,
    openApplications,
  };
}

/**
 * The facilitator's start page (issue 19: what needs them): their cohorts with the next five sessions over
 * all of them, the sessions they lead, submissions waiting for feedback and drafts whose duo asked for early
 * feedback, the next meeting of each intervisie group they facilitate and the shared journal entries waiting
 * for an answer — all in one statement (facilitatorStartRows). The number of queries does not grow with the cohorts.
 */
export async function facilitatorStart(user: Pick<User, "id" | "role">, now = new Date()) {
  const me = await facilitatorStartRows(user.id, startOfMinute(now));
  const cohorts = me.facilitatedCohorts.map(({ cohort }) => cohort);
  const nextSessions = cohorts
    .flatMap((cohort) =>
      cohort.sessions.filter((session) => session.startsAt >= now).map((session) => sessionSummary(session, cohort)),
    )
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .slice(0, NEXT_SESSIONS);
  const waiting = cohorts.flatMap((cohort) =>
    cohort.enrollments.flatMap((enrollment) =>
      enrollment.assignmentSubmissions.map((submission) => ({
        id: submission.id,
        href: `/leernetwerken/${cohort.id}/opdrachten/${submission.assignment.id}/inzendingen/${submission.id}`,
        assignmentTitle: submission.assignment.title,
        municipality: enrollment.municipality.name,
        who: submission.user?.name ?? null,
        cohortName: cohort.name,
        submittedAt: submission.submittedAt,
        requestedAt: submission.earlyFeedbackRequestedAt,
      })),
    ),
  );
  const byDate = (a: Date | null, b: Date | null) => (a?.getTime() ?? 0) - (b?.getTime() ?? 0);
  return {
    cohorts: cohorts.map(({ sessions: _sessions, enrollments: _enrollments, ...cohort }) => cohort),
    nextSessions,
    ledSessions: me.ledSessions
      .filter((session) => session.startsAt >= now)
      .map(({ cohort, ...session }) => sessionSummary(session, cohort)),
    awaitingFeedback: firstOf(
      waiting.filter((item) => item.submittedAt).sort((a, b) => byDate(a.submittedAt, b.submittedAt)),
    ),
    earlyFeedbackRequests: firstOf(
      waiting.filter((item) => !item.submittedAt).sort((a, b) => byDate(a.requestedAt, b.requestedAt)),
    ),
    intervisionMeetings: me.intervisionFacilitated.map(({ group }) => ({
      groupId: group.id,
      groupName: group.name,
      cohortName: group.cohort.name,
      next: group.meetings[0] ?? null,
    })),
    journalsAwaitingAnswer: me.journalsAwaitingAnswer,
  };
}

const NEXT_SESSIONS = 5;
const WAITING_SHOWN = 10;

type SessionRow = Omit<SessionSummaryRow, "startsAt" | "endsAt" | "cancelledAt"> & {
  startsAt: number;
  endsAt: number;
  cancelledAt: number | null;
};

const sessionFromRow = (session: SessionRow) => ({
  ...session,
  startsAt: toDate(session.startsAt),
  endsAt: toDate(session.endsAt),
  cancelledAt: toDateOrNull(session.cancelledAt),
});

/**
 * The rows of the facilitator's start page, in one statement written out by hand, in the shape the same
 * nested select through Prisma gave (compared in app/models/staff-start-page.db.test.ts): their cohorts
 * (newest first) with the counts of the card, the next sessions from `from` on and the work waiting for
 * feedback; the sessions they lead; the intervisie groups they facilitate with each one's next meeting; and
 * how many journal entries shared with them wait for an answer (as countAwaitingAnswer, awaitingAnswerCountSql).
 * As participantStartRows: plain JSON built by the database, moments as milliseconds (issue 18).
 */
export async function facilitatorStartRows(userId: string, from: Date) {
  const [row] = await readRows<{
    cohorts: (CohortCardRow & {
      _count: { enrollments: number; sessions: number };
      enrollments: {
        municipality: { name: string };
        assignmentSubmissions: {
          id: string;
          submittedAt: number | null;
          earlyFeedbackRequestedAt: number | null;
          user: { name: string } | null;
          assignment: { id: string; title: string };
        }[];
      }[];
    })[];
    led: (SessionRow & { cohort: { id: string; name: string } })[];
    groups: {
      id: string;
      name: string;
      cohort: { name: string };
      meetings: { id: string; startsAt: number; endsAt: number }[];
    }[];
    journalsAwaitingAnswer: number;
  }>(
    `
    SELECT
      (SELECT coalesce(json_agg(json_build_object(
          ${cohortCardFields()},
          -- The next few of each cohort hold the next few of all of them.
          'sessions', (SELECT coalesce(json_agg(${sessionJson("s")} ORDER BY s."startsAt"), '[]') FROM (
              SELECT * FROM "CohortSession" ns
              WHERE ns."cohortId" = c.id AND ns."startsAt" >= $2 AND ns."cancelledAt" IS NULL
              ORDER BY ns."startsAt" LIMIT ${NEXT_SESSIONS}) s),
          -- Work waiting for them: handed in without feedback, or a draft whose duo asks for early feedback.
          'enrollments', (SELECT coalesce(json_agg(json_build_object(
                'municipality', json_build_object('name', mu.name),
                'assignmentSubmissions', (SELECT coalesce(json_agg(json_build_object(
                      'id', sub.id,
                      'submittedAt', ${ms('sub."submittedAt"')},
                      'earlyFeedbackRequestedAt', ${ms('sub."earlyFeedbackRequestedAt"')},
                      'user', (SELECT json_build_object('name', su.name) FROM "User" su WHERE su.id = sub."userId"),
                      'assignment', json_build_object('id', a.id, 'title', a.title))), '[]')
                    FROM "AssignmentSubmission" sub JOIN "Assignment" a ON a.id = sub."assignmentId"
                    WHERE sub."enrollmentId" = e.id AND sub."feedbackAt" IS NULL
                      AND (sub."submittedAt" IS NOT NULL
                        OR (sub."earlyFeedbackRequestedAt" IS NOT NULL AND sub."earlyFeedbackAnsweredAt" IS NULL))))), '[]')
              FROM "Enrollment" e JOIN "Municipality" mu ON mu.id = e."municipalityId"
              WHERE e."cohortId" = c.id AND e.status = 'ACTIVE'))
          ORDER BY c."startsOn" DESC), '[]')
        FROM "CohortFacilitator" cf JOIN "Cohort" c ON c.id = cf."cohortId"
        WHERE cf."userId" = $1::uuid) AS cohorts,
      (SELECT coalesce(json_agg(
          ${sessionJson("ls", `, 'cohort', json_build_object('id', lc.id, 'name', lc.name)`)} ORDER BY ls."startsAt"), '[]')
        FROM (SELECT * FROM "CohortSession" l
          WHERE l."leaderId" = $1::uuid AND l."startsAt" >= $2 AND l."cancelledAt" IS NULL
          ORDER BY l."startsAt" LIMIT ${NEXT_SESSIONS}) ls
        JOIN "Cohort" lc ON lc.id = ls."cohortId") AS led,
      (SELECT coalesce(json_agg(json_build_object(
          'id', g.id, 'name', g.name,
          'cohort', json_build_object('name', gc.name),
          'meetings', (SELECT coalesce(json_agg(json_build_object(
                'id', m.id, 'startsAt', ${ms('m."startsAt"')}, 'endsAt', ${ms('m."endsAt"')})), '[]') FROM (
              SELECT * FROM "IntervisionMeeting" im
              WHERE im."groupId" = g.id AND im."startsAt" >= $2 AND im."finishedAt" IS NULL
              ORDER BY im."startsAt" LIMIT 1) m))
          ORDER BY g.name), '[]')
        FROM "IntervisionFacilitator" f
        JOIN "IntervisionGroup" g ON g.id = f."groupId"
        JOIN "Cohort" gc ON gc.id = g."cohortId"
        WHERE f."userId" = $1::uuid) AS groups,
      -- Shared journal entries that wait for an answer (only entries shared with this facilitator).
      ${awaitingAnswerCountSql("$1::uuid")} AS "journalsAwaitingAnswer"`,
    [userId, from],
  );
  return {
    facilitatedCohorts: (row?.cohorts ?? []).map(({ startsOn, endsOn, sessions, enrollments, ...cohort }) => ({
      cohort: {
        ...cohort,
        startsOn: toDate(startsOn),
        endsOn: toDate(endsOn),
        sessions: sessions.map(sessionFromRow),
        enrollments: enrollments.map(({ municipality, assignmentSubmissions }) => ({
          municipality,
          assignmentSubmissions: assignmentSubmissions.map((submission) => ({
            ...submission,
            submittedAt: toDateOrNull(submission.submittedAt),
            earlyFeedbackRequestedAt: toDateOrNull(submission.earlyFeedbackRequestedAt),
          })),
        })),
      },
    })),
    ledSessions: (row?.led ?? []).map(({ cohort, ...session }) => ({ ...sessionFromRow(session), cohort })),
    intervisionFacilitated: (row?.groups ?? []).map(({ meetings, ...group }) => ({
      group: {
        ...group,
        meetings: meetings.map((meeting) => ({
          id: meeting.id,
          startsAt: toDate(meeting.startsAt),
          endsAt: toDate(meeting.endsAt),
        })),
      },
    })),
    journalsAwaitingAnswer: row?.journalsAwaitingAnswer ?? 0,
  };
}

/** The oldest few of a list (the page shows them, and how many there are in all). */
function firstOf<T>(items: T[]) {
  return { total: items.length, items: items.slice(0, WAITING_SHOWN) };
}

type MembershipRow = {
  function: DuoFunction;
  createdAt: number;
  enrollment: {
    id: string;
    vraagstuk: string;
    municipality: { id: string; name: string };
    members: { function: DuoFunction; user: { id: string; name: string } }[];
    selfScanSettings: { scanId: string; moment: SelfScanMoment; mode: SelfScanMode }[];
    selfScanResponses: { scanId: string; moment: SelfScanMoment; respondentKey: string; completedAt: number | null }[];
    cohort: {
      id: string;
      name: string;
      status: CohortStatus;
      sessions: (Omit<SessionSummaryRow, "startsAt" | "endsAt" | "cancelledAt"> & {
        startsAt: number;
        endsAt: number;
        cancelledAt: number | null;
        readings: { contentId: string }[];
        assignments: {
          id: string;
          title: string;
          dueAt: number;
          kind: AssignmentKind;
          /** The duo's submission (DUO) or the participant's own (INDIVIDUAL), as ownerKeyFor names it. */
          submission: {
            body: string;
            submittedAt: number | null;
            feedbackAt: number | null;
            attachments: number;
          } | null;
        }[];
      })[];
      journalPrompts: {
        id: string;
        text: string;
        createdAt: number;
        author: { name: string } | null;
        session: { number: number; title: string } | null;
        entries: { id: string }[];
      }[];
    };
  };
};

const PROMPTS_ON_START_PAGE = 3;

/**
 * The statement of the participant's start page for a user (SQL: `$1::uuid`, or the session's user when it
 * rides with the session check).
 */
function participantStartSql(userId: string): string {
  return `
    SELECT
      (SELECT json_agg(lp."lessonId") FROM "LessonProgress" lp WHERE lp."userId" = ${userId}) AS read,
      (SELECT json_agg(json_build_object('cohortId', ep."cohortId", 'target', ep.target))
         FROM "EvaluationParticipation" ep WHERE ep."userId" = ${userId}) AS answered,
      (SELECT json_agg(json_build_object(
          'function', dm.function,
          'createdAt', ${ms('dm."createdAt"')},
          'enrollment', json_build_object(
            'id', e.id,
            'vraagstuk', e.vraagstuk,
            'municipality', json_build_object('id', mu.id, 'name', mu.name),
            -- Each member's name by its key (no join over all users).
            'members', (SELECT coalesce(json_agg(json_build_object(
                  'function', m.function,
                  'user', (SELECT json_build_object('id', u.id, 'name', u.name) FROM "User" u WHERE u.id = m."userId"))
                  ORDER BY m."createdAt"), '[]')
                FROM "DuoMember" m WHERE m."enrollmentId" = e.id),
            'selfScanSettings', (SELECT coalesce(json_agg(json_build_object(
                  'scanId', st."scanId", 'moment', st.moment, 'mode', st.mode)), '[]')
                FROM "SelfScanSetting" st WHERE st."enrollmentId" = e.id),
            'selfScanResponses', (SELECT coalesce(json_agg(json_build_object(
                  'scanId', r."scanId", 'moment', r.moment, 'respondentKey', r."respondentKey",
                  'completedAt', ${ms('r."completedAt"')})), '[]')
                FROM "SelfScanResponse" r WHERE r."enrollmentId" = e.id),
            'cohort', json_build_object(
              'id', c.id,
              'name', c.name,
              'status', c.status,
              'sessions', (SELECT coalesce(json_agg(json_build_object(
                    'id', cs.id, 'number', cs.number, 'title', cs.title,
                    'startsAt', ${ms('cs."startsAt"')}, 'endsAt', ${ms('cs."endsAt"')},
                    'format', cs.format, 'location', cs.location, 'meetingUrl', cs."meetingUrl",
                    'preparation', cs.preparation, 'cancelledAt', ${ms('cs."cancelledAt"')},
                    'readings', (SELECT coalesce(json_agg(json_build_object('contentId', sp."contentId")
                          ORDER BY sp.position, sp."createdAt"), '[]')
                        FROM "SessionPreparation" sp WHERE sp."sessionId" = cs.id),
                    'assignments', (SELECT coalesce(json_agg(json_build_object(
                          'id', a.id, 'title', a.title, 'dueAt', ${ms('a."dueAt"')}, 'kind', a.kind,
                          -- The duo's submission (DUO) or the participant's own (INDIVIDUAL): its owner key as
                          -- ownerKeyFor (one per assignment and owner), and only one the participant may read.
                          -- The text and the attachments count only while it can still be a concept.
                          'submission', (SELECT json_build_object(
                                'body', CASE WHEN sub."submittedAt" IS NULL AND sub."feedbackAt" IS NULL
                                  THEN sub.body ELSE '' END,
                                'submittedAt', ${ms('sub."submittedAt"')},
                                'feedbackAt', ${ms('sub."feedbackAt"')},
                                'attachments', CASE WHEN sub."submittedAt" IS NULL AND sub."feedbackAt" IS NULL
                                  THEN (SELECT count(*)::int FROM "SubmissionAttachment" att
                                    WHERE att."submissionId" = sub.id) ELSE 0 END)
                              FROM "AssignmentSubmission" sub
                              WHERE sub."assignmentId" = a.id
                                AND sub."ownerKey" = CASE WHEN a.kind = 'DUO' THEN e.id::text ELSE ${userId}::text END
                                AND (sub."userId" = ${userId}
                                  OR (sub."userId" IS NULL AND EXISTS (SELECT 1 FROM "DuoMember" own
                                    WHERE own."enrollmentId" = sub."enrollmentId" AND own."userId" = ${userId})))))), '[]')
                        FROM "Assignment" a WHERE a."sessionId" = cs.id))
                  ORDER BY cs."startsAt"), '[]')
                FROM "CohortSession" cs WHERE cs."cohortId" = c.id),
              -- As promptAudienceWhere: prompts for the whole cohort, and those of the person's intervisie groups.
              'journalPrompts', (SELECT coalesce(json_agg(json_build_object(
                    'id', jp.id, 'text', jp.text, 'createdAt', ${ms('jp."createdAt"')},
                    'author', (SELECT json_build_object('name', au.name) FROM "User" au WHERE au.id = jp."authorId"),
                    'session', (SELECT json_build_object('number', ps.number, 'title', ps.title)
                      FROM "CohortSession" ps WHERE ps.id = jp."sessionId"),
                    -- The participant's own entries (always theirs to read).
                    'entries', (SELECT coalesce(json_agg(json_build_object('id', je.id)), '[]') FROM (
                      SELECT je.id FROM "JournalEntry" je WHERE je."promptId" = jp.id AND je."authorId" = ${userId}
                      LIMIT 1) je)) ORDER BY jp."createdAt" DESC), '[]')
                FROM (SELECT * FROM "JournalPrompt" p
                  WHERE p."cohortId" = c.id
                    AND (p."intervisionGroupId" IS NULL OR EXISTS (SELECT 1 FROM "IntervisionMember" im
                      WHERE im."groupId" = p."intervisionGroupId" AND im."userId" = ${userId}))
                  ORDER BY p."createdAt" DESC LIMIT ${PROMPTS_ON_START_PAGE}) jp)))
        ) ORDER BY c."startsOn" DESC)
        FROM "DuoMember" dm
        JOIN "Enrollment" e ON e.id = dm."enrollmentId" AND e.status = 'ACTIVE'
        JOIN "Municipality" mu ON mu.id = e."municipalityId"
        JOIN "Cohort" c ON c.id = e."cohortId"
        WHERE dm."userId" = ${userId}) AS memberships`;
}

/**
 * The rows of the participant's start page, in one statement written out by hand. The same nested select
 * through Prisma (relationJoins: JSONB per level, then Prisma's own mapping of the result) cost about twice
 * the CPU on PGlite for the same rows (profile of issue 18): here the database builds plain JSON in the
 * shape the page needs, moments come as milliseconds, and only what the page uses is read (a submission's
 * text only while it can still be a concept, to tell "concept" from "open"). It goes straight to the
 * driver: the JSON comes back parsed, the milliseconds as numbers. It is a session rider
 * (app/auth/session-rider.server.ts): the start page reads it in the statement of its session check, for a
 * participant only (staff get null there, at no cost).
 */
export const participantStartRider: SessionRider<ParticipantStartRows> = {
  values: [],
  sql: (user) => `CASE WHEN ${user.role} = 'PARTICIPANT' THEN (SELECT json_build_object(
      'read', x.read, 'answered', x.answered, 'memberships', x.memberships) FROM (${participantStartSql(user.id)}) x) END`,
  read: (json) => participantStartRows(json as ParticipantStartJson | null),
};

type ParticipantStartJson = {
  read: string[] | null;
  answered: { cohortId: string; target: string }[] | null;
  memberships: MembershipRow[] | null;
};

type ParticipantStartRows = ReturnType<typeof participantStartRows>;

function participantStartRows(row: ParticipantStartJson | null) {
  return {
    read: row?.read ?? [],
    answered: row?.answered ?? [],
    memberships: (row?.memberships ?? []).map(({ createdAt, enrollment, ...membership }) => ({
      ...membership,
      createdAt: toDate(createdAt),
      enrollment: {
        ...enrollment,
        selfScanResponses: enrollment.selfScanResponses.map((response) => ({
          ...response,
          completedAt: toDateOrNull(response.completedAt),
        })),
        cohort: {
          ...enrollment.cohort,
          sessions: enrollment.cohort.sessions.map((session) => ({
            ...session,
            startsAt: toDate(session.startsAt),
            endsAt: toDate(session.endsAt),
            cancelledAt: toDateOrNull(session.cancelledAt),
            assignments: session.assignments.map((assignment) => ({
              ...assignment,
              dueAt: toDate(assignment.dueAt),
              submission: assignment.submission && {
                ...assignment.submission,
                submittedAt: toDateOrNull(assignment.submission.submittedAt),
                feedbackAt: toDateOrNull(assignment.submission.feedbackAt),
              },
            })),
          })),
          journalPrompts: enrollment.cohort.journalPrompts.map((prompt) => ({
            ...prompt,
            createdAt: toDate(prompt.createdAt),
          })),
        },
      },
    })),
  };
}

/**
 * Everything the participant's start page shows, in one statement: per active enrolment the duo, the next
 * session with what to read and whether it was read, the self-scans due, and the cohort's assignments with
 * the duo's (or own) work; the latest reflection questions. Seven queries before (about 40 ms of CPU on
 * PGlite); the numbers stay the same however large the cohort is (tests/db/query-budget.test.ts). `found`:
 * the rows, when they came with the session check (participantStartRider); else they are read here.
 */
export async function participantStartPage(user: Pick<User, "id">, now = new Date(), found?: ParticipantStartRows) {
  found ??= await readRider(participantStartRider, { id: user.id, role: "PARTICIPANT" });
  const memberships = found.memberships;
  const read = new Set(found.read);
  const answered = new Set(found.answered.map((row) => `${row.cohortId}/${row.target}`));

  const participant = memberships.map(({ function: duoFunction, enrollment }) => {
    const { cohort } = enrollment;
    const next = cohort.sessions.find((session) => session.endsAt >= now && !session.cancelledAt);
    const nextSession = next ? sessionSummary(next, cohort) : null;
    const toRead = (next?.readings ?? []).flatMap(({ contentId }) => {
      const reading = describeContent(contentId);
      return reading
        ? [
            {
              href: reading.href,
              title: reading.title,
              moduleTitle: reading.moduleTitle,
              minutes: reading.minutes,
              lessons: reading.lessonIds.length,
              lessonsRead: reading.lessonIds.filter((id) => read.has(id)).length,
            },
          ]
        : [];
    });
    const tasks = nextSession?.preparation
      ? [
          {
            title: `Voorbereiden: bijeenkomst ${nextSession.number}`,
            description: nextSession.preparation,
            dueAt: nextSession.startsAt,
          },
        ]
      : [];
    // The evaluations still to answer: after each session that took place, and at the end (not once archived).
    const held = cohort.sessions.filter((session) => !session.cancelledAt && session.endsAt <= now);
    const allHeld = held.length > 0 && !cohort.sessions.some((session) => !session.cancelledAt && session.endsAt > now);
    const evaluations =
      cohort.status === "CLOSED"
        ? []
        : [
            ...held.map((session) => ({ key: session.id, title: `Bijeenkomst ${session.number}: ${session.title}` })),
            ...(allHeld ? [{ key: END_TARGET, title: "Eindevaluatie van het leernetwerk" }] : []),
          ].filter((evaluation) => !answered.has(`${cohort.id}/${evaluation.key}`));
    return {
      function: duoFunction,
      municipality: enrollment.municipality.name,
      municipalityId: enrollment.municipality.id,
      vraagstuk: enrollment.vraagstuk,
      cohort: { id: cohort.id, name: cohort.name, status: cohort.status },
      partners: enrollment.members.filter((member) => member.user.id !== user.id),
      nextSession,
      toRead,
      tasks,
      evaluations,
    };
  });

  // As dueSelfScans: per active enrolment of a cohort that is not closed, the scans not completed at the due moment.
  const scans = getLibrary().selfScans;
  const selfScans = memberships
    .filter(({ enrollment }) => enrollment.cohort.status !== "CLOSED")
    .map(({ enrollment }) => {
      const moment = dueMomentFor(enrollment, now);
      return {
        cohortId: enrollment.cohort.id,
        moment,
        momentSlug: momentSlugs[moment],
        scans: scans
          .map((scan) => ({ id: scan.id, title: scan.title, status: momentStatus(enrollment, scan.id, moment) }))
          .filter((entry) => entry.status.state !== "completed"),
      };
    });

  // As listParticipantAssignments: the assignments of the most recently joined duo, still to hand in.
  const latest = [...memberships].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0]?.enrollment;
  const openAssignments = (latest?.cohort.sessions ?? [])
    .flatMap((session) =>
      session.assignments.map(({ submission: own, ...assignment }) => {
        const facts = own
          ? {
              body: own.body,
              submittedAt: own.submittedAt,
              feedbackAt: own.feedbackAt,
              attachmentCount: own.attachments,
            }
          : null;
        const state = submissionStatus(facts, assignment.dueAt, now);
        return {
          id: assignment.id,
          title: assignment.title,
          dueAt: assignment.dueAt,
          session: { number: session.number },
          ...state,
          statusLabel: statusLabel(state),
        };
      }),
    )
    .filter((assignment) => ["open", "concept", "te-laat"].includes(assignment.status))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.title.localeCompare(b.title))
    .slice(0, 5);

  // As promptsForParticipant: the latest prompts over the participant's cohorts.
  const journalPrompts = memberships
    .flatMap(({ enrollment }) => enrollment.cohort.journalPrompts)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .slice(0, PROMPTS_ON_START_PAGE)
    .map(({ entries, ...prompt }) => ({ ...prompt, myEntryId: entries[0]?.id ?? null }));

  return { participant, selfScans, openAssignments, journalPrompts };
}

type SessionSummaryRow = Prisma.CohortSessionGetPayload<{ select: typeof sessionSummarySelect }>;

function sessionSummary(session: SessionSummaryRow, cohort: { id: string; name: string }) {
  const { id, number, title, startsAt, endsAt, format, location, meetingUrl, preparation, cancelledAt } = session;
  return {
    id,
    number,
    title,
    startsAt,
    endsAt,
    format,
    location,
    meetingUrl,
    preparation,
    cancelledAt,
    cohort: { id: cohort.id, name: cohort.name },
  };
}

/** The duo's part of the start page (see participantStartPage). */
export async function participantStart(user: Pick<User, "id">, now = new Date()) {
  return (await participantStartPage(user, now)).participant;
}
