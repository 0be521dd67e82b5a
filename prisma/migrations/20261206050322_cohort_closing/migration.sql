-- AlterTable
ALTER TABLE "Cohort" ADD COLUMN     "archivedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "CohortClosing" (
    "cohortId" UUID NOT NULL,
    "selfScansCheckedAt" TIMESTAMPTZ(3),
    "summaryInvitedAt" TIMESTAMPTZ(3),
    "requiredSessions" INTEGER,
    "certificatesIssuedAt" TIMESTAMPTZ(3),
    "retentionStartedAt" TIMESTAMPTZ(3),
    "retentionEndsAt" TIMESTAMPTZ(3),
    "retentionNoticeSentAt" TIMESTAMPTZ(3),
    "retentionAppliedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CohortClosing_pkey" PRIMARY KEY ("cohortId")
);

-- CreateIndex
CREATE INDEX "CohortClosing_retentionEndsAt_idx" ON "CohortClosing"("retentionEndsAt");

-- AddForeignKey
ALTER TABLE "CohortClosing" ADD CONSTRAINT "CohortClosing_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

