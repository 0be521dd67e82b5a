-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "waitlistedAt" TIMESTAMPTZ(3);

