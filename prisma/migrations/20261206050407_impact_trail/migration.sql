-- CreateEnum
CREATE TYPE "TrailPhase" AS ENUM ('GATHER', 'TRANSLATE', 'CHANGE', 'FEEDBACK');

-- CreateEnum
CREATE TYPE "TrailAccessKind" AS ENUM ('COLLEAGUE', 'FACILITATOR');

-- CreateTable
CREATE TABLE "PolicyTopic" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PolicyTopic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PolicyTopicStep" (
    "id" UUID NOT NULL,
    "topicId" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "phase" "TrailPhase" NOT NULL,
    "title" TEXT NOT NULL,
    "happenedOn" DATE NOT NULL,
    "content" JSONB NOT NULL DEFAULT '{}',
    "linkTarget" TEXT,
    "linkUrl" TEXT,
    "linkLabel" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PolicyTopicStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PolicyTopicComment" (
    "id" UUID NOT NULL,
    "topicId" UUID NOT NULL,
    "stepId" UUID,
    "authorId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PolicyTopicComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImpactTrailAccess" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" "TrailAccessKind" NOT NULL,
    "grantedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImpactTrailAccess_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PolicyTopic_municipalityId_idx" ON "PolicyTopic"("municipalityId");

-- CreateIndex
CREATE INDEX "PolicyTopicStep_topicId_round_idx" ON "PolicyTopicStep"("topicId", "round");

-- CreateIndex
CREATE INDEX "PolicyTopicComment_topicId_createdAt_idx" ON "PolicyTopicComment"("topicId", "createdAt");

-- CreateIndex
CREATE INDEX "ImpactTrailAccess_userId_idx" ON "ImpactTrailAccess"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ImpactTrailAccess_municipalityId_userId_key" ON "ImpactTrailAccess"("municipalityId", "userId");

-- AddForeignKey
ALTER TABLE "PolicyTopic" ADD CONSTRAINT "PolicyTopic_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyTopic" ADD CONSTRAINT "PolicyTopic_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyTopicStep" ADD CONSTRAINT "PolicyTopicStep_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "PolicyTopic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyTopicStep" ADD CONSTRAINT "PolicyTopicStep_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyTopicComment" ADD CONSTRAINT "PolicyTopicComment_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "PolicyTopic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyTopicComment" ADD CONSTRAINT "PolicyTopicComment_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "PolicyTopicStep"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyTopicComment" ADD CONSTRAINT "PolicyTopicComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImpactTrailAccess" ADD CONSTRAINT "ImpactTrailAccess_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImpactTrailAccess" ADD CONSTRAINT "ImpactTrailAccess_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImpactTrailAccess" ADD CONSTRAINT "ImpactTrailAccess_grantedById_fkey" FOREIGN KEY ("grantedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

