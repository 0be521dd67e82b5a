// Handouts of a session (issue 19): slides or a PDF a facilitator or coordinator attaches to a session, which
// the cohort downloads from the session page. The bytes are in the database (StoredFile, deleted with the
// handout by cascade), checked like a submission's attachment: at most 10 MB, typed by their content.
import type { User } from "lucia";
import { recordAudit } from "~/models/audit.server.ts";
import { newStorageKey } from "~/storage/files.server.ts";
import { detectFileKind } from "~/storage/file-type.server.ts";
import {
  ALLOWED_TYPES_TEXT,
  attachmentTooLargeMessage,
  fileKinds,
  MAX_ATTACHMENT_BYTES,
  safeFileName,
} from "~/storage/file-type.ts";
import { noticeEmail } from "~/notifications/notice-email.server.ts";
import { notifyMany } from "~/notifications/notify-many.server.ts";
import { prisma } from "~/utils/db.server.ts";
import { DomainError } from "~/utils/domain-error.ts";
import { getEnv } from "~/utils/env.server.ts";
import { recipientsOf } from "./announcement.server.ts";

type Actor = Pick<User, "id" | "role">;

/** The handouts of a session, oldest first (no bytes). */
export function listHandouts(sessionId: string) {
  return prisma.sessionHandout.findMany({
    where: { sessionId },
    orderBy: { createdAt: "asc" },
    select: { id: true, fileName: true, size: true, createdAt: true, uploadedBy: { select: { name: true } } },
  });
}

/** Stores an uploaded handout under the session (the caller checked that the actor is the cohort's staff). */
export async function addHandout(actor: Actor, sessionId: string, file: { name: string; bytes: Uint8Array }) {
  if (file.bytes.length === 0) throw new DomainError("Kies een bestand.", "file");
  if (file.bytes.length > MAX_ATTACHMENT_BYTES) throw new DomainError(attachmentTooLargeMessage, "file");
  const kind = await detectFileKind(file.bytes);
  if (!kind) throw new DomainError(`Dit soort bestand kun je niet toevoegen. Gebruik ${ALLOWED_TYPES_TEXT}.`, "file");
  const storageKey = newStorageKey("handouts", sessionId);
  const handout = await prisma.sessionHandout.create({
    data: {
      sessionId,
      storageKey,
      fileName: safeFileName(file.name, kind),
      contentType: fileKinds[kind].contentType,
      size: file.bytes.length,
      uploadedById: actor.id,
      // The record and its bytes in one statement.
      file: { create: { key: storageKey, bytes: new Uint8Array(file.bytes) } },
    },
    select: { id: true, fileName: true },
  });
  if (actor.role === "COORDINATOR") {
    await recordAudit({
      actorId: actor.id,
      action: "session.handout.add",
      entityType: "SessionHandout",
      entityId: handout.id,
      details: { sessionId, fileName: handout.fileName },
    });
  }
  await notifyNewHandout(actor, sessionId, handout);
  return handout;
}

/** The cohort (its active duos and its facilitators, not the uploader) hears that a handout is ready on the session page. */
async function notifyNewHandout(actor: Actor, sessionId: string, handout: { id: string; fileName: string }) {
  const session = await prisma.cohortSession.findUnique({
    where: { id: sessionId },
    select: { number: true, title: true, cohort: { select: { id: true, name: true } } },
  });
  if (!session) return;
  const { cohort } = session;
  const { people } = await recipientsOf(cohort.id, { kind: "cohort" });
  const url = `${getEnv().APP_URL}/leernetwerken/${cohort.id}/bijeenkomsten/${sessionId}`;
  const subject = `Nieuwe hand-out bij bijeenkomst ${session.number}: ${session.title}`;
  await notifyMany({
    kind: "handout-new",
    people,
    except: actor.id,
    key: (person) => `handout-new:${handout.id}:${person.id}`,
    title: `${subject} (${handout.fileName})`,
    url,
    email: (person) =>
      noticeEmail({
        kind: "handout-new",
        user: person,
        subject,
        lines: [
          `Bij bijeenkomst ${session.number} van ${cohort.name} staat een nieuwe hand-out: ${handout.fileName}.`,
          "Je kunt hem downloaden op de pagina van de bijeenkomst.",
        ],
        action: { label: "Naar de bijeenkomst", url },
        reason: `Je krijgt dit bericht omdat je meedoet aan ${cohort.name}.`,
      }),
  });
}

/** Deletes a handout of the session with its bytes; false when there is no such handout in this session. */
export async function deleteHandout(actor: Actor, sessionId: string, handoutId: string) {
  const deleted = await prisma.sessionHandout.deleteMany({ where: { id: handoutId, sessionId } });
  if (deleted.count === 1 && actor.role === "COORDINATOR") {
    await recordAudit({
      actorId: actor.id,
      action: "session.handout.delete",
      entityType: "SessionHandout",
      entityId: handoutId,
      details: { sessionId },
    });
  }
  return deleted.count === 1;
}

/** A handout with its bytes, for the download route; null when it is not a handout of this session. */
export async function readHandout(sessionId: string, handoutId: string) {
  const handout = await prisma.sessionHandout.findFirst({
    where: { id: handoutId, sessionId },
    select: { fileName: true, contentType: true, file: { select: { bytes: true } } },
  });
  if (!handout?.file) return null;
  return { fileName: handout.fileName, contentType: handout.contentType, bytes: new Uint8Array(handout.file.bytes) };
}
