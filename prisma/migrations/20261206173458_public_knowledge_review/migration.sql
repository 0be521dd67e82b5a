-- CreateEnum
CREATE TYPE "KnowledgeReviewStatus" AS ENUM ('PENDING', 'APPROVED', 'RETURNED');

-- CreateEnum
CREATE TYPE "MunicipalitySize" AS ENUM ('SMALL', 'MEDIUM', 'LARGE', 'VERY_LARGE');

-- AlterTable
ALTER TABLE "KnowledgeArticle" ADD COLUMN     "reviewNote" TEXT,
ADD COLUMN     "reviewStatus" "KnowledgeReviewStatus" NOT NULL DEFAULT 'PENDING',
ADD COLUMN     "reviewedAt" TIMESTAMPTZ(3),
ADD COLUMN     "reviewedById" UUID;
-- Summaries published before review existed get the column default PENDING: they go to the coordinator's
-- queue and are public only once reviewed (their duos consented to "all users of the platform", and no one
-- has yet checked them for anything that makes people recognisable before the whole world can read them).

-- AlterTable
ALTER TABLE "Municipality" ADD COLUMN     "sizeClass" "MunicipalitySize";

-- CreateTable
CREATE TABLE "CohortSynthesis" (
    "id" UUID NOT NULL,
    "cohortId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "themes" TEXT[],
    "phases" TEXT[],
    "authorId" UUID,
    "reviewStatus" "KnowledgeReviewStatus" NOT NULL DEFAULT 'PENDING',
    "reviewNote" TEXT,
    "reviewedAt" TIMESTAMPTZ(3),
    "reviewedById" UUID,
    "publishedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CohortSynthesis_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CohortSynthesis_cohortId_key" ON "CohortSynthesis"("cohortId");

-- CreateIndex
CREATE INDEX "CohortSynthesis_reviewStatus_idx" ON "CohortSynthesis"("reviewStatus");

-- CreateIndex
CREATE INDEX "KnowledgeArticle_reviewStatus_idx" ON "KnowledgeArticle"("reviewStatus");

-- AddForeignKey
ALTER TABLE "KnowledgeArticle" ADD CONSTRAINT "KnowledgeArticle_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CohortSynthesis" ADD CONSTRAINT "CohortSynthesis_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CohortSynthesis" ADD CONSTRAINT "CohortSynthesis_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CohortSynthesis" ADD CONSTRAINT "CohortSynthesis_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

