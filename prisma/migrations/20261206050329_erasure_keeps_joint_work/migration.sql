-- DropForeignKey
ALTER TABLE "ActionPlanComment" DROP CONSTRAINT "ActionPlanComment_authorId_fkey";

-- DropForeignKey
ALTER TABLE "JournalReply" DROP CONSTRAINT "JournalReply_authorId_fkey";

-- DropForeignKey
ALTER TABLE "SubmissionMessage" DROP CONSTRAINT "SubmissionMessage_authorId_fkey";

-- AlterTable
ALTER TABLE "ActionPlanComment" ALTER COLUMN "authorId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "JournalReply" ALTER COLUMN "authorId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "SubmissionMessage" ALTER COLUMN "authorId" DROP NOT NULL;

-- AddForeignKey
ALTER TABLE "JournalReply" ADD CONSTRAINT "JournalReply_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionMessage" ADD CONSTRAINT "SubmissionMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionPlanComment" ADD CONSTRAINT "ActionPlanComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

