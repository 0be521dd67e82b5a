-- DropForeignKey
ALTER TABLE "PolicyTopicComment" DROP CONSTRAINT "PolicyTopicComment_authorId_fkey";

-- AlterTable
ALTER TABLE "PolicyTopicComment" ALTER COLUMN "authorId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "IntervisionCaseReader" (
    "caseId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IntervisionCaseReader_pkey" PRIMARY KEY ("caseId","userId")
);

-- CreateTable
CREATE TABLE "PolicyTopicDocument" (
    "id" UUID NOT NULL,
    "topicId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "keptById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PolicyTopicDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PolicyTopicFile" (
    "id" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PolicyTopicFile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IntervisionCaseReader_userId_idx" ON "IntervisionCaseReader"("userId");

-- CreateIndex
CREATE INDEX "PolicyTopicDocument_topicId_createdAt_idx" ON "PolicyTopicDocument"("topicId", "createdAt");

-- CreateIndex
CREATE INDEX "PolicyTopicFile_documentId_idx" ON "PolicyTopicFile"("documentId");

-- AddForeignKey
ALTER TABLE "PolicyTopicComment" ADD CONSTRAINT "PolicyTopicComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntervisionCaseReader" ADD CONSTRAINT "IntervisionCaseReader_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "IntervisionCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntervisionCaseReader" ADD CONSTRAINT "IntervisionCaseReader_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyTopicDocument" ADD CONSTRAINT "PolicyTopicDocument_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "PolicyTopic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyTopicDocument" ADD CONSTRAINT "PolicyTopicDocument_keptById_fkey" FOREIGN KEY ("keptById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyTopicFile" ADD CONSTRAINT "PolicyTopicFile_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "PolicyTopicDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Readers of the cases brought before this migration (hand-written): the group's members and facilitators
-- who were in the group when the case was brought (joined at or before it) and still have access now (a
-- member still actively enrolled in the cohort, a facilitator still of the cohort). The inbrenger is not
-- their own reader. Someone who joined the group after the case was brought gets no row.
INSERT INTO "IntervisionCaseReader" ("caseId", "userId")
SELECT c."id", m."userId"
FROM "IntervisionCase" c
JOIN "IntervisionMeeting" mt ON mt."id" = c."meetingId"
JOIN "IntervisionGroup" g ON g."id" = mt."groupId"
JOIN "IntervisionMember" m ON m."groupId" = g."id" AND m."createdAt" <= c."createdAt"
WHERE m."userId" <> c."authorId"
  AND EXISTS (
    SELECT 1 FROM "Enrollment" e JOIN "DuoMember" d ON d."enrollmentId" = e."id"
    WHERE e."cohortId" = g."cohortId" AND e."status" = 'ACTIVE' AND d."userId" = m."userId"
  )
UNION
SELECT c."id", f."userId"
FROM "IntervisionCase" c
JOIN "IntervisionMeeting" mt ON mt."id" = c."meetingId"
JOIN "IntervisionGroup" g ON g."id" = mt."groupId"
JOIN "IntervisionFacilitator" f ON f."groupId" = g."id" AND f."createdAt" <= c."createdAt"
WHERE f."userId" <> c."authorId"
  AND EXISTS (SELECT 1 FROM "CohortFacilitator" cf WHERE cf."cohortId" = g."cohortId" AND cf."userId" = f."userId")
ON CONFLICT DO NOTHING;
