// Reads of someone else's sensitive record (issue 15): a journal entry, an intervisie case (with its notes),
// a submission. Each read by someone other than its author is one insert (RecordRead); the author sees who read
// it ("Gelezen door"). The rows go with the record (foreign keys with cascade).
import type { User } from "lucia";
import { prisma } from "~/utils/db.server.ts";

export type ReadTarget = { journalEntryId: string } | { intervisionCaseId: string } | { submissionId: string };

/** Records one read (one insert, no read first). */
export async function recordRead(viewer: Pick<User, "id">, target: ReadTarget) {
  await prisma.recordRead.create({ data: { readerId: viewer.id, ...target }, select: { id: true } });
}

/** How many reads a "Gelezen door" list looks at (the newest). */
export const READS_SHOWN = 500;

/** The select for a record's newest reads, to nest in the query that loads the record (no extra query). */
export const readsSelect = {
  orderBy: { readAt: "desc" },
  take: READS_SHOWN,
  select: { readAt: true, reader: { select: { id: true, name: true } } },
} as const;

/** Reads collapsed per reader: the reader, how often, and the last time (the most recent reader first). */
export function readBy(reads: { readAt: Date; reader: { id: string; name: string } }[]) {
  const perReader = new Map<string, { reader: { id: string; name: string }; count: number; lastReadAt: Date }>();
  for (const read of reads) {
    const seen = perReader.get(read.reader.id);
    if (seen) seen.count++;
    else perReader.set(read.reader.id, { reader: read.reader, count: 1, lastReadAt: read.readAt });
  }
  return [...perReader.values()];
}
