-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "intakeLocation" TEXT NOT NULL DEFAULT '';

