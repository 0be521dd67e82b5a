-- CreateEnum
CREATE TYPE "SelfScanMoment" AS ENUM ('INTAKE', 'MIDWAY', 'END');

-- CreateEnum
CREATE TYPE "SelfScanMode" AS ENUM ('DUO', 'INDIVIDUAL');

-- CreateTable
CREATE TABLE "SelfScanSetting" (
    "enrollmentId" UUID NOT NULL,
    "scanId" TEXT NOT NULL,
    "moment" "SelfScanMoment" NOT NULL,
    "mode" "SelfScanMode" NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SelfScanSetting_pkey" PRIMARY KEY ("enrollmentId","scanId","moment")
);

-- CreateTable
CREATE TABLE "SelfScanResponse" (
    "id" UUID NOT NULL,
    "enrollmentId" UUID NOT NULL,
    "scanId" TEXT NOT NULL,
    "moment" "SelfScanMoment" NOT NULL,
    "respondentKey" TEXT NOT NULL,
    "userId" UUID,
    "answers" JSONB NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 1,
    "completedAt" TIMESTAMPTZ(3),
    "updatedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SelfScanResponse_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SelfScanResponse_scanId_moment_idx" ON "SelfScanResponse"("scanId", "moment");

-- CreateIndex
CREATE UNIQUE INDEX "SelfScanResponse_enrollmentId_scanId_moment_respondentKey_key" ON "SelfScanResponse"("enrollmentId", "scanId", "moment", "respondentKey");

-- AddForeignKey
ALTER TABLE "SelfScanSetting" ADD CONSTRAINT "SelfScanSetting_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelfScanResponse" ADD CONSTRAINT "SelfScanResponse_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelfScanResponse" ADD CONSTRAINT "SelfScanResponse_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelfScanResponse" ADD CONSTRAINT "SelfScanResponse_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

