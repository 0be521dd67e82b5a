// File storage: the bytes of uploaded files live in the database (table StoredFile, bytea), next to their
// record, so every web process serves every file and one backup holds everything. A file belongs to one
// record: a submission's attachment (StoredFile.attachmentKey references SubmissionAttachment.storageKey) or a
// session's handout (handoutKey → SessionHandout.storageKey), ON DELETE CASCADE: deleting the
// record — by hand, by erasure or by retention — deletes the bytes in the same statement. Files are at most
// 10 MB (MAX_ATTACHMENT_BYTES), a size PostgreSQL stores and streams without trouble.
//
// Before, files were on the local disk under UPLOAD_DIR; migrateDiskUploads() copies those into the database
// once (the web server runs it at start-up; running it again copies nothing). Files are never served from
// public/: only through a route that checks who may read them (app/routes/bijlagen.$attachmentId.tsx).
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { prisma } from "~/utils/db.server.ts";

export interface FileStorage {
  /** Stores the bytes of an attachment whose record (with this storageKey) exists. */
  put(key: string, data: Uint8Array): Promise<void>;
  /** The bytes, or null when there is nothing under this key. */
  get(key: string): Promise<Uint8Array | null>;
  /** Removes the bytes (deleting the attachment record does this already). */
  delete(key: string): Promise<void>;
}

const KEY = /^[a-z0-9-]+(\/[a-z0-9-]+)*$/;

/** A new key under a prefix, e.g. "submissions/<id>/<uuid>" (never derived from a user's file name). */
export function newStorageKey(...prefix: string[]): string {
  return [...prefix, randomUUID()].join("/");
}

const databaseStorage: FileStorage = {
  async put(key, data) {
    await prisma.storedFile.create({ data: { key, attachmentKey: key, bytes: new Uint8Array(data) } });
  },
  async get(key) {
    const file = await prisma.storedFile.findUnique({ where: { key }, select: { bytes: true } });
    return file ? new Uint8Array(file.bytes) : null;
  },
  async delete(key) {
    await prisma.storedFile.deleteMany({ where: { key } });
  },
};

/** The storage every process shares: the database. */
export function fileStorage(): FileStorage {
  return databaseStorage;
}

/** Where an upload of the old disk storage was: UPLOAD_DIR/<key>, keys checked before touching the disk. */
function diskFileFor(root: string, key: string): string {
  if (!KEY.test(key)) throw new Error(`Ongeldige opslagsleutel: ${key}`);
  return path.join(root, ...key.split("/"));
}

export type DiskMigration = { copied: number; missing: string[] };

/**
 * Copies files of the old disk storage (UPLOAD_DIR) into the database: every attachment without stored
 * bytes whose file is on disk. Idempotent: a second run (or a second process at the same time) finds
 * nothing left to copy, and a file already stored is never written twice. The disk files stay where
 * they are (remove UPLOAD_DIR by hand once you are satisfied). Attachments whose file is on neither are
 * returned as `missing`.
 */
export async function migrateDiskUploads(uploadDir: string): Promise<DiskMigration> {
  const root = path.resolve(uploadDir);
  const result: DiskMigration = { copied: 0, missing: [] };
  let after: string | undefined;
  for (;;) {
    // In batches of keys (no bytes are read from the database here).
    const batch = await prisma.submissionAttachment.findMany({
      where: { file: null, ...(after ? { storageKey: { gt: after } } : {}) },
      orderBy: { storageKey: "asc" },
      take: 100,
      select: { storageKey: true },
    });
    if (batch.length === 0) return result;
    after = batch[batch.length - 1]?.storageKey;
    for (const { storageKey } of batch) {
      let bytes: Uint8Array<ArrayBuffer>;
      try {
        bytes = new Uint8Array(await readFile(diskFileFor(root, storageKey)));
      } catch {
        result.missing.push(storageKey);
        continue;
      }
      // ON CONFLICT DO NOTHING: another process copying at the same moment is harmless. An attachment
      // deleted meanwhile makes the insert fail on its foreign key: nothing left to copy then.
      const written = await prisma.storedFile
        .createMany({ data: [{ key: storageKey, attachmentKey: storageKey, bytes }], skipDuplicates: true })
        .catch(() => ({ count: 0 }));
      result.copied += written.count;
    }
  }
}
