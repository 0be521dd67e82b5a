// Uploads live in the database (StoredFile): stored with their record, read back by any process, deleted
// with the record; files of the old disk storage are copied in once.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { assignmentWorld } from "../../tests/support/assignment-world.ts";
import { addAttachment, deleteAssignment, readAttachment } from "~/models/assignment.server.ts";
import { fileStorage, migrateDiskUploads, newStorageKey } from "~/storage/files.server.ts";
import { prisma } from "~/utils/db.server.ts";

const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.7\n% ${text}\n1 0 obj\n<<>>\nendobj\n%%EOF\n`);
const uploadDir = await mkdtemp(path.join(tmpdir(), "leernetwerk-old-uploads-"));
afterAll(() => rm(uploadDir, { recursive: true, force: true }));

describe("uploads in the database", () => {
  it("stores the bytes with the record, reads them back, and deletes them with the assignment", async () => {
    const { assignment, lisa, erik, sanne, cohort } = await assignmentWorld();
    const added = await addAttachment(lisa, assignment.id, { name: "plan.pdf", bytes: pdf("plan") });
    const read = await readAttachment(erik, added!.id);
    expect(new TextDecoder().decode(read!.bytes)).toContain("% plan");
    expect(read).toMatchObject({ fileName: "plan.pdf", contentType: "application/pdf" });
    expect(await prisma.storedFile.count()).toBe(1);

    expect(await deleteAssignment(sanne, cohort.id, assignment.id)).toBe(true);
    expect(await prisma.storedFile.count()).toBe(0);
  });

  it("keeps no bytes when the record is deleted by a cascade (erasure, retention)", async () => {
    const { assignment, lisa, zwolle } = await assignmentWorld();
    await addAttachment(lisa, assignment.id, { name: "a.pdf", bytes: pdf("a") });
    await prisma.enrollment.delete({ where: { id: zwolle.enrollment.id } });
    expect(await prisma.storedFile.count()).toBe(0);
  });

  it("copies files of the old disk storage in once, also when two processes start together", async () => {
    const { assignment, erik, zwolle } = await assignmentWorld();
    const submission = await prisma.assignmentSubmission.create({
      data: { assignmentId: assignment.id, enrollmentId: zwolle.enrollment.id, ownerKey: zwolle.enrollment.id },
    });
    const keys = [newStorageKey("submissions", submission.id), newStorageKey("submissions", submission.id)];
    const attachments = [];
    for (const [index, key] of keys.entries()) {
      const file = path.join(uploadDir, ...key.split("/"));
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, pdf(`oud ${index}`));
      attachments.push(
        await prisma.submissionAttachment.create({
          data: {
            submissionId: submission.id,
            storageKey: key,
            fileName: `oud-${index}.pdf`,
            contentType: "application/pdf",
            size: 40,
          },
        }),
      );
    }
    // One record whose file was lost from the disk.
    const lostKey = newStorageKey("submissions", submission.id);
    await prisma.submissionAttachment.create({
      data: {
        submissionId: submission.id,
        storageKey: lostKey,
        fileName: "weg.pdf",
        contentType: "application/pdf",
        size: 1,
      },
    });
    expect(await readAttachment(erik, attachments[0]!.id)).toBeNull();

    const [first, second] = await Promise.all([migrateDiskUploads(uploadDir), migrateDiskUploads(uploadDir)]);
    expect(first.copied + second.copied).toBe(2);
    expect(first.missing).toEqual([lostKey]);
    expect(await prisma.storedFile.count()).toBe(2);
    expect(new TextDecoder().decode((await readAttachment(erik, attachments[1]!.id))!.bytes)).toContain("oud 1");

    // Running it again copies nothing.
    expect(await migrateDiskUploads(uploadDir)).toEqual({ copied: 0, missing: [lostKey] });
    // A folder that does not exist (a fresh install): nothing to copy, nothing fails.
    expect((await migrateDiskUploads(path.join(uploadDir, "nergens"))).copied).toBe(0);
  });

  it("the storage interface reads and deletes by key, and refuses keys outside the upload folder", async () => {
    const { assignment, lisa } = await assignmentWorld();
    const added = await addAttachment(lisa, assignment.id, { name: "b.pdf", bytes: pdf("b") });
    const { storageKey } = await prisma.submissionAttachment.findUniqueOrThrow({ where: { id: added!.id } });
    expect(new TextDecoder().decode((await fileStorage().get(storageKey))!)).toContain("% b");
    await fileStorage().delete(storageKey);
    await fileStorage().delete(storageKey); // twice does no harm
    expect(await fileStorage().get(storageKey)).toBeNull();
    await prisma.submissionAttachment.create({
      data: {
        submissionId: (await prisma.assignmentSubmission.findFirstOrThrow()).id,
        storageKey: "../etc/passwd",
        fileName: "x",
        contentType: "x",
        size: 1,
      },
    });
    expect((await migrateDiskUploads(uploadDir)).missing).toContain("../etc/passwd");
  });
});
