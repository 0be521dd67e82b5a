-- DropForeignKey
ALTER TABLE "StoredFile" DROP CONSTRAINT "StoredFile_key_fkey";

-- AlterTable
ALTER TABLE "AssignmentSubmission" ADD COLUMN     "earlyFeedbackAnsweredAt" TIMESTAMPTZ(3),
ADD COLUMN     "earlyFeedbackRequestedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "CohortSession" ADD COLUMN     "leaderId" UUID;

-- AlterTable
ALTER TABLE "StoredFile" ADD COLUMN     "attachmentKey" TEXT,
ADD COLUMN     "handoutKey" TEXT;

-- Every stored file so far is a submission attachment's, under its storage key.
UPDATE "StoredFile" SET "attachmentKey" = "key";

-- CreateTable
CREATE TABLE "SessionHandout" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "storageKey" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "uploadedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SessionHandout_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionReport" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "discussed" TEXT NOT NULL DEFAULT '',
    "agreements" TEXT NOT NULL DEFAULT '',
    "followUp" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SessionReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SessionHandout_storageKey_key" ON "SessionHandout"("storageKey");

-- CreateIndex
CREATE INDEX "SessionHandout_sessionId_idx" ON "SessionHandout"("sessionId");

-- CreateIndex
CREATE UNIQUE INDEX "SessionReport_sessionId_key" ON "SessionReport"("sessionId");

-- CreateIndex
CREATE INDEX "CohortSession_leaderId_idx" ON "CohortSession"("leaderId");

-- CreateIndex
CREATE UNIQUE INDEX "StoredFile_attachmentKey_key" ON "StoredFile"("attachmentKey");

-- CreateIndex
CREATE UNIQUE INDEX "StoredFile_handoutKey_key" ON "StoredFile"("handoutKey");

-- AddForeignKey
ALTER TABLE "CohortSession" ADD CONSTRAINT "CohortSession_leaderId_fkey" FOREIGN KEY ("leaderId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_attachmentKey_fkey" FOREIGN KEY ("attachmentKey") REFERENCES "SubmissionAttachment"("storageKey") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_handoutKey_fkey" FOREIGN KEY ("handoutKey") REFERENCES "SessionHandout"("storageKey") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionHandout" ADD CONSTRAINT "SessionHandout_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CohortSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionHandout" ADD CONSTRAINT "SessionHandout_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionReport" ADD CONSTRAINT "SessionReport_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CohortSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionReport" ADD CONSTRAINT "SessionReport_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

