-- DropIndex
DROP INDEX "JournalEntry_enrollmentId_audience_idx";

-- AlterTable: one audience per entry becomes a list (empty: private); existing choices are kept.
ALTER TABLE "JournalEntry" ADD COLUMN     "audiences" "JournalAudience"[] DEFAULT ARRAY[]::"JournalAudience"[];
UPDATE "JournalEntry" SET "audiences" = ARRAY["audience"] WHERE "audience" <> 'PRIVATE';

-- AlterTable: the sharing history records lists too.
ALTER TABLE "JournalShareChange" ALTER COLUMN "from" SET DATA TYPE "JournalAudience"[]
  USING (CASE WHEN "from" = 'PRIVATE' THEN ARRAY[]::"JournalAudience"[] ELSE ARRAY["from"] END),
ALTER COLUMN "to" SET DATA TYPE "JournalAudience"[]
  USING (CASE WHEN "to" = 'PRIVATE' THEN ARRAY[]::"JournalAudience"[] ELSE ARRAY["to"] END);

-- CreateTable
CREATE TABLE "JournalEntryReader" (
    "entryId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "via" "JournalAudience" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JournalEntryReader_pkey" PRIMARY KEY ("entryId","userId","via")
);

-- CreateTable
CREATE TABLE "RecordRead" (
    "id" UUID NOT NULL,
    "readerId" UUID NOT NULL,
    "journalEntryId" UUID,
    "intervisionCaseId" UUID,
    "submissionId" UUID,
    "readAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecordRead_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "JournalEntryReader_userId_idx" ON "JournalEntryReader"("userId");

-- CreateIndex
CREATE INDEX "RecordRead_journalEntryId_readAt_idx" ON "RecordRead"("journalEntryId", "readAt");

-- CreateIndex
CREATE INDEX "RecordRead_intervisionCaseId_readAt_idx" ON "RecordRead"("intervisionCaseId", "readAt");

-- CreateIndex
CREATE INDEX "RecordRead_submissionId_readAt_idx" ON "RecordRead"("submissionId", "readAt");

-- CreateIndex
CREATE INDEX "RecordRead_readerId_idx" ON "RecordRead"("readerId");

-- CreateIndex
CREATE INDEX "JournalEntry_enrollmentId_idx" ON "JournalEntry"("enrollmentId");

-- AddForeignKey
ALTER TABLE "JournalEntryReader" ADD CONSTRAINT "JournalEntryReader_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "JournalEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JournalEntryReader" ADD CONSTRAINT "JournalEntryReader_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordRead" ADD CONSTRAINT "RecordRead_readerId_fkey" FOREIGN KEY ("readerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordRead" ADD CONSTRAINT "RecordRead_journalEntryId_fkey" FOREIGN KEY ("journalEntryId") REFERENCES "JournalEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordRead" ADD CONSTRAINT "RecordRead_intervisionCaseId_fkey" FOREIGN KEY ("intervisionCaseId") REFERENCES "IntervisionCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordRead" ADD CONSTRAINT "RecordRead_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "AssignmentSubmission"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Existing shared entries: their readers are, once, the people who can read them today.
INSERT INTO "JournalEntryReader" ("entryId", "userId", "via")
SELECT e."id", m."userId", 'DUO'
FROM "JournalEntry" e
JOIN "Enrollment" en ON en."id" = e."enrollmentId" AND en."status" = 'ACTIVE'
JOIN "DuoMember" m ON m."enrollmentId" = en."id" AND m."userId" <> e."authorId"
WHERE e."audience" = 'DUO';

INSERT INTO "JournalEntryReader" ("entryId", "userId", "via")
SELECT e."id", f."userId", 'FACILITATORS'
FROM "JournalEntry" e
JOIN "Enrollment" en ON en."id" = e."enrollmentId" AND en."status" = 'ACTIVE'
JOIN "CohortFacilitator" f ON f."cohortId" = en."cohortId" AND f."userId" <> e."authorId"
WHERE e."audience" = 'FACILITATORS';

INSERT INTO "JournalEntryReader" ("entryId", "userId", "via")
SELECT DISTINCT e."id", r."userId", 'GROUP'::"JournalAudience"
FROM "JournalEntry" e
JOIN "Enrollment" en ON en."id" = e."enrollmentId" AND en."status" = 'ACTIVE'
JOIN "IntervisionMember" mine ON mine."userId" = e."authorId"
JOIN (
  SELECT "groupId", "userId" FROM "IntervisionMember"
  UNION SELECT "groupId", "userId" FROM "IntervisionFacilitator"
) r ON r."groupId" = mine."groupId" AND r."userId" <> e."authorId"
WHERE e."audience" = 'GROUP';

-- DropColumn (after the readers were worked out from it)
ALTER TABLE "JournalEntry" DROP COLUMN "audience";
