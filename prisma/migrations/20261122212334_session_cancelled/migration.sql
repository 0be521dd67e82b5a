-- AlterTable
ALTER TABLE "CohortSession" ADD COLUMN     "cancelledAt" TIMESTAMPTZ(3);

