// The programme's evaluation (issue 16): after each session that took place, and once at the end of the
// cohort, each participant answers a short form (content/evaluaties/*.yaml) once.
//
// Anonymity is decided in the storage: who answered (EvaluationParticipation: cohort, target, user) and what
// was answered (EvaluationResponse: cohort, target, form, answers — no user, no time) are separate rows with no
// link between them, written in one transaction. The participation row refuses a second answer and gives the
// closing checklist its counts; the answers can only be read as an aggregate (app/models/evaluation-results.ts),
// and only from MIN_ANSWERS responses per evaluation. Because nothing ties an answer to its writer, an answer
// cannot be changed after it was sent (the form says so).
import type { User } from "lucia";
import { findEvaluationForm } from "~/content/library.server.ts";
import type { EvaluationAnswers, EvaluationForm, EvaluationKind } from "~/content/evaluation-schema.ts";
import { Prisma } from "~/generated/prisma/client.ts";
import { formatShortDate } from "~/utils/dates.ts";
import { prisma } from "~/utils/db.server.ts";
import { DomainError } from "~/utils/domain-error.ts";
import { recordAudit } from "./audit.server.ts";
import {
  aggregateResponses,
  type EvaluationAggregate,
  formatMean,
  MIN_ANSWERS,
  storedAnswers,
  TOO_FEW_MESSAGE,
} from "./evaluation-results.ts";

/** The target key (and URL word) of the end evaluation; a session's evaluation uses the session's id. */
export const END_TARGET = "einde";

export const ALREADY_ANSWERED =
  "Je hebt deze evaluatie al ingevuld. Je antwoorden zijn niet aan je naam gekoppeld, daarom kun je ze niet meer wijzigen.";

export type EvaluationTarget = {
  key: string;
  kind: EvaluationKind;
  sessionId: string | null;
  /** "Bijeenkomst 2: Vertalen" or "Eindevaluatie". */
  title: string;
  /** "Bijeenkomst 2" or "Einde": the label in a chart. */
  short: string;
  /** The session's start, or the end of the last session. */
  date: Date | null;
  /** Answering is possible once the session (for the end evaluation: the last session) has ended. */
  open: boolean;
};

type SessionRow = { id: string; number: number; title: string; startsAt: Date; endsAt: Date };

function targetsOf(sessions: SessionRow[], now: Date): EvaluationTarget[] {
  const targets: EvaluationTarget[] = sessions.map((session) => ({
    key: session.id,
    kind: "session",
    sessionId: session.id,
    title: `Bijeenkomst ${session.number}: ${session.title}`,
    short: `Bijeenkomst ${session.number}`,
    date: session.startsAt,
    open: session.endsAt <= now,
  }));
  const last = sessions.reduce<SessionRow | null>(
    (latest, session) => (!latest || session.endsAt > latest.endsAt ? session : latest),
    null,
  );
  targets.push({
    key: END_TARGET,
    kind: "end",
    sessionId: null,
    title: "Eindevaluatie van het leernetwerk",
    short: "Einde",
    date: last?.endsAt ?? null,
    open: last !== null && last.endsAt <= now,
  });
  return targets;
}

/** The evaluations of a cohort: one per session that is not cancelled, in order, and the end evaluation. */
export async function cohortTargets(cohortId: string, now = new Date()): Promise<EvaluationTarget[]> {
  const sessions = await prisma.cohortSession.findMany({
    where: { cohortId, cancelledAt: null },
    orderBy: { startsAt: "asc" },
    select: { id: true, number: true, title: true, startsAt: true, endsAt: true },
  });
  return targetsOf(sessions, now);
}

/** One evaluation of the cohort by its URL word (a session id or "einde"); null when there is none. */
export async function findTarget(cohortId: string, key: string | undefined, now = new Date()) {
  if (!key) return null;
  const target = (await cohortTargets(cohortId, now)).find((candidate) => candidate.key === key);
  if (!target) return null;
  const form = findEvaluationForm(target.kind);
  return form ? { target, form } : null;
}

/** The participant's evaluations that are open, each with whether they answered it. */
export async function participantEvaluations(user: Pick<User, "id">, cohortId: string, now = new Date()) {
  const [targets, answered] = await Promise.all([
    cohortTargets(cohortId, now),
    prisma.evaluationParticipation.findMany({ where: { cohortId, userId: user.id }, select: { target: true } }),
  ]);
  const done = new Set(answered.map((row) => row.target));
  return targets.filter((target) => target.open).map((target) => ({ ...target, answered: done.has(target.key) }));
}

export async function hasAnswered(user: Pick<User, "id">, cohortId: string, target: string): Promise<boolean> {
  const row = await prisma.evaluationParticipation.findUnique({
    where: { cohortId_target_userId: { cohortId, target, userId: user.id } },
    select: { id: true },
  });
  return row !== null;
}

/**
 * Store one participant's answers: the participation (unique per person and evaluation, so a second answer is
 * refused) and the anonymous response, together or not at all.
 */
export async function submitEvaluation(input: {
  user: Pick<User, "id">;
  cohortId: string;
  target: EvaluationTarget;
  form: EvaluationForm;
  answers: EvaluationAnswers;
}) {
  const { user, cohortId, target, form, answers } = input;
  if (!target.open) {
    throw new DomainError(
      target.kind === "end"
        ? "De eindevaluatie kan pas na de laatste bijeenkomst worden ingevuld."
        : "Deze evaluatie kan pas na de bijeenkomst worden ingevuld.",
    );
  }
  try {
    await prisma.$transaction([
      prisma.evaluationParticipation.create({
        data: { cohortId, target: target.key, sessionId: target.sessionId, userId: user.id },
      }),
      prisma.evaluationResponse.create({
        data: { cohortId, target: target.key, sessionId: target.sessionId, formId: form.id, answers },
      }),
    ]);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new DomainError(ALREADY_ANSWERED);
    throw error;
  }
}

/** Per evaluation: how many answered (the count alone is never a result, so it shows below the threshold too). */
export async function evaluationOverview(cohortId: string, now = new Date()) {
  const [targets, counts, participants] = await Promise.all([
    cohortTargets(cohortId, now),
    prisma.evaluationResponse.groupBy({ by: ["target"], where: { cohortId }, _count: { _all: true } }),
    prisma.duoMember.count({ where: { enrollment: { cohortId, status: "ACTIVE" } } }),
  ]);
  const countOf = new Map(counts.map((row) => [row.target, row._count._all]));
  return {
    participants,
    targets: targets.map((target) => {
      const count = countOf.get(target.key) ?? 0;
      return { ...target, count, shown: count >= MIN_ANSWERS };
    }),
  };
}

async function responsesOf(cohortId: string, targets: string[]) {
  const rows = await prisma.evaluationResponse.findMany({
    where: { cohortId, target: { in: targets } },
    select: { target: true, answers: true },
  });
  const byTarget = new Map<string, EvaluationAnswers[]>();
  for (const row of rows) {
    const list = byTarget.get(row.target) ?? [];
    list.push(storedAnswers(row.answers));
    byTarget.set(row.target, list);
  }
  return byTarget;
}

/** The aggregate of one evaluation (nothing but the count below the threshold). */
export async function targetResults(cohortId: string, target: EvaluationTarget, form: EvaluationForm) {
  const responses = (await responsesOf(cohortId, [target.key])).get(target.key) ?? [];
  return aggregateResponses(form, responses);
}

export type SessionSeries = { target: EvaluationTarget; aggregate: EvaluationAggregate };

/**
 * Over the cohort: the session evaluations together, and per session. Only sessions with at least MIN_ANSWERS
 * answers count in the total — otherwise the total minus the sessions shown would reveal the answers of a session
 * with one or two. The end evaluation is its own aggregate.
 */
export async function cohortResults(cohortId: string, now = new Date()) {
  const targets = (await cohortTargets(cohortId, now)).filter((target) => target.open);
  const byTarget = await responsesOf(
    cohortId,
    targets.map((target) => target.key),
  );
  const sessionForm = findEvaluationForm("session");
  const endForm = findEvaluationForm("end");
  const sessions = targets.filter((target) => target.kind === "session");
  const perSession: SessionSeries[] = sessionForm
    ? sessions.map((target) => ({ target, aggregate: aggregateResponses(sessionForm, byTarget.get(target.key) ?? []) }))
    : [];
  const counted = perSession.filter((entry) => entry.aggregate.shown);
  const combined = sessionForm
    ? aggregateResponses(
        sessionForm,
        counted.flatMap((entry) => byTarget.get(entry.target.key) ?? []),
      )
    : null;
  const endTarget = targets.find((target) => target.kind === "end") ?? null;
  const end =
    endForm && endTarget
      ? { target: endTarget, aggregate: aggregateResponses(endForm, byTarget.get(END_TARGET) ?? []) }
      : null;
  return { sessionForm, endForm, perSession, combined, countedSessions: counted.length, end };
}

/** For the closing checklist: how many participants answered each evaluation (counts only, never who). */
export async function evaluationCounts(cohortId: string) {
  const rows = await prisma.evaluationParticipation.groupBy({
    by: ["target"],
    where: { cohortId },
    _count: { _all: true },
  });
  return Object.fromEntries(rows.map((row) => [row.target, row._count._all])) as Record<string, number>;
}

function csvHeader(scaleMax: number): string[] {
  return [
    "Evaluatie",
    "Datum",
    "Antwoorden",
    "Vraag-id",
    "Vraag",
    "Soort",
    "Beantwoord",
    "Gemiddelde",
    // How many answered 1, 2, … on the scale.
    ...Array.from({ length: scaleMax }, (_, index) => `Aantal ${index + 1}`),
    "Open antwoord",
  ];
}

function csvRows(title: string, date: Date | null, aggregate: EvaluationAggregate, scaleMax: number) {
  const head = [title, date ? formatShortDate(date) : "", aggregate.count];
  if (!aggregate.shown) return [[...head, "", TOO_FEW_MESSAGE, "", "", "", ...Array(scaleMax).fill(""), ""]];
  return [
    ...aggregate.scales.map((scale) => [
      ...head,
      scale.id,
      scale.text,
      "schaal",
      scale.count,
      formatMean(scale.mean),
      ...Array.from({ length: scaleMax }, (_, index) => scale.distribution[index] ?? ""),
      "",
    ]),
    ...aggregate.open.flatMap((question) =>
      question.answers.map((answer) => [
        ...head,
        question.id,
        question.text,
        "open",
        "",
        "",
        ...Array(scaleMax).fill(""),
        answer,
      ]),
    ),
  ];
}

/**
 * The CSV for researchers: aggregate rows only (per evaluation and question: count, mean, distribution; open
 * answers one per row, sorted), honouring the threshold; the cohort-wide rows count only sessions shown.
 */
export async function evaluationCsvRows(cohortId: string, now = new Date()) {
  const results = await cohortResults(cohortId, now);
  const scaleMax = Math.max(results.sessionForm?.scale.max ?? 0, results.endForm?.scale.max ?? 0);
  const rows: (string | number)[][] = [];
  for (const entry of results.perSession)
    rows.push(...csvRows(entry.target.title, entry.target.date, entry.aggregate, scaleMax));
  if (results.combined) rows.push(...csvRows("Alle bijeenkomsten samen", null, results.combined, scaleMax));
  if (results.end)
    rows.push(...csvRows(results.end.target.title, results.end.target.date, results.end.aggregate, scaleMax));
  return { header: csvHeader(scaleMax), rows };
}

export async function recordEvaluationExport(cohortId: string, actor: Pick<User, "id">) {
  await recordAudit({
    actorId: actor.id,
    action: "cohort.evaluation.exported",
    entityType: "Cohort",
    entityId: cohortId,
  });
}
