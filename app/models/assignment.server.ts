// Assignments between sessions: definitions per cohort session (coordinators), submissions (per enrolment
// for DUO, per participant for INDIVIDUAL) edited with a version check, attachments in the file storage,
// and a feedback thread with the facilitators. Who may see what is decided in the queries' `where`:
// a participant only reaches their own duo's (or own) submission, staff only their cohorts' submissions.
import type { User } from "lucia";
import type { AssignmentKind, Prisma, Role } from "~/generated/prisma/client.ts";
import { assignmentFeedbackEmail } from "~/notifications/templates.server.ts";
import { instructionProblems, listOpdrachten } from "~/content/assignment-text.server.ts";
import { recordAudit } from "~/models/audit.server.ts";
import { notify } from "~/notifications/notify.server.ts";
import { notifyMany } from "~/notifications/notify-many.server.ts";
import { noticeEmail } from "~/notifications/notice-email.server.ts";
import { notifyCoordinators } from "./coordinator-notices.server.ts";
import { modesFor } from "~/notifications/preferences.server.ts";
import { newStorageKey } from "~/storage/files.server.ts";
import { detectFileKind } from "~/storage/file-type.server.ts";
import {
  attachmentTooLargeMessage,
  fileKinds,
  MAX_ATTACHMENT_BYTES,
  safeFileName,
  ALLOWED_TYPES_TEXT,
} from "~/storage/file-type.ts";
import { prisma, readRows } from "~/utils/db.server.ts";
import { getEnv } from "~/utils/env.server.ts";
import { saveIfUnchanged } from "~/utils/versioned.ts";
import { canEdit, canSubmit, canWithdraw, statusLabel, submissionStatus } from "./assignment-status.ts";
import { DomainError } from "~/utils/domain-error.ts";
import { READS_SHOWN, readBy } from "./record-read.server.ts";

type Viewer = Pick<User, "id" | "role">;

// ---------------------------------------------------------------------------------------------------------
// Participants

/** The participant's active enrolment (their duo), or null. */
export async function participantContext(userId: string) {
  const membership = await prisma.duoMember.findFirst({
    where: { userId, enrollment: { status: "ACTIVE" } },
    orderBy: { createdAt: "desc" },
    select: { enrollment: { select: { id: true, cohortId: true, municipality: { select: { name: true } } } } },
  });
  return membership?.enrollment ?? null;
}

export type ParticipantContext = NonNullable<Awaited<ReturnType<typeof participantContext>>>;

/** Whose submission it is: the duo's (enrolment id) or the participant's own (user id). */
export function ownerKeyFor(kind: AssignmentKind, context: { id: string }, userId: string): string {
  return kind === "DUO" ? context.id : userId;
}

/** A submission's feedback thread, oldest first, with who wrote each message. */
const threadMessages = {
  orderBy: { createdAt: "asc" },
  select: {
    id: true,
    body: true,
    createdAt: true,
    author: { select: { id: true, name: true, role: true, title: true } },
  },
} as const satisfies Prisma.AssignmentSubmission$messagesArgs;

const submissionFacts = {
  id: true,
  ownerKey: true,
  body: true,
  version: true,
  submittedAt: true,
  withdrawnAt: true,
  feedbackAt: true,
  discussedAt: true,
  earlyFeedbackRequestedAt: true,
  earlyFeedbackAnsweredAt: true,
  updatedAt: true,
  _count: { select: { attachments: true } },
} satisfies Prisma.AssignmentSubmissionSelect;

function factsOf(
  submission:
    | { body: string; submittedAt: Date | null; feedbackAt: Date | null; _count: { attachments: number } }
    | null
    | undefined,
) {
  return submission
    ? {
        body: submission.body,
        submittedAt: submission.submittedAt,
        feedbackAt: submission.feedbackAt,
        attachmentCount: submission._count.attachments,
      }
    : null;
}

/** All assignments of the participant's cohort with their status, in session order. */
export async function listParticipantAssignments(user: Viewer, now = new Date()) {
  const context = await participantContext(user.id);
  if (!context) return { context: null, assignments: [] };
  const assignments = await prisma.assignment.findMany({
    where: { session: { cohortId: context.cohortId } },
    orderBy: [{ dueAt: "asc" }, { title: "asc" }],
    select: {
      id: true,
      title: true,
      dueAt: true,
      kind: true,
      opdrachtId: true,
      session: { select: { id: true, number: true, title: true } },
      submissions: { where: { ownerKey: { in: [context.id, user.id] } }, select: submissionFacts },
    },
  });
  return {
    context,
    assignments: assignments.map(({ submissions, ...assignment }) => {
      const own = submissions.find(
        (submission) => submission.ownerKey === ownerKeyFor(assignment.kind, context, user.id),
      );
      const state = submissionStatus(factsOf(own), assignment.dueAt, now);
      return { ...assignment, ...state, statusLabel: statusLabel(state), submittedAt: own?.submittedAt ?? null };
    }),
  };
}

/**
 * One assignment of the participant's cohort with their own submission and the names of their duo
 * partners, or null (→ 404). One statement: the participant's active enrolment (as participantContext) with
 * the assignment, if it belongs to that enrolment's cohort, and the topics of the municipality's impact trail.
 * Hand-written (issue 18: Prisma's nested select, JSONB per level and its mapping in JavaScript, was most of
 * this page's own cost); the same rows as the nested select it replaced (checked in assignment.db.test.ts).
 */
export async function getAssignmentForParticipant(user: Viewer, assignmentId: string) {
  const [row] = await readRows<AssignmentRow>(ASSIGNMENT_FOR_PARTICIPANT, [user.id, assignmentId]);
  if (!row?.assignment) return null;
  const context = {
    id: row.id,
    cohortId: row.cohortId,
    municipalityId: row.municipalityId,
    municipality: { name: row.municipalityName },
  };
  const { submission: found, dueAt, ...assignment } = row.assignment;
  const submission = found
    ? withReadBy({
        ...found,
        submittedAt: toDateOrNull(found.submittedAt),
        withdrawnAt: toDateOrNull(found.withdrawnAt),
        feedbackAt: toDateOrNull(found.feedbackAt),
        discussedAt: toDateOrNull(found.discussedAt),
        earlyFeedbackRequestedAt: toDateOrNull(found.earlyFeedbackRequestedAt),
        earlyFeedbackAnsweredAt: toDateOrNull(found.earlyFeedbackAnsweredAt),
        updatedAt: new Date(found.updatedAt),
        attachments: found.attachments.map((attachment) => ({
          ...attachment,
          createdAt: new Date(attachment.createdAt),
        })),
        messages: found.messages.map((message) => ({ ...message, createdAt: new Date(message.createdAt) })),
        reads: found.reads.map((read) => ({ readAt: new Date(read.readAt), reader: read.reader })),
      })
    : null;
  return {
    assignment: { ...assignment, dueAt: new Date(dueAt) },
    submission,
    context,
    partners: row.partners,
    archivedAt: toDateOrNull(row.archivedAt),
    /** Where the participant may keep this work in the impact trail (keepChoices: editors are participants). */
    keepTopics: user.role === "PARTICIPANT" ? row.topics : null,
  };
}

const toDateOrNull = (value: number | null) => (value === null ? null : new Date(value));

/** A moment as milliseconds since 1970 (exact for the millisecond timestamps stored), or null. */
const ms = (column: string) => `(extract(epoch FROM ${column}) * 1000)::float8`;

type AssignmentRow = {
  id: string;
  cohortId: string;
  municipalityId: string;
  municipalityName: string;
  archivedAt: number | null;
  topics: { id: string; title: string }[];
  partners: string[];
  assignment: {
    id: string;
    title: string;
    instructions: string;
    dueAt: number;
    kind: AssignmentKind;
    allowFiles: boolean;
    opdrachtId: string | null;
    session: { id: string; number: number; title: string; cohortId: string };
    submission: {
      id: string;
      ownerKey: string;
      body: string;
      version: number;
      submittedAt: number | null;
      withdrawnAt: number | null;
      feedbackAt: number | null;
      discussedAt: number | null;
      earlyFeedbackRequestedAt: number | null;
      earlyFeedbackAnsweredAt: number | null;
      updatedAt: number;
      _count: { attachments: number };
      attachments: {
        id: string;
        fileName: string;
        contentType: string;
        size: number;
        createdAt: number;
        uploadedBy: { name: string } | null;
      }[];
      messages: {
        id: string;
        body: string;
        createdAt: number;
        author: { id: string; name: string; role: Role; title: string | null } | null;
      }[];
      reads: { readAt: number; reader: { id: string; name: string } }[];
    } | null;
  } | null;
};

// $1 the participant, $2 the assignment. Their newest active enrolment; the assignment only when it belongs to
// a session of that enrolment's cohort; the submission is the one ownerKeyFor picks (the duo's for DUO, their
// own for INDIVIDUAL) and only one they may reach: their own, or a duo submission of an active enrolment of
// theirs.
const ASSIGNMENT_FOR_PARTICIPANT = `
  WITH me AS (
    SELECT e.id, e."cohortId", e."municipalityId"
    FROM "DuoMember" dm JOIN "Enrollment" e ON e.id = dm."enrollmentId"
    WHERE dm."userId" = $1::uuid AND e.status = 'ACTIVE'
    ORDER BY dm."createdAt" DESC LIMIT 1)
  SELECT me.id, me."cohortId", me."municipalityId", mu.name AS "municipalityName",
    ${ms('c."archivedAt"')} AS "archivedAt",
    (SELECT coalesce(json_agg(json_build_object('id', t.id, 'title', t.title) ORDER BY t.title), '[]')
      FROM "PolicyTopic" t WHERE t."municipalityId" = me."municipalityId") AS topics,
    (SELECT coalesce(json_agg(pu.name ORDER BY p."createdAt"), '[]')
      FROM "DuoMember" p JOIN "User" pu ON pu.id = p."userId"
      WHERE p."enrollmentId" = me.id AND p."userId" <> $1::uuid) AS partners,
    (SELECT json_build_object(
        'id', a.id, 'title', a.title, 'instructions', a.instructions, 'dueAt', ${ms('a."dueAt"')},
        'kind', a.kind, 'allowFiles', a."allowFiles", 'opdrachtId', a."opdrachtId",
        'session', json_build_object('id', s.id, 'number', s.number, 'title', s.title, 'cohortId', s."cohortId"),
        'submission', (SELECT json_build_object(
            'id', sub.id, 'ownerKey', sub."ownerKey", 'body', sub.body, 'version', sub.version,
            'submittedAt', ${ms('sub."submittedAt"')}, 'withdrawnAt', ${ms('sub."withdrawnAt"')},
            'feedbackAt', ${ms('sub."feedbackAt"')}, 'discussedAt', ${ms('sub."discussedAt"')},
            'earlyFeedbackRequestedAt', ${ms('sub."earlyFeedbackRequestedAt"')},
            'earlyFeedbackAnsweredAt', ${ms('sub."earlyFeedbackAnsweredAt"')},
            'updatedAt', ${ms('sub."updatedAt"')},
            '_count', json_build_object('attachments',
              (SELECT count(*)::int FROM "SubmissionAttachment" ca WHERE ca."submissionId" = sub.id)),
            'attachments', (SELECT coalesce(json_agg(json_build_object(
                  'id', f.id, 'fileName', f."fileName", 'contentType', f."contentType", 'size', f.size,
                  'createdAt', ${ms('f."createdAt"')},
                  'uploadedBy', (SELECT json_build_object('name', fu.name) FROM "User" fu WHERE fu.id = f."uploadedById"))
                ORDER BY f."createdAt"), '[]')
              FROM "SubmissionAttachment" f WHERE f."submissionId" = sub.id),
            'messages', (SELECT coalesce(json_agg(json_build_object(
                  'id', msg.id, 'body', msg.body, 'createdAt', ${ms('msg."createdAt"')},
                  'author', (SELECT json_build_object('id', mu2.id, 'name', mu2.name, 'role', mu2.role, 'title', mu2.title)
                    FROM "User" mu2 WHERE mu2.id = msg."authorId"))
                ORDER BY msg."createdAt"), '[]')
              FROM "SubmissionMessage" msg WHERE msg."submissionId" = sub.id),
            -- The newest reads (READS_SHOWN), newest first: who read it (issue 15).
            'reads', (SELECT coalesce(json_agg(json_build_object(
                  'readAt', ${ms('r."readAt"')}, 'reader', json_build_object('id', ru.id, 'name', ru.name))
                ORDER BY r."readAt" DESC), '[]')
              FROM (SELECT * FROM "RecordRead" rr WHERE rr."submissionId" = sub.id
                ORDER BY rr."readAt" DESC LIMIT ${READS_SHOWN}) r
              JOIN "User" ru ON ru.id = r."readerId"))
          FROM "AssignmentSubmission" sub
          WHERE sub."assignmentId" = a.id
            AND sub."ownerKey" = CASE WHEN a.kind = 'DUO' THEN me.id::text ELSE $1::text END
            AND (sub."userId" = $1::uuid
              OR (sub."userId" IS NULL AND EXISTS (
                SELECT 1 FROM "Enrollment" se JOIN "DuoMember" sm ON sm."enrollmentId" = se.id
                WHERE se.id = sub."enrollmentId" AND se.status = 'ACTIVE' AND sm."userId" = $1::uuid)))))
      FROM "Assignment" a JOIN "CohortSession" s ON s.id = a."sessionId"
      WHERE a.id = $2::uuid AND s."cohortId" = me."cohortId") AS assignment
  FROM me
  JOIN "Municipality" mu ON mu.id = me."municipalityId"
  JOIN "Cohort" c ON c.id = me."cohortId"`;

/** A submission with its reads collapsed per reader ("Gelezen door"), without the raw list. */
function withReadBy<T extends { reads: Parameters<typeof readBy>[0] }>(submission: T) {
  const { reads, ...rest } = submission;
  return { ...rest, readBy: readBy(reads) };
}

async function loadOwnSubmission(user: Viewer, assignmentId: string) {
  const found = await getAssignmentForParticipant(user, assignmentId);
  if (!found) return null;
  return found;
}

export type BodySave =
  | { status: "saved"; id: string; version: number }
  | { status: "conflict"; id: string; current: { body: string; version: number } }
  | { status: "locked"; reason: string }
  | { status: "empty" }
  | { status: "not-found" };

/**
 * Saves the text of the participant's (duo's) submission, based on `version` (0: there was none yet).
 * When the duo partner saved in between, nothing is written and the stored text comes back.
 */
export async function saveSubmissionBody(
  user: Viewer,
  assignmentId: string,
  body: string,
  version: number,
): Promise<BodySave> {
  const found = await loadOwnSubmission(user, assignmentId);
  if (!found) return { status: "not-found" };
  const { assignment, submission, context } = found;
  if (submission && !canEdit(submission)) {
    return {
      status: "locked",
      reason: submission.feedbackAt
        ? "Er is al feedback gegeven."
        : "De opdracht is ingeleverd. Trek hem terug om verder te schrijven.",
    };
  }
  if (!submission) {
    if (version !== 0) return { status: "not-found" };
    // Nothing written yet and nothing to keep: no empty submission is created.
    if (!body.trim()) return { status: "empty" };
    try {
      const created = await prisma.assignmentSubmission.create({
        data: {
          assignmentId,
          enrollmentId: context.id,
          userId: assignment.kind === "INDIVIDUAL" ? user.id : null,
          ownerKey: ownerKeyFor(assignment.kind, context, user.id),
          body,
        },
        select: { id: true, version: true },
      });
      return { status: "saved", ...created };
    } catch (error) {
      // The duo partner started the same submission at the same moment: theirs is kept, this is a conflict.
      const current = await prisma.assignmentSubmission.findUnique({
        where: { assignmentId_ownerKey: { assignmentId, ownerKey: ownerKeyFor(assignment.kind, context, user.id) } },
        select: { id: true, body: true, version: true },
      });
      if (!current) throw error;
      return { status: "conflict", id: current.id, current };
    }
  }
  // Started from "nothing yet" while the stored text is still empty (e.g. a file was added first): nothing
  // can be lost, so the save is based on the stored version.
  const basedOn = version === 0 && !submission.body.trim() ? submission.version : version;
  const result = await saveIfUnchanged({
    basedOn,
    update: (basedOn) =>
      prisma.assignmentSubmission.updateMany({
        where: { id: submission.id, version: basedOn, submittedAt: null, feedbackAt: null },
        data: { body, version: { increment: 1 } },
      }),
    current: () =>
      prisma.assignmentSubmission.findUnique({ where: { id: submission.id }, select: { body: true, version: true } }),
  });
  if (result.status === "saved") return { status: "saved", id: submission.id, version: result.version };
  if (result.status === "conflict") return { status: "conflict", id: submission.id, current: result.current };
  return { status: "locked", reason: "De opdracht is intussen ingeleverd door je duopartner." };
}

/** Hands in the submission (late is allowed and shown as such). */
export async function submitSubmission(user: Viewer, assignmentId: string, now = new Date()) {
  const found = await loadOwnSubmission(user, assignmentId);
  if (!found) return null;
  const check = canSubmit(factsOf(found.submission));
  if (!check.ok) throw new DomainError(check.reason, "body");
  const updated = await prisma.assignmentSubmission.updateMany({
    where: { id: found.submission!.id, submittedAt: null, feedbackAt: null },
    data: { submittedAt: now, withdrawnAt: null, version: { increment: 1 } },
  });
  if (updated.count !== 1) throw new DomainError("Deze opdracht is al ingeleverd.");
  const late = now > found.assignment.dueAt;
  if (late) await tellCoordinatorsLate(found.submission!.id, now);
  return { late };
}

/** Issue 19: work handed in after its due moment is news for the coordinators (once per handing in). */
async function tellCoordinatorsLate(submissionId: string, now: Date) {
  const submission = await prisma.assignmentSubmission.findUniqueOrThrow({
    where: { id: submissionId },
    select: {
      assignment: { select: { id: true, title: true, session: { select: { cohortId: true } } } },
      enrollment: { select: { municipality: { select: { name: true } } } },
      user: { select: { name: true } },
    },
  });
  const { assignment } = submission;
  const who = submission.user
    ? `${submission.user.name} (${submission.enrollment.municipality.name})`
    : submission.enrollment.municipality.name;
  await notifyCoordinators({
    kind: "submission-late",
    key: `submission-late:${submissionId}:${now.toISOString()}`,
    title: `Te laat ingeleverd door ${who}: ${assignment.title}`,
    path: `/leernetwerken/${assignment.session.cohortId}/opdrachten/${assignment.id}/inzendingen/${submissionId}`,
    lines: [`${who} heeft de opdracht "${assignment.title}" na de inleverdatum ingeleverd.`],
    actionLabel: "Bekijk de inzending",
  });
}

/** Takes a submission back to edit it again; only until feedback is given. */
export async function withdrawSubmission(user: Viewer, assignmentId: string, now = new Date()) {
  const found = await loadOwnSubmission(user, assignmentId);
  if (!found) return null;
  const check = canWithdraw(found.submission);
  if (!check.ok) throw new DomainError(check.reason);
  const updated = await prisma.assignmentSubmission.updateMany({
    where: { id: found.submission!.id, submittedAt: { not: null }, feedbackAt: null },
    data: { submittedAt: null, withdrawnAt: now, version: { increment: 1 } },
  });
  if (updated.count !== 1) throw new DomainError("Er is al feedback gegeven; terugtrekken kan niet meer.");
  return true;
}

/**
 * The duo asks for early feedback on its draft (issue 19): only from then on may the cohort's facilitators
 * (and coordinators) read the draft and answer it. Asking again after an answer asks anew.
 */
export async function requestEarlyFeedback(user: Viewer, assignmentId: string, now = new Date()) {
  const found = await loadOwnSubmission(user, assignmentId);
  if (!found) return null;
  const { submission } = found;
  if (!submission || (!submission.body.trim() && submission._count.attachments === 0))
    throw new DomainError("Schrijf eerst iets (of voeg een bestand toe) voordat je om vroege feedback vraagt.");
  if (submission.submittedAt || submission.feedbackAt)
    throw new DomainError("De opdracht is al ingeleverd; de begeleiders kunnen hem lezen.");
  await prisma.assignmentSubmission.update({
    where: { id: submission.id },
    // Asking again after an answer asks anew: the request waits for an answer again.
    data: { earlyFeedbackRequestedAt: now, earlyFeedbackAnsweredAt: null },
  });
  await notifyEarlyFeedbackRequest(user, found, submission.id, now);
  return true;
}

/** The cohort's facilitators hear that a draft waits for their feedback (who and which assignment, not the text). */
async function notifyEarlyFeedbackRequest(
  user: Viewer,
  found: NonNullable<Awaited<ReturnType<typeof getAssignmentForParticipant>>>,
  submissionId: string,
  now: Date,
) {
  const { assignment, context } = found;
  const [cohort, asker] = await Promise.all([
    prisma.cohort.findUnique({
      where: { id: context.cohortId },
      select: { facilitators: { select: { user: { select: { id: true, name: true, email: true } } } } },
    }),
    prisma.user.findUnique({ where: { id: user.id }, select: { name: true } }),
  ]);
  if (!cohort) return;
  const who =
    assignment.kind === "DUO"
      ? `Het duo van ${context.municipality.name}`
      : `${asker?.name ?? "Een deelnemer"} (${context.municipality.name})`;
  const url = `${getEnv().APP_URL}/leernetwerken/${context.cohortId}/opdrachten/${assignment.id}/inzendingen/${submissionId}`;
  const subject = `${who} vraagt om vroege feedback: ${assignment.title}`;
  await notifyMany({
    kind: "early-feedback-request",
    people: cohort.facilitators.map((row) => row.user),
    except: user.id,
    key: (person) => `early-feedback-request:${submissionId}:${now.getTime()}:${person.id}`,
    title: subject,
    url,
    email: (person) =>
      noticeEmail({
        kind: "early-feedback-request",
        user: person,
        subject,
        lines: [
          `${who} vraagt om feedback op een concept van de opdracht "${assignment.title}", voordat het wordt ingeleverd.`,
          "Log in om het concept te lezen en te reageren.",
        ],
        action: { label: "Lees het concept", url },
        reason: "Je krijgt dit bericht omdat je dit leernetwerk begeleidt.",
      }),
  });
}

/** The duo takes its request back: the draft is private again (a thread that exists stays, unread by staff). */
export async function withdrawEarlyFeedback(user: Viewer, assignmentId: string) {
  const found = await loadOwnSubmission(user, assignmentId);
  if (!found?.submission) return null;
  await prisma.assignmentSubmission.update({
    where: { id: found.submission.id },
    data: { earlyFeedbackRequestedAt: null, earlyFeedbackAnsweredAt: null },
  });
  return true;
}

export const tooLargeMessage = attachmentTooLargeMessage;

/** Stores an uploaded file under the submission (creating an empty draft when there is none yet). */
export async function addAttachment(user: Viewer, assignmentId: string, file: { name: string; bytes: Uint8Array }) {
  const found = await loadOwnSubmission(user, assignmentId);
  if (!found) return null;
  const { assignment, context } = found;
  if (!assignment.allowFiles) throw new DomainError("Bij deze opdracht kun je geen bestanden toevoegen.", "file");
  if (found.submission && !canEdit(found.submission))
    throw new DomainError("Trek de opdracht eerst terug om bestanden toe te voegen.", "file");
  if (file.bytes.length === 0) throw new DomainError("Kies een bestand.", "file");
  if (file.bytes.length > MAX_ATTACHMENT_BYTES) throw new DomainError(tooLargeMessage, "file");
  const kind = await detectFileKind(file.bytes);
  if (!kind) throw new DomainError(`Dit soort bestand kun je niet toevoegen. Gebruik ${ALLOWED_TYPES_TEXT}.`, "file");
  const ownerKey = ownerKeyFor(assignment.kind, context, user.id);
  const submission =
    found.submission ??
    (await prisma.assignmentSubmission.upsert({
      where: { assignmentId_ownerKey: { assignmentId, ownerKey } },
      create: {
        assignmentId,
        enrollmentId: context.id,
        userId: assignment.kind === "INDIVIDUAL" ? user.id : null,
        ownerKey,
      },
      update: {},
      select: { id: true },
    }));
  // The record and its bytes in one statement (app/storage/files.server.ts).
  const storageKey = newStorageKey("submissions", submission.id);
  return prisma.submissionAttachment.create({
    data: {
      submissionId: submission.id,
      storageKey,
      fileName: safeFileName(file.name, kind),
      contentType: fileKinds[kind].contentType,
      size: file.bytes.length,
      uploadedById: user.id,
      file: { create: { key: storageKey, bytes: new Uint8Array(file.bytes) } },
    },
    select: { id: true, fileName: true },
  });
}

export async function deleteAttachment(user: Viewer, assignmentId: string, attachmentId: string) {
  const found = await loadOwnSubmission(user, assignmentId);
  if (!found?.submission) return false;
  if (!canEdit(found.submission)) throw new DomainError("Trek de opdracht eerst terug om bestanden te verwijderen.");
  const attachment = await prisma.submissionAttachment.findFirst({
    where: { id: attachmentId, submissionId: found.submission.id },
    select: { id: true },
  });
  if (!attachment) return false;
  // Its bytes go with it (StoredFile cascades).
  await prisma.submissionAttachment.delete({ where: { id: attachment.id } });
  return true;
}

// ---------------------------------------------------------------------------------------------------------
// Who may read a submission

/**
 * Submissions the viewer may read: their duo's or own (participant); for staff, of their cohorts, the ones
 * handed in (or with feedback) and drafts whose duo asked for early feedback — never another draft.
 */
export function submissionAccessWhere(viewer: Viewer): Prisma.AssignmentSubmissionWhereInput {
  if (viewer.role === "PARTICIPANT") {
    return {
      enrollment: { status: "ACTIVE", members: { some: { userId: viewer.id } } },
      OR: [{ userId: null }, { userId: viewer.id }],
    };
  }
  const seen: Prisma.AssignmentSubmissionWhereInput = {
    OR: [{ submittedAt: { not: null } }, { feedbackAt: { not: null } }, { earlyFeedbackRequestedAt: { not: null } }],
  };
  if (viewer.role === "COORDINATOR") return seen;
  return { AND: [seen, { assignment: { session: { cohort: { facilitators: { some: { userId: viewer.id } } } } } }] };
}

/** An attachment with its bytes, for the download route; null when it does not exist or is not for the viewer. */
export async function readAttachment(viewer: Viewer, attachmentId: string) {
  const attachment = await prisma.submissionAttachment.findFirst({
    where: { id: attachmentId, submission: submissionAccessWhere(viewer) },
    select: { fileName: true, contentType: true, size: true, file: { select: { bytes: true } } },
  });
  if (!attachment?.file) return null;
  const { file, ...rest } = attachment;
  return { ...rest, bytes: new Uint8Array(file.bytes) };
}

/**
 * Adds a message to a submission's thread. From a facilitator or coordinator it is feedback: the first one
 * marks the submission "feedback ontvangen" (no withdrawing after it) and the duo hears about it. The duo
 * replies only once there is feedback (DomainError before).
 */
export async function addSubmissionMessage(
  viewer: Pick<User, "id" | "role" | "name">,
  submissionId: string,
  body: string,
) {
  const submission = await prisma.assignmentSubmission.findFirst({
    where: { AND: [{ id: submissionId }, submissionAccessWhere(viewer)] },
    select: {
      id: true,
      feedbackAt: true,
      submittedAt: true,
      earlyFeedbackRequestedAt: true,
      earlyFeedbackAnsweredAt: true,
      _count: { select: { messages: true } },
      userId: true,
      assignment: {
        select: {
          id: true,
          title: true,
          session: {
            select: {
              cohortId: true,
              cohort: {
                select: { facilitators: { select: { user: { select: { id: true, name: true, email: true } } } } },
              },
            },
          },
        },
      },
      enrollment: { select: { members: { select: { user: { select: { id: true, name: true, email: true } } } } } },
      // Who wrote in the thread so far: a participant's reply goes to the facilitators among them.
      messages: { select: { authorId: true } },
    },
  });
  if (!submission) return null;
  const isStaff = viewer.role !== "PARTICIPANT";
  // The thread starts with feedback: the duo replies to it, it does not open it.
  const earlyThread = Boolean(submission.earlyFeedbackRequestedAt && submission._count.messages > 0);
  if (!isStaff && !submission.feedbackAt && !earlyThread)
    throw new DomainError("Reageren kan als er feedback is.", "body");
  // Feedback on a draft (the duo asked for early feedback) answers the request; the duo keeps writing.
  const early = isStaff && !submission.submittedAt && !submission.feedbackAt;
  const message = await prisma.$transaction(async (tx) => {
    const created = await tx.submissionMessage.create({
      data: { submissionId, authorId: viewer.id, body },
      select: { id: true },
    });
    if (early) {
      await tx.assignmentSubmission.update({
        where: { id: submissionId },
        data: { earlyFeedbackAnsweredAt: new Date() },
      });
    } else if (isStaff && !submission.feedbackAt) {
      await tx.assignmentSubmission.update({ where: { id: submissionId }, data: { feedbackAt: new Date() } });
    }
    return created;
  });
  if (viewer.role === "COORDINATOR") {
    await recordAudit({
      actorId: viewer.id,
      action: "assignment.feedback",
      entityType: "AssignmentSubmission",
      entityId: submissionId,
    });
  }
  if (isStaff) {
    const people = submission.enrollment.members
      .map((member) => member.user)
      .filter((person) => submission.userId === null || person.id === submission.userId);
    const modes = await modesFor(
      people.map((person) => person.id),
      "assignment-feedback",
    );
    const appUrl = getEnv().APP_URL;
    const url = `${appUrl}/opdrachten/${submission.assignment.id}`;
    for (const person of people) {
      await notify({
        key: `assignment-feedback:${message.id}:${person.id}`,
        kind: "assignment-feedback",
        user: person,
        mode: modes.get(person.id)!,
        title: `Feedback op de opdracht "${submission.assignment.title}" van ${viewer.name}`,
        url,
        email: () =>
          assignmentFeedbackEmail({
            appUrl,
            user: person,
            from: viewer.name,
            assignmentTitle: submission.assignment.title,
            url,
          }),
      });
    }
  } else {
    // Issue 19: a participant's reply goes to the cohort's facilitators who gave feedback in this thread, or,
    // when none of them (still) runs the cohort, to all of its facilitators.
    const facilitators = submission.assignment.session.cohort.facilitators.map((row) => row.user);
    const wrote = new Set(submission.messages.map((row) => row.authorId));
    const inThread = facilitators.filter((person) => wrote.has(person.id));
    const { cohortId } = submission.assignment.session;
    const url = `${getEnv().APP_URL}/leernetwerken/${cohortId}/opdrachten/${submission.assignment.id}/inzendingen/${submission.id}`;
    const subject = `${viewer.name} reageerde op je feedback: ${submission.assignment.title}`;
    await notifyMany({
      kind: "submission-reply",
      people: inThread.length > 0 ? inThread : facilitators,
      except: viewer.id,
      key: (person) => `submission-reply:${message.id}:${person.id}`,
      title: subject,
      url,
      email: (person) =>
        noticeEmail({
          kind: "submission-reply",
          user: person,
          subject,
          lines: [
            `${viewer.name} heeft gereageerd in het gesprek over de opdracht "${submission.assignment.title}".`,
            "Log in om de reactie te lezen.",
          ],
          action: { label: "Lees de reactie", url },
          reason: "Je krijgt dit bericht omdat je dit leernetwerk begeleidt.",
        }),
    });
  }
  return message;
}

// ---------------------------------------------------------------------------------------------------------
// Facilitators and coordinators

/** The assignment in a cohort the viewer runs (coordinators: any), or null. */
export function findStaffAssignment(viewer: Viewer, cohortId: string, assignmentId: string) {
  return prisma.assignment.findFirst({
    where: {
      id: assignmentId,
      session: {
        cohortId,
        cohort: viewer.role === "COORDINATOR" ? {} : { facilitators: { some: { userId: viewer.id } } },
      },
    },
    select: {
      id: true,
      title: true,
      instructions: true,
      dueAt: true,
      kind: true,
      allowFiles: true,
      opdrachtId: true,
      session: { select: { id: true, number: true, title: true, startsAt: true } },
    },
  });
}

/** Per duo (DUO) or per participant (INDIVIDUAL) of the cohort's active enrolments: status, handed in, late. */
export async function assignmentOverview(viewer: Viewer, cohortId: string, assignmentId: string, now = new Date()) {
  const assignment = await findStaffAssignment(viewer, cohortId, assignmentId);
  if (!assignment) return null;
  const [enrollments, submissions] = await Promise.all([
    prisma.enrollment.findMany({
      where: { cohortId, status: "ACTIVE" },
      orderBy: { municipality: { name: "asc" } },
      select: {
        id: true,
        municipality: { select: { name: true } },
        members: { orderBy: { createdAt: "asc" }, select: { user: { select: { id: true, name: true } } } },
      },
    }),
    prisma.assignmentSubmission.findMany({
      where: { assignmentId },
      select: { ...submissionFacts, _count: { select: { attachments: true, messages: true } } },
    }),
  ]);
  const byOwner = new Map(submissions.map((submission) => [submission.ownerKey, submission]));
  const rows = enrollments.flatMap((enrollment) => {
    const owners =
      assignment.kind === "DUO"
        ? [{ key: enrollment.id, label: enrollment.members.map((member) => member.user.name).join(" en ") }]
        : enrollment.members.map((member) => ({ key: member.user.id, label: member.user.name }));
    return owners.map((owner) => {
      const submission = byOwner.get(owner.key);
      const state = submissionStatus(factsOf(submission), assignment.dueAt, now);
      const readable = Boolean(
        submission?.submittedAt || submission?.feedbackAt || submission?.earlyFeedbackRequestedAt,
      );
      return {
        key: owner.key,
        municipality: enrollment.municipality.name,
        who: owner.label,
        ...state,
        statusLabel: statusLabel(state),
        submittedAt: submission?.submittedAt ?? null,
        discussedAt: submission?.discussedAt ?? null,
        messages: submission?._count.messages ?? 0,
        earlyFeedbackAsked: Boolean(submission?.earlyFeedbackRequestedAt && !submission.submittedAt),
        submissionId: readable ? submission!.id : null,
      };
    });
  });
  return { assignment, rows };
}

/** A handed-in submission of an assignment in the viewer's cohort, with its files and thread; null → 404. */
export async function getSubmissionForStaff(
  viewer: Viewer,
  cohortId: string,
  assignmentId: string,
  submissionId: string,
) {
  const assignment = await findStaffAssignment(viewer, cohortId, assignmentId);
  if (!assignment) return null;
  const submission = await prisma.assignmentSubmission.findFirst({
    where: { AND: [{ id: submissionId, assignmentId }, submissionAccessWhere(viewer)] },
    select: {
      ...submissionFacts,
      user: { select: { name: true } },
      enrollment: {
        select: {
          municipality: { select: { name: true } },
          members: { select: { user: { select: { id: true, name: true } } } },
        },
      },
      attachments: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, size: true, createdAt: true } },
      messages: threadMessages,
    },
  });
  if (!submission) return null;
  return { assignment, submission };
}

/** Marks a submission "besproken" (or takes the mark away). */
export async function setDiscussed(viewer: Viewer, submissionId: string, discussed: boolean) {
  const updated = await prisma.assignmentSubmission.updateMany({
    where: { AND: [{ id: submissionId }, submissionAccessWhere(viewer)] },
    data: { discussedAt: discussed ? new Date() : null },
  });
  if (updated.count === 1 && viewer.role === "COORDINATOR") {
    await recordAudit({
      actorId: viewer.id,
      action: discussed ? "assignment.discussed" : "assignment.undiscussed",
      entityType: "AssignmentSubmission",
      entityId: submissionId,
    });
  }
  return updated.count === 1;
}

/**
 * The dashboard: per session and assignment (columns) and per municipality (rows) the status. For an
 * INDIVIDUAL assignment the cell counts how many of the duo handed in.
 */
export async function submissionMatrix(cohortId: string, now = new Date()) {
  const [sessions, enrollments] = await Promise.all([
    prisma.cohortSession.findMany({
      where: { cohortId },
      orderBy: { number: "asc" },
      select: {
        id: true,
        number: true,
        title: true,
        assignments: {
          orderBy: [{ dueAt: "asc" }, { title: "asc" }],
          select: {
            id: true,
            title: true,
            dueAt: true,
            kind: true,
            submissions: {
              select: {
                enrollmentId: true,
                ownerKey: true,
                body: true,
                submittedAt: true,
                feedbackAt: true,
                _count: { select: { attachments: true } },
              },
            },
          },
        },
      },
    }),
    prisma.enrollment.findMany({
      where: { cohortId, status: "ACTIVE" },
      orderBy: { municipality: { name: "asc" } },
      select: { id: true, municipality: { select: { name: true } }, members: { select: { userId: true } } },
    }),
  ]);
  const columns = sessions.flatMap((session) => session.assignments.map((assignment) => ({ ...assignment, session })));
  const rows = enrollments.map((enrollment) => ({
    enrollmentId: enrollment.id,
    municipality: enrollment.municipality.name,
    cells: columns.map((assignment) => {
      if (assignment.kind === "DUO") {
        const submission = assignment.submissions.find((candidate) => candidate.ownerKey === enrollment.id);
        const state = submissionStatus(factsOf(submission), assignment.dueAt, now);
        return { assignmentId: assignment.id, status: state.status, label: statusLabel(state) };
      }
      const states = enrollment.members.map((member) =>
        submissionStatus(
          factsOf(assignment.submissions.find((candidate) => candidate.ownerKey === member.userId)),
          assignment.dueAt,
          now,
        ),
      );
      const handedIn = states.filter((state) => state.status === "ingeleverd" || state.status === "feedback").length;
      const status =
        handedIn === states.length && states.length > 0
          ? "ingeleverd"
          : states.some((state) => state.status === "te-laat")
            ? "te-laat"
            : "open";
      return { assignmentId: assignment.id, status, label: `${handedIn} van ${states.length} ingeleverd` };
    }),
  }));
  return {
    columns: columns.map(({ submissions: _submissions, ...column }) => column),
    rows,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Coordinators: definitions

export type AssignmentInput = {
  sessionId: string;
  title: string;
  instructions: string;
  dueAt: Date;
  kind: AssignmentKind;
  allowFiles: boolean;
  opdrachtId: string | null;
};

/** The instructions must be valid Markdoc, and a linked opdracht must exist in the lessons. */
function checkAssignmentText(input: AssignmentInput) {
  const problems = instructionProblems(input.instructions);
  if (problems.length) throw new DomainError(`De uitleg bevat een fout. ${problems.join(" ")}`, "instructions");
  if (input.opdrachtId && !listOpdrachten().some((opdracht) => opdracht.id === input.opdrachtId)) {
    throw new DomainError("Kies een opdracht uit de lijst.", "opdrachtId");
  }
}

async function requireSessionOfCohort(cohortId: string, sessionId: string) {
  const session = await prisma.cohortSession.findFirst({ where: { id: sessionId, cohortId }, select: { id: true } });
  if (!session) throw new DomainError("Kies een bijeenkomst van dit leernetwerk.", "sessionId");
}

/** The sessions of a cohort an assignment can belong to (the coordinator's form), in their order. */
export function assignmentSessionChoices(cohortId: string) {
  return prisma.cohortSession.findMany({
    where: { cohortId },
    orderBy: { number: "asc" },
    select: { id: true, number: true, title: true, startsAt: true },
  });
}

/** How many duos (or participants) have started or handed in this assignment (shown before deleting it). */
export function countSubmissions(assignmentId: string) {
  return prisma.assignmentSubmission.count({ where: { assignmentId } });
}

export async function createAssignment(actor: Viewer, cohortId: string, input: AssignmentInput) {
  checkAssignmentText(input);
  await requireSessionOfCohort(cohortId, input.sessionId);
  return prisma.$transaction(async (tx) => {
    const created = await tx.assignment.create({ data: input, select: { id: true } });
    await recordAudit(
      {
        actorId: actor.id,
        action: "assignment.create",
        entityType: "Assignment",
        entityId: created.id,
        details: { title: input.title, cohortId },
      },
      tx,
    );
    return created;
  });
}

export async function updateAssignment(actor: Viewer, cohortId: string, assignmentId: string, input: AssignmentInput) {
  checkAssignmentText(input);
  await requireSessionOfCohort(cohortId, input.sessionId);
  return prisma.$transaction(async (tx) => {
    const updated = await tx.assignment.updateMany({ where: { id: assignmentId, session: { cohortId } }, data: input });
    if (updated.count !== 1) return false;
    await recordAudit(
      {
        actorId: actor.id,
        action: "assignment.update",
        entityType: "Assignment",
        entityId: assignmentId,
        details: { title: input.title, cohortId },
      },
      tx,
    );
    return true;
  });
}

/** Deletes an assignment with its submissions; their files go with them (StoredFile cascades). */
export async function deleteAssignment(actor: Viewer, cohortId: string, assignmentId: string) {
  const assignment = await prisma.assignment.findFirst({
    where: { id: assignmentId, session: { cohortId } },
    select: { id: true, title: true },
  });
  if (!assignment) return false;
  await prisma.$transaction(async (tx) => {
    await tx.assignment.delete({ where: { id: assignment.id } });
    await recordAudit(
      {
        actorId: actor.id,
        action: "assignment.delete",
        entityType: "Assignment",
        entityId: assignment.id,
        details: { title: assignment.title, cohortId },
      },
      tx,
    );
  });
  return true;
}

/** Cohorts to copy from: every other cohort that has assignments. */
export function copySourceCohorts(cohortId: string) {
  return prisma.cohort.findMany({
    where: { id: { not: cohortId }, sessions: { some: { assignments: { some: {} } } } },
    orderBy: { startsOn: "desc" },
    select: { id: true, name: true, startsOn: true },
  });
}

/**
 * Copies the assignments of another cohort's sessions to the sessions with the same number here. The due
 * moment keeps its distance to its session (e.g. "two days before session 3").
 */
export async function copyAssignments(actor: Viewer, cohortId: string, sourceCohortId: string) {
  if (sourceCohortId === cohortId) throw new DomainError("Kies een ander leernetwerk.", "sourceCohortId");
  const [source, target] = await Promise.all([
    prisma.cohortSession.findMany({
      where: { cohortId: sourceCohortId },
      select: {
        number: true,
        startsAt: true,
        assignments: {
          select: { title: true, instructions: true, dueAt: true, kind: true, allowFiles: true, opdrachtId: true },
        },
      },
    }),
    prisma.cohortSession.findMany({ where: { cohortId }, select: { id: true, number: true, startsAt: true } }),
  ]);
  const targetByNumber = new Map(target.map((session) => [session.number, session]));
  const copies: Prisma.AssignmentCreateManyInput[] = [];
  let skipped = 0;
  for (const session of source) {
    const to = targetByNumber.get(session.number);
    for (const assignment of session.assignments) {
      if (!to) {
        skipped++;
        continue;
      }
      const offset = assignment.dueAt.getTime() - session.startsAt.getTime();
      copies.push({ ...assignment, sessionId: to.id, dueAt: new Date(to.startsAt.getTime() + offset) });
    }
  }
  if (copies.length === 0)
    throw new DomainError(
      "Dit leernetwerk heeft geen opdrachten bij bijeenkomsten die hier ook bestaan.",
      "sourceCohortId",
    );
  await prisma.$transaction(async (tx) => {
    await tx.assignment.createMany({ data: copies });
    await recordAudit(
      {
        actorId: actor.id,
        action: "assignment.copy",
        entityType: "Cohort",
        entityId: cohortId,
        details: { sourceCohortId, copied: copies.length, skipped },
      },
      tx,
    );
  });
  return { copied: copies.length, skipped };
}

/**
 * The viewer's own submissions among an assignment's: their individual ones and their active duo's (for a
 * nested select, e.g. the session page's one query; staff pass role !== PARTICIPANT and get none).
 */
export function ownSubmissionsArgs(viewer: Viewer) {
  return {
    where:
      viewer.role === "PARTICIPANT"
        ? {
            OR: [
              { userId: viewer.id },
              { userId: null, enrollment: { status: "ACTIVE" as const, members: { some: { userId: viewer.id } } } },
            ],
          }
        : { id: { in: [] } },
    select: {
      userId: true,
      body: true,
      submittedAt: true,
      feedbackAt: true,
      _count: { select: { attachments: true } },
    },
  } satisfies Prisma.Assignment$submissionsArgs;
}

/**
 * The participant's status label of each assignment, from rows read with ownSubmissionsArgs: for a duo
 * assignment the duo's submission, for an individual one their own (null for staff).
 */
export function withOwnStatus<
  A extends {
    dueAt: Date;
    kind: AssignmentKind;
    submissions: {
      userId: string | null;
      body: string;
      submittedAt: Date | null;
      feedbackAt: Date | null;
      _count: { attachments: number };
    }[];
  },
>(viewer: Viewer, assignments: A[], now = new Date()) {
  return assignments.map(({ submissions, ...assignment }) => {
    if (viewer.role !== "PARTICIPANT") return { ...assignment, statusLabel: null };
    const own = submissions.find((submission) =>
      assignment.kind === "DUO" ? submission.userId === null : submission.userId === viewer.id,
    );
    return { ...assignment, statusLabel: statusLabel(submissionStatus(factsOf(own), assignment.dueAt, now)) };
  });
}

/** Per facilitator: how many submissions were handed in since `since`, per cohort (for the weekly digest). */
export async function submissionCountsForDigest(since: Date) {
  const submissions = await prisma.assignmentSubmission.findMany({
    where: { submittedAt: { gte: since }, enrollment: { status: "ACTIVE" } },
    select: {
      assignment: {
        select: {
          session: {
            select: {
              cohort: {
                select: {
                  id: true,
                  name: true,
                  facilitators: { select: { user: { select: { id: true, name: true, email: true } } } },
                },
              },
            },
          },
        },
      },
    },
  });
  const perFacilitator = new Map<
    string,
    {
      user: { id: string; name: string; email: string };
      cohorts: Map<string, { id: string; name: string; count: number }>;
    }
  >();
  for (const submission of submissions) {
    const cohort = submission.assignment.session.cohort;
    for (const { user } of cohort.facilitators) {
      let item = perFacilitator.get(user.id);
      if (!item) {
        item = { user, cohorts: new Map() };
        perFacilitator.set(user.id, item);
      }
      const counted = item.cohorts.get(cohort.id) ?? { id: cohort.id, name: cohort.name, count: 0 };
      counted.count++;
      item.cohorts.set(cohort.id, counted);
    }
  }
  return perFacilitator;
}
