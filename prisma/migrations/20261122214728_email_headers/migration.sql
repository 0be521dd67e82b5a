-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN     "headers" JSONB NOT NULL DEFAULT '{}';

