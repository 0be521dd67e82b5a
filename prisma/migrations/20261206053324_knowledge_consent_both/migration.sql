-- CreateTable
CREATE TABLE "KnowledgeProposal" (
    "enrollmentId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "themes" TEXT[],
    "sections" JSONB NOT NULL,
    "municipality" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "KnowledgeProposal_pkey" PRIMARY KEY ("enrollmentId")
);

-- CreateTable
CREATE TABLE "KnowledgeProposalConsent" (
    "enrollmentId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KnowledgeProposalConsent_pkey" PRIMARY KEY ("enrollmentId","userId")
);

-- CreateIndex
CREATE INDEX "KnowledgeProposalConsent_userId_idx" ON "KnowledgeProposalConsent"("userId");

-- AddForeignKey
ALTER TABLE "KnowledgeProposal" ADD CONSTRAINT "KnowledgeProposal_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KnowledgeProposalConsent" ADD CONSTRAINT "KnowledgeProposalConsent_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "KnowledgeProposal"("enrollmentId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KnowledgeProposalConsent" ADD CONSTRAINT "KnowledgeProposalConsent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

