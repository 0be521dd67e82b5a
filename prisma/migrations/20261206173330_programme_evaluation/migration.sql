-- AlterTable
ALTER TABLE "CohortClosing" ADD COLUMN     "evaluationCheckedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "EvaluationParticipation" (
    "id" UUID NOT NULL,
    "cohortId" UUID NOT NULL,
    "target" TEXT NOT NULL,
    "sessionId" UUID,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvaluationParticipation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationResponse" (
    "id" UUID NOT NULL,
    "cohortId" UUID NOT NULL,
    "target" TEXT NOT NULL,
    "sessionId" UUID,
    "formId" TEXT NOT NULL,
    "answers" JSONB NOT NULL,

    CONSTRAINT "EvaluationResponse_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EvaluationParticipation_userId_idx" ON "EvaluationParticipation"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationParticipation_cohortId_target_userId_key" ON "EvaluationParticipation"("cohortId", "target", "userId");

-- CreateIndex
CREATE INDEX "EvaluationResponse_cohortId_target_idx" ON "EvaluationResponse"("cohortId", "target");

-- AddForeignKey
ALTER TABLE "EvaluationParticipation" ADD CONSTRAINT "EvaluationParticipation_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationParticipation" ADD CONSTRAINT "EvaluationParticipation_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CohortSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationParticipation" ADD CONSTRAINT "EvaluationParticipation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationResponse" ADD CONSTRAINT "EvaluationResponse_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationResponse" ADD CONSTRAINT "EvaluationResponse_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CohortSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

