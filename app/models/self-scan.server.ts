// The duo's self-scans: who may see what is decided in the queries (a duo only its own enrolment, a
// facilitator only duos of a cohort they run, the coordinator only the anonymised aggregate), saving with a
// version check so two members working at once never overwrite each other, and the results per moment.
import type { User } from "lucia";
import { getLibrary } from "~/content/library.server.ts";
import type { Answers, ResultsScan, SelfScan, SelfScanMomentKey } from "~/content/self-scan-schema.ts";
import { momentLabels, momentSlugs, selfScanMoments } from "~/content/self-scan-schema.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import type { SelfScanMode } from "~/generated/prisma/enums.ts";
import { prisma, readRows } from "~/utils/db.server.ts";
import type { CohortPageQuery } from "./cohort.server.ts";
import { dueMoment } from "./self-scan-moments.ts";
import {
  aggregateDuos,
  changeBetweenMoments,
  combineScores,
  type Aggregate,
  type MomentScores,
  type Score,
  scanMeasures,
  scoreAnswers,
} from "./self-scan-scoring.ts";
import { DomainError } from "~/utils/domain-error.ts";
import type { JsonData, Jsonified } from "~/utils/json-data.ts";

export const DUO_KEY = "duo";

const responseSelect = {
  id: true,
  scanId: true,
  moment: true,
  respondentKey: true,
  answers: true,
  version: true,
  completedAt: true,
  updatedAt: true,
  user: { select: { id: true, name: true } },
  updatedBy: { select: { name: true } },
} as const satisfies Prisma.SelfScanResponseSelect;

/** An enrolment with everything its scans need: members, settings and responses, in one query. */
const duoSelect = {
  id: true,
  cohortId: true,
  municipality: { select: { name: true } },
  members: { orderBy: { createdAt: "asc" }, select: { user: { select: { id: true, name: true } } } },
  cohort: {
    select: {
      id: true,
      name: true,
      status: true,
      sessions: { select: { number: true, startsAt: true, endsAt: true, cancelledAt: true } },
    },
  },
  selfScanSettings: { select: { scanId: true, moment: true, mode: true } },
  selfScanResponses: { orderBy: { createdAt: "asc" }, select: responseSelect },
} as const satisfies Prisma.EnrollmentSelect;

export type DuoScans = Prisma.EnrollmentGetPayload<{ select: typeof duoSelect }>;

/**
 * What the results page of one scan needs: the duo's members and that scan's settings and responses only
 * (not every scan's answers, the cohort's schedule or who saved last), in one query.
 */
export function resultsSelect(scanId: string) {
  return {
    id: true,
    municipality: { select: { name: true } },
    members: { orderBy: { createdAt: "asc" }, select: { user: { select: { id: true, name: true } } } },
    selfScanSettings: { where: { scanId }, select: { scanId: true, moment: true, mode: true } },
    selfScanResponses: {
      where: { scanId },
      orderBy: { createdAt: "asc" },
      select: {
        scanId: true,
        moment: true,
        respondentKey: true,
        answers: true,
        completedAt: true,
        user: { select: { name: true } },
      },
    },
  } as const satisfies Prisma.EnrollmentSelect;
}

/** A duo as the results of one scan need it (resultsSelect, or the wider duoSelect). */
export type DuoResults = Settings & {
  members: unknown[];
  selfScanResponses: {
    scanId: string;
    moment: SelfScanMomentKey;
    respondentKey: string;
    answers: Prisma.JsonValue;
    completedAt: Date | null;
    user: { name: string } | null;
  }[];
};

/**
 * The participant's own duo in the cohort with what the results of `scanId` need (null without a duo): the
 * same as resultsSelect, in one hand-written statement (issue 18: Prisma's nested select cost more than the
 * rest of the page's loader; checked against it in self-scan-results.db.test.ts).
 */
export async function findOwnDuoResults(user: Pick<User, "id">, cohortId: string, scanId: string) {
  const [row] = await readRows<OwnDuoResultsRow>(ownDuoResultsSql("$1::uuid", "$2::uuid", "$3"), [
    user.id,
    cohortId,
    scanId,
  ]);
  return row ? ownDuoResultsOf(row) : null;
}

/**
 * findOwnDuoResults read with the cohort's access check (requireCohortMember's statement, issue 18): the same
 * row as JSON, for a participant of the cohort `c` (null without a duo there); nothing for staff.
 */
export function ownDuoResultsWithAccess(scanId: string): CohortPageQuery<ReturnType<typeof ownDuoResultsOf> | null> {
  return {
    column: (user, relation, param) =>
      relation === "participant"
        ? `(SELECT row_to_json(d) FROM (${ownDuoResultsSql(`${param(user.id)}::uuid`, "c.id", param(scanId))}) d)`
        : null,
    read: (value) => (value ? ownDuoResultsOf(value as OwnDuoResultsRow) : null),
  };
}

type OwnDuoResultsRow = {
  id: string;
  municipalityName: string;
  members: { user: { id: string; name: string } }[];
  selfScanSettings: { scanId: string; moment: SelfScanMomentKey; mode: SelfScanMode }[];
  selfScanResponses: (Omit<DuoResults["selfScanResponses"][number], "completedAt"> & {
    completedAt: number | null;
  })[];
};

function ownDuoResultsOf(row: OwnDuoResultsRow) {
  return {
    id: row.id,
    municipality: { name: row.municipalityName },
    members: row.members,
    selfScanSettings: row.selfScanSettings,
    selfScanResponses: row.selfScanResponses.map((response) => ({
      ...response,
      completedAt: response.completedAt === null ? null : new Date(response.completedAt),
    })),
  };
}

/** The participant's duo in the cohort with the responses of the scan (placeholders or columns). */
const ownDuoResultsSql = (participant: string, cohort: string, scan: string) => `
  SELECT e.id, mu.name AS "municipalityName",
    (SELECT coalesce(json_agg(json_build_object('user', json_build_object('id', u.id, 'name', u.name))
        ORDER BY m."createdAt"), '[]')
      FROM "DuoMember" m JOIN "User" u ON u.id = m."userId" WHERE m."enrollmentId" = e.id) AS members,
    (SELECT coalesce(json_agg(json_build_object('scanId', st."scanId", 'moment', st.moment, 'mode', st.mode)), '[]')
      FROM "SelfScanSetting" st WHERE st."enrollmentId" = e.id AND st."scanId" = ${scan}) AS "selfScanSettings",
    (SELECT coalesce(json_agg(json_build_object(
          'scanId', r."scanId", 'moment', r.moment, 'respondentKey', r."respondentKey", 'answers', r.answers,
          'completedAt', (extract(epoch FROM r."completedAt") * 1000)::float8,
          'user', (SELECT json_build_object('name', ru.name) FROM "User" ru WHERE ru.id = r."userId"))
        ORDER BY r."createdAt"), '[]')
      FROM "SelfScanResponse" r WHERE r."enrollmentId" = e.id AND r."scanId" = ${scan}) AS "selfScanResponses"
  FROM "Enrollment" e JOIN "Municipality" mu ON mu.id = e."municipalityId"
  WHERE e."cohortId" = ${cohort} AND e.status = 'ACTIVE'
    AND EXISTS (SELECT 1 FROM "DuoMember" dm WHERE dm."enrollmentId" = e.id AND dm."userId" = ${participant})
  LIMIT 1`;

/** Like findOwnDuoResults, for a facilitator of the cohort (null for anyone else, coordinators included). */
export function findDuoResultsForFacilitator(
  user: Pick<User, "id" | "role">,
  cohortId: string,
  enrollmentId: string,
  scanId: string,
) {
  if (user.role !== "FACILITATOR") return Promise.resolve(null);
  return prisma.enrollment.findFirst({
    where: { id: enrollmentId, cohortId, status: "ACTIVE", cohort: { facilitators: { some: { userId: user.id } } } },
    select: resultsSelect(scanId),
  });
}
export type StoredResponse = DuoScans["selfScanResponses"][number];

/** The participant's own active enrolment in the cohort (null when they are not in a duo there). */
export function findOwnDuo(user: Pick<User, "id">, cohortId: string) {
  return prisma.enrollment.findFirst({
    where: { cohortId, status: "ACTIVE", members: { some: { userId: user.id } } },
    select: duoSelect,
  });
}

/** A duo of a cohort the facilitator runs (null for anyone else, coordinators included). */
export function findDuoForFacilitator(user: Pick<User, "id" | "role">, cohortId: string, enrollmentId: string) {
  if (user.role !== "FACILITATOR") return Promise.resolve(null);
  return prisma.enrollment.findFirst({
    where: { id: enrollmentId, cohortId, status: "ACTIVE", cohort: { facilitators: { some: { userId: user.id } } } },
    select: duoSelect,
  });
}

type Settings = { selfScanSettings: { scanId: string; moment: SelfScanMomentKey; mode: SelfScanMode }[] };

export function modeOf(duo: Settings, scanId: string, moment: SelfScanMomentKey): SelfScanMode {
  return duo.selfScanSettings.find((setting) => setting.scanId === scanId && setting.moment === moment)?.mode ?? "DUO";
}

/** The responses that count for a moment under the duo's current choice (together or each on their own). */
export function responsesFor<R extends { scanId: string; moment: SelfScanMomentKey; respondentKey: string }>(
  duo: Settings & { selfScanResponses: R[] },
  scanId: string,
  moment: SelfScanMomentKey,
): R[] {
  const mode = modeOf(duo, scanId, moment);
  return duo.selfScanResponses.filter(
    (response) =>
      response.scanId === scanId &&
      response.moment === moment &&
      (mode === "DUO") === (response.respondentKey === DUO_KEY),
  );
}

export type MomentStatus = {
  state: "not-started" | "draft" | "completed" | "partly";
  label: string;
  mode: SelfScanMode;
};

/** "Niet begonnen", "Concept", "Afgerond", or for members answering each on their own "1 van 2 afgerond". */
export function momentStatus(
  duo: Settings & {
    members: unknown[];
    selfScanResponses: { scanId: string; moment: SelfScanMomentKey; respondentKey: string; completedAt: Date | null }[];
  },
  scanId: string,
  moment: SelfScanMomentKey,
): MomentStatus {
  const mode = modeOf(duo, scanId, moment);
  const responses = responsesFor(duo, scanId, moment);
  if (responses.length === 0) return { state: "not-started", label: "Niet begonnen", mode };
  if (mode === "DUO") {
    return responses[0]!.completedAt
      ? { state: "completed", label: "Afgerond", mode }
      : { state: "draft", label: "Concept", mode };
  }
  const done = responses.filter((response) => response.completedAt).length;
  const total = duo.members.length;
  if (done >= total) return { state: "completed", label: "Afgerond door iedereen", mode };
  if (done === 0) return { state: "draft", label: "Concept", mode };
  return { state: "partly", label: `${done} van ${total} afgerond`, mode };
}

/** The duo's score per moment: completed responses only; members answering separately are averaged. */
export function duoScoresByMoment(scan: SelfScan, duo: DuoResults): MomentScores {
  const result: MomentScores = {};
  for (const moment of selfScanMoments) {
    const completed = responsesFor(duo, scan.id, moment).filter((response) => response.completedAt);
    const score = combineScores(completed.map((response) => scoreAnswers(scan, response.answers as Answers)));
    if (score) result[moment] = score;
  }
  return result;
}

/** The moment the schedule says is at hand, for a duo's cohort. */
export function dueMomentFor(duo: Pick<DuoScans, "cohort">, now = new Date()): SelfScanMomentKey {
  return dueMoment(duo.cohort.sessions, now);
}

export function canEdit(duo: Pick<DuoScans, "cohort">): boolean {
  return duo.cohort.status !== "CLOSED";
}

// ---- Changes by the duo ----

export type SaveResult =
  | { status: "saved"; id: string; version: number; completed: boolean }
  | {
      status: "conflict";
      current: { answers: Answers; version: number; completedAt: Date | null; updatedBy: string | null };
    };

/**
 * Saves a draft (complete = false) or completes the scan ("afronden"). `version` is the version the page was
 * based on (0 when nothing was stored yet). When someone else saved in between, nothing is written and the
 * stored answers come back, so the page can show both.
 */
export async function saveResponse(input: {
  user: Pick<User, "id">;
  duo: DuoScans;
  scan: SelfScan;
  moment: SelfScanMomentKey;
  answers: Answers;
  version: number;
  complete: boolean;
}): Promise<SaveResult> {
  const { user, duo, scan, moment } = input;
  if (!canEdit(duo))
    throw new DomainError("Dit leernetwerk is afgesloten; de zelfscans kunnen niet meer worden gewijzigd.");
  const mode = modeOf(duo, scan.id, moment);
  const respondentKey = mode === "DUO" ? DUO_KEY : user.id;
  const key = { enrollmentId: duo.id, scanId: scan.id, moment, respondentKey };
  const data = {
    answers: input.answers as Prisma.InputJsonObject,
    updatedById: user.id,
    completedAt: input.complete ? new Date() : null,
  };
  if (input.version === 0) {
    try {
      const created = await prisma.selfScanResponse.create({
        data: { ...key, ...data, userId: mode === "DUO" ? null : user.id },
        select: { id: true, version: true },
      });
      return { status: "saved", id: created.id, version: created.version, completed: input.complete };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // The partner created it a moment earlier: a conflict, answered below with what is stored.
    }
  } else {
    const updated = await prisma.selfScanResponse.updateMany({
      where: { ...key, version: input.version, completedAt: null },
      data: { ...data, version: { increment: 1 } },
    });
    if (updated.count === 1) {
      const saved = await prisma.selfScanResponse.findUniqueOrThrow({
        where: { enrollmentId_scanId_moment_respondentKey: key },
        select: { id: true, version: true },
      });
      return { status: "saved", id: saved.id, version: saved.version, completed: input.complete };
    }
  }
  const current = await prisma.selfScanResponse.findUnique({
    where: { enrollmentId_scanId_moment_respondentKey: key },
    select: { answers: true, version: true, completedAt: true, updatedBy: { select: { name: true } } },
  });
  if (!current) throw new DomainError("Deze zelfscan is intussen verwijderd. Laad de pagina opnieuw.");
  return {
    status: "conflict",
    current: {
      answers: current.answers as Answers,
      version: current.version,
      completedAt: current.completedAt,
      updatedBy: current.updatedBy?.name ?? null,
    },
  };
}

/** Opens a completed response again for changes (version raised, so an open page elsewhere notices). */
export async function reopenResponse(input: {
  user: Pick<User, "id">;
  duo: DuoScans;
  scanId: string;
  moment: SelfScanMomentKey;
}) {
  if (!canEdit(input.duo))
    throw new DomainError("Dit leernetwerk is afgesloten; de zelfscans kunnen niet meer worden gewijzigd.");
  const mode = modeOf(input.duo, input.scanId, input.moment);
  const respondentKey = mode === "DUO" ? DUO_KEY : input.user.id;
  await prisma.selfScanResponse.updateMany({
    where: {
      enrollmentId: input.duo.id,
      scanId: input.scanId,
      moment: input.moment,
      respondentKey,
      completedAt: { not: null },
    },
    data: { completedAt: null, updatedById: input.user.id, version: { increment: 1 } },
  });
}

/** Together or each on their own. Refused once a response under the current choice is completed. */
export async function setMode(input: { duo: DuoScans; scanId: string; moment: SelfScanMomentKey; mode: SelfScanMode }) {
  if (!canEdit(input.duo))
    throw new DomainError("Dit leernetwerk is afgesloten; de zelfscans kunnen niet meer worden gewijzigd.");
  const current = modeOf(input.duo, input.scanId, input.moment);
  if (current === input.mode) return;
  if (responsesFor(input.duo, input.scanId, input.moment).some((response) => response.completedAt)) {
    throw new DomainError(
      "Er is al een afgeronde zelfscan voor dit moment. Open die eerst weer, voordat je de manier van invullen wijzigt.",
    );
  }
  await prisma.selfScanSetting.upsert({
    where: { enrollmentId_scanId_moment: { enrollmentId: input.duo.id, scanId: input.scanId, moment: input.moment } },
    create: { enrollmentId: input.duo.id, scanId: input.scanId, moment: input.moment, mode: input.mode },
    update: { mode: input.mode },
  });
}

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002"
  );
}

// ---- Staff views ----

/** Per duo of the cohort, the status of every scan at every moment (for the cohort's facilitators). */
export async function cohortDuoStatuses(cohortId: string) {
  const duos = await prisma.enrollment.findMany({
    where: { cohortId, status: "ACTIVE" },
    orderBy: { municipality: { name: "asc" } },
    select: duoSelect,
  });
  const scans = getLibrary().selfScans;
  return duos.map((duo) => ({
    id: duo.id,
    municipality: duo.municipality.name,
    members: duo.members.map((member) => member.user.name),
    scans: scans.map((scan) => ({
      id: scan.id,
      moments: selfScanMoments.map((moment) => ({ moment, status: momentStatus(duo, scan.id, moment) })),
    })),
  }));
}

/**
 * The anonymised aggregate of a cohort for one scan, per moment: only completed responses of active duos,
 * one score per duo, no names or ids leave this function. Fewer than three duos: only the count.
 */
export async function cohortAggregate(cohortId: string, scan: SelfScan): Promise<Record<SelfScanMomentKey, Aggregate>> {
  const duos = await prisma.enrollment.findMany({
    where: { cohortId, status: "ACTIVE" },
    select: {
      selfScanSettings: { where: { scanId: scan.id }, select: { scanId: true, moment: true, mode: true } },
      selfScanResponses: {
        where: { scanId: scan.id, completedAt: { not: null } },
        select: { scanId: true, moment: true, respondentKey: true, answers: true, completedAt: true },
      },
    },
  });
  const result = {} as Record<SelfScanMomentKey, Aggregate>;
  for (const moment of selfScanMoments) {
    const scores: Score[] = [];
    for (const duo of duos) {
      const responses = responsesFor(duo, scan.id, moment);
      const score = combineScores(responses.map((response) => scoreAnswers(scan, response.answers as Answers)));
      if (score) scores.push(score);
    }
    result[moment] = aggregateDuos(scores);
  }
  return result;
}

/** How many active duos the cohort has (to say "3 van 6 duo's"). */
export function countDuos(cohortId: string) {
  return prisma.enrollment.count({ where: { cohortId, status: "ACTIVE" } });
}

// ---- The results page of one duo (for the duo itself and the cohort's facilitators) ----

const scanJson = new WeakMap<ResultsScan, string>();

/**
 * A results page's scan (as resultsScan gives it) and results (resultsView) as one JSON string
 * (app/utils/json-data.ts), which SelfScanResults reads; the scan's part is made once per scan.
 */
export function serializedResults(
  scan: ResultsScan,
  results: ReturnType<typeof resultsView>,
): JsonData<{ scan: ResultsScan; data: Jsonified<ReturnType<typeof resultsView>> }> {
  let json = scanJson.get(scan);
  if (json === undefined) {
    json = JSON.stringify(scan);
    scanJson.set(scan, json);
  }
  return { json: `{"scan":${json},"data":${JSON.stringify(results)}}` };
}

/** Everything the results page shows: the chart per moment, the change, and the answers side by side. */
export function resultsView(scan: SelfScan, duo: DuoResults) {
  const byMoment = duoScoresByMoment(scan, duo);
  const change = changeBetweenMoments(scan, byMoment);
  const moments = selfScanMoments
    .map((moment) => {
      const mode = modeOf(duo, scan.id, moment);
      const respondents = responsesFor(duo, scan.id, moment)
        .filter((response) => response.completedAt)
        .map((response) => ({
          key: response.respondentKey,
          name: response.respondentKey === DUO_KEY ? "Samen" : (response.user?.name ?? "Oud-duolid"),
          completedAt: response.completedAt!,
          answers: response.answers as Answers,
        }));
      return { moment, mode, respondents };
    })
    .filter((entry) => entry.respondents.length > 0);
  // Only what the pages show (the chart and its table read the measures of each moment).
  const scores: Partial<Record<SelfScanMomentKey, { measures: Score["measures"] }>> = {};
  for (const moment of selfScanMoments) {
    const score = byMoment[moment];
    if (score) scores[moment] = { measures: score.measures };
  }
  return {
    measures: scanMeasures(scan),
    scores,
    change: change
      ? {
          label: `${momentLabels[change.from].toLowerCase()} → ${momentLabels[change.to].toLowerCase()}`,
          deltas: change.deltas,
        }
      : null,
    moments,
  };
}

/**
 * For the participant's start page: per active enrolment, the moment that is due and the scans not yet
 * completed at that moment (one query).
 */
export async function dueSelfScans(user: Pick<User, "id">, now = new Date()) {
  const duos = await prisma.enrollment.findMany({
    where: { status: "ACTIVE", members: { some: { userId: user.id } }, cohort: { status: { not: "CLOSED" } } },
    select: duoSelect,
  });
  const scans = getLibrary().selfScans;
  return duos.map((duo) => {
    const moment = dueMomentFor(duo, now);
    return {
      cohortId: duo.cohortId,
      moment,
      momentSlug: momentSlugs[moment],
      scans: scans
        .map((scan) => ({ id: scan.id, title: scan.title, status: momentStatus(duo, scan.id, moment) }))
        .filter((entry) => entry.status.state !== "completed"),
    };
  });
}
