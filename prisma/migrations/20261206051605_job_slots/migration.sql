-- CreateTable
CREATE TABLE "JobSlot" (
    "name" TEXT NOT NULL,
    "slot" TIMESTAMPTZ(3) NOT NULL,
    "claimedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobSlot_pkey" PRIMARY KEY ("name","slot")
);

