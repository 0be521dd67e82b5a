-- CreateEnum
CREATE TYPE "IntervisionCaseStatus" AS ENUM ('PROPOSED', 'CHOSEN');

-- CreateEnum
CREATE TYPE "IntervisionNoteKind" AS ENUM ('QUESTION', 'INSIGHT');

-- AlterTable
ALTER TABLE "JournalEntry" ADD COLUMN     "intervisionMeetingId" UUID;

-- AlterTable
ALTER TABLE "JournalPrompt" ADD COLUMN     "intervisionGroupId" UUID;

-- CreateTable
CREATE TABLE "IntervisionGroup" (
    "id" UUID NOT NULL,
    "cohortId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "agreements" TEXT NOT NULL DEFAULT '',
    "agreementsVersion" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "IntervisionGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntervisionMember" (
    "groupId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "acceptedAgreementsVersion" INTEGER,
    "acceptedAgreementsAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IntervisionMember_pkey" PRIMARY KEY ("groupId","userId")
);

-- CreateTable
CREATE TABLE "IntervisionFacilitator" (
    "groupId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IntervisionFacilitator_pkey" PRIMARY KEY ("groupId","userId")
);

-- CreateTable
CREATE TABLE "IntervisionMeeting" (
    "id" UUID NOT NULL,
    "groupId" UUID NOT NULL,
    "sessionId" UUID,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "location" TEXT,
    "meetingUrl" TEXT,
    "methodSlug" TEXT,
    "currentStep" INTEGER,
    "stepStartedAt" TIMESTAMPTZ(3),
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "IntervisionMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntervisionAttendance" (
    "meetingId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "present" BOOLEAN NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "IntervisionAttendance_pkey" PRIMARY KEY ("meetingId","userId")
);

-- CreateTable
CREATE TABLE "IntervisionCase" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "situation" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "wish" TEXT NOT NULL DEFAULT '',
    "status" "IntervisionCaseStatus" NOT NULL DEFAULT 'PROPOSED',
    "takeaway" TEXT NOT NULL DEFAULT '',
    "takeawayAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "IntervisionCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntervisionNote" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "authorId" UUID,
    "step" INTEGER NOT NULL,
    "kind" "IntervisionNoteKind" NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IntervisionNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IntervisionGroup_cohortId_name_key" ON "IntervisionGroup"("cohortId", "name");

-- CreateIndex
CREATE INDEX "IntervisionMember_userId_idx" ON "IntervisionMember"("userId");

-- CreateIndex
CREATE INDEX "IntervisionFacilitator_userId_idx" ON "IntervisionFacilitator"("userId");

-- CreateIndex
CREATE INDEX "IntervisionMeeting_groupId_startsAt_idx" ON "IntervisionMeeting"("groupId", "startsAt");

-- CreateIndex
CREATE INDEX "IntervisionCase_meetingId_status_idx" ON "IntervisionCase"("meetingId", "status");

-- CreateIndex
CREATE INDEX "IntervisionNote_caseId_createdAt_idx" ON "IntervisionNote"("caseId", "createdAt");

-- AddForeignKey
ALTER TABLE "JournalEntry" ADD CONSTRAINT "JournalEntry_intervisionMeetingId_fkey" FOREIGN KEY ("intervisionMeetingId") REFERENCES "IntervisionMeeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JournalPrompt" ADD CONSTRAINT "JournalPrompt_intervisionGroupId_fkey" FOREIGN KEY ("intervisionGroupId") REFERENCES "IntervisionGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntervisionGroup" ADD CONSTRAINT "IntervisionGroup_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntervisionMember" ADD CONSTRAINT "IntervisionMember_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "IntervisionGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntervisionMember" ADD CONSTRAINT "IntervisionMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntervisionFacilitator" ADD CONSTRAINT "IntervisionFacilitator_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "IntervisionGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntervisionFacilitator" ADD CONSTRAINT "IntervisionFacilitator_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntervisionMeeting" ADD CONSTRAINT "IntervisionMeeting_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "IntervisionGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntervisionMeeting" ADD CONSTRAINT "IntervisionMeeting_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CohortSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntervisionAttendance" ADD CONSTRAINT "IntervisionAttendance_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "IntervisionMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntervisionAttendance" ADD CONSTRAINT "IntervisionAttendance_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntervisionCase" ADD CONSTRAINT "IntervisionCase_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "IntervisionMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntervisionCase" ADD CONSTRAINT "IntervisionCase_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntervisionNote" ADD CONSTRAINT "IntervisionNote_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "IntervisionCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntervisionNote" ADD CONSTRAINT "IntervisionNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

