-- CreateTable
CREATE TABLE "PlanShare" (
    "enrollmentId" UUID NOT NULL,
    "sectionId" TEXT NOT NULL DEFAULT '',
    "proposedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PlanShare_pkey" PRIMARY KEY ("enrollmentId")
);

-- CreateTable
CREATE TABLE "PlanShareConsent" (
    "enrollmentId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanShareConsent_pkey" PRIMARY KEY ("enrollmentId","userId")
);

-- CreateTable
CREATE TABLE "PlanReaction" (
    "id" UUID NOT NULL,
    "enrollmentId" UUID NOT NULL,
    "parentId" UUID,
    "authorId" UUID,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanReaction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionPost" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "parentId" UUID,
    "authorId" UUID,
    "body" TEXT NOT NULL,
    "deletedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SessionPost_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PlanShareConsent_userId_idx" ON "PlanShareConsent"("userId");

-- CreateIndex
CREATE INDEX "PlanReaction_enrollmentId_createdAt_idx" ON "PlanReaction"("enrollmentId", "createdAt");

-- CreateIndex
CREATE INDEX "SessionPost_sessionId_createdAt_idx" ON "SessionPost"("sessionId", "createdAt");

-- AddForeignKey
ALTER TABLE "PlanShare" ADD CONSTRAINT "PlanShare_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanShare" ADD CONSTRAINT "PlanShare_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanShareConsent" ADD CONSTRAINT "PlanShareConsent_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "PlanShare"("enrollmentId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanShareConsent" ADD CONSTRAINT "PlanShareConsent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanReaction" ADD CONSTRAINT "PlanReaction_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanReaction" ADD CONSTRAINT "PlanReaction_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "PlanReaction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanReaction" ADD CONSTRAINT "PlanReaction_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionPost" ADD CONSTRAINT "SessionPost_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CohortSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionPost" ADD CONSTRAINT "SessionPost_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "SessionPost"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionPost" ADD CONSTRAINT "SessionPost_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

