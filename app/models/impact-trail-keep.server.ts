// Keeping the duo's own work past retention (issue 15): the follow-up place. Retention deletes a closed
// cohort's journal entries, cases, assignment texts and uploads (app/maintenance/retention.server.ts). What a
// duo wants to keep, its author copies — explicitly, one piece at a time — into the municipality's impact trail
// (a PolicyTopicDocument under a topic, with copies of the submission's files), which stays with the
// municipality after the cohort. The copy belongs to the trail: retention does not touch it, and the trail's
// editors and readers see it like the rest of the topic.
//
// Who may: for a submission, a member of the duo that wrote it (or its writer, for an individual one); for a
// journal entry, its author only. Both must be editors of the municipality's trail (trailRole).
import type { User } from "lucia";
import { prisma } from "~/utils/db.server.ts";
import { formatShortDate } from "~/utils/dates.ts";
import { DomainError } from "~/utils/domain-error.ts";
import { recordAudit } from "./audit.server.ts";
import { editorWhere, trailRole } from "./impact-trail.server.ts";

type Viewer = Pick<User, "id" | "role">;

/** Where to keep it: an existing topic of the municipality, or a new topic with this title. */
export type KeepTarget = { topicId: string } | { newTopicTitle: string };

/** The topics the viewer may keep work under (their municipality's), or null when they are no editor. */
export async function keepChoices(viewer: Viewer, municipalityId: string) {
  // Editors are participants (trailRole); one statement: the municipality, if they edit its trail, with its topics.
  if (viewer.role !== "PARTICIPANT") return null;
  const municipality = await prisma.municipality.findFirst({
    where: { id: municipalityId, ...editorWhere(viewer.id) },
    select: { policyTopics: { orderBy: { title: "asc" }, select: { id: true, title: true } } },
  });
  return municipality?.policyTopics ?? null;
}

type KeptPiece = {
  municipalityId: string;
  title: string;
  body: string;
  source: string;
  files: { fileName: string; contentType: string; size: number; bytes: Uint8Array<ArrayBuffer> }[];
  audit: { entityType: string; entityId: string };
};

async function keep(viewer: Viewer, piece: KeptPiece, target: KeepTarget) {
  if ((await trailRole(viewer, piece.municipalityId)) !== "editor")
    throw new DomainError("Alleen het duo en collega's van de gemeente bewaren iets in het impactspoor.");
  if (!piece.body.trim() && piece.files.length === 0) throw new DomainError("Er staat nog niets in om te bewaren.");
  return prisma.$transaction(async (tx) => {
    let topicId: string;
    if ("topicId" in target) {
      const topic = await tx.policyTopic.findFirst({
        where: { id: target.topicId, municipalityId: piece.municipalityId },
        select: { id: true },
      });
      if (!topic) throw new DomainError("Kies een onderwerp van het impactspoor van je gemeente.", "topicId");
      topicId = topic.id;
    } else {
      const title = target.newTopicTitle.trim();
      if (!title) throw new DomainError("Geef het nieuwe onderwerp een titel.", "newTopicTitle");
      const topic = await tx.policyTopic.create({
        data: { municipalityId: piece.municipalityId, title, updatedById: viewer.id },
        select: { id: true },
      });
      topicId = topic.id;
    }
    const document = await tx.policyTopicDocument.create({
      data: {
        topicId,
        title: piece.title,
        body: piece.body,
        source: piece.source,
        keptById: viewer.id,
        files: { create: piece.files },
      },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: viewer.id,
        action: "impact_trail.kept",
        entityType: piece.audit.entityType,
        entityId: piece.audit.entityId,
        details: { topicId, documentId: document.id, files: piece.files.length },
      },
      tx,
    );
    return { topicId, documentId: document.id, municipalityId: piece.municipalityId };
  });
}

/** Copies the viewer's (duo's) submission of an assignment, with its files, into the impact trail. */
export async function keepSubmission(viewer: Viewer, submissionId: string, target: KeepTarget) {
  const submission = await prisma.assignmentSubmission.findFirst({
    where: {
      id: submissionId,
      enrollment: { members: { some: { userId: viewer.id } } },
      OR: [{ userId: null }, { userId: viewer.id }],
    },
    select: {
      id: true,
      body: true,
      assignment: { select: { title: true, session: { select: { cohort: { select: { name: true } } } } } },
      enrollment: { select: { municipalityId: true, municipality: { select: { name: true } } } },
      attachments: {
        orderBy: { createdAt: "asc" },
        select: { fileName: true, contentType: true, size: true, file: { select: { bytes: true } } },
      },
    },
  });
  if (!submission) return null;
  const { assignment, enrollment } = submission;
  return keep(
    viewer,
    {
      municipalityId: enrollment.municipalityId,
      title: assignment.title,
      body: submission.body,
      source: `Uitwerking van ${enrollment.municipality.name} bij de opdracht "${assignment.title}" (leernetwerk ${assignment.session.cohort.name})`,
      files: submission.attachments.flatMap(({ file, ...attachment }) =>
        file ? [{ ...attachment, bytes: new Uint8Array(file.bytes) }] : [],
      ),
      audit: { entityType: "AssignmentSubmission", entityId: submission.id },
    },
    target,
  );
}

/** Copies one of the viewer's own journal entries into their municipality's impact trail (author only). */
export async function keepJournalEntry(viewer: Viewer, entryId: string, target: KeepTarget) {
  const entry = await prisma.journalEntry.findFirst({
    where: { id: entryId, authorId: viewer.id, enrollmentId: { not: null } },
    select: {
      id: true,
      title: true,
      body: true,
      writtenOn: true,
      enrollment: { select: { municipalityId: true, cohort: { select: { name: true } } } },
    },
  });
  if (!entry?.enrollment) return null;
  return keep(
    viewer,
    {
      municipalityId: entry.enrollment.municipalityId,
      title: entry.title.trim() || `Journaal van ${formatShortDate(entry.writtenOn)}`,
      body: entry.body,
      source: `Journaal, ${formatShortDate(entry.writtenOn)} (leernetwerk ${entry.enrollment.cohort.name})`,
      files: [],
      audit: { entityType: "JournalEntry", entityId: entry.id },
    },
    target,
  );
}

/** A kept file with its bytes, for the download route (editors and readers of the trail; null otherwise). */
export async function readKeptFile(municipalityId: string, fileId: string) {
  const file = await prisma.policyTopicFile.findFirst({
    where: { id: fileId, document: { topic: { municipalityId } } },
    select: { fileName: true, contentType: true, bytes: true },
  });
  return file ? { ...file, bytes: new Uint8Array(file.bytes) } : null;
}
