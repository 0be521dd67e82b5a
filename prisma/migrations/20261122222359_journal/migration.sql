-- CreateEnum
CREATE TYPE "JournalAudience" AS ENUM ('PRIVATE', 'DUO', 'FACILITATORS', 'GROUP');

-- CreateTable
CREATE TABLE "JournalEntry" (
    "id" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "enrollmentId" UUID,
    "title" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL DEFAULT '',
    "writtenOn" DATE NOT NULL,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "audience" "JournalAudience" NOT NULL DEFAULT 'PRIVATE',
    "sharedAt" TIMESTAMPTZ(3),
    "reflectieId" TEXT,
    "promptId" UUID,
    "sessionId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "JournalEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JournalReply" (
    "id" UUID NOT NULL,
    "entryId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JournalReply_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JournalShareChange" (
    "id" UUID NOT NULL,
    "entryId" UUID NOT NULL,
    "from" "JournalAudience" NOT NULL,
    "to" "JournalAudience" NOT NULL,
    "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JournalShareChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JournalPrompt" (
    "id" UUID NOT NULL,
    "cohortId" UUID NOT NULL,
    "authorId" UUID,
    "sessionId" UUID,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JournalPrompt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "JournalEntry_authorId_writtenOn_idx" ON "JournalEntry"("authorId", "writtenOn");

-- CreateIndex
CREATE INDEX "JournalEntry_enrollmentId_audience_idx" ON "JournalEntry"("enrollmentId", "audience");

-- CreateIndex
CREATE INDEX "JournalReply_entryId_createdAt_idx" ON "JournalReply"("entryId", "createdAt");

-- CreateIndex
CREATE INDEX "JournalShareChange_entryId_changedAt_idx" ON "JournalShareChange"("entryId", "changedAt");

-- CreateIndex
CREATE INDEX "JournalPrompt_cohortId_createdAt_idx" ON "JournalPrompt"("cohortId", "createdAt");

-- AddForeignKey
ALTER TABLE "JournalEntry" ADD CONSTRAINT "JournalEntry_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JournalEntry" ADD CONSTRAINT "JournalEntry_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JournalEntry" ADD CONSTRAINT "JournalEntry_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "JournalPrompt"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JournalEntry" ADD CONSTRAINT "JournalEntry_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CohortSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JournalReply" ADD CONSTRAINT "JournalReply_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "JournalEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JournalReply" ADD CONSTRAINT "JournalReply_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JournalShareChange" ADD CONSTRAINT "JournalShareChange_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "JournalEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JournalPrompt" ADD CONSTRAINT "JournalPrompt_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JournalPrompt" ADD CONSTRAINT "JournalPrompt_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JournalPrompt" ADD CONSTRAINT "JournalPrompt_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CohortSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;

