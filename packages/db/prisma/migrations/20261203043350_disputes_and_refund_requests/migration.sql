-- CreateEnum
CREATE TYPE "DisputeStatus" AS ENUM ('OPEN', 'DECIDED', 'SETTLED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "DisputeOutcome" AS ENUM ('RELEASE', 'REFUND', 'SPLIT');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "MilestoneStatus" ADD VALUE 'REFUND_REQUESTED';
ALTER TYPE "MilestoneStatus" ADD VALUE 'DISPUTED';
ALTER TYPE "MilestoneStatus" ADD VALUE 'SPLIT';

-- AlterEnum
ALTER TYPE "HourlyWeekStatus" ADD VALUE 'SPLIT';

-- AlterTable
ALTER TABLE "Milestone" ADD COLUMN     "refundRequestDeadline" TIMESTAMPTZ(3),
ADD COLUMN     "refundRequestReason" TEXT,
ADD COLUMN     "refundRequestedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "PendingRefund" ADD COLUMN     "booked" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Dispute" (
    "id" UUID NOT NULL,
    "contractId" UUID NOT NULL,
    "milestoneId" UUID,
    "hourlyWeekId" UUID,
    "openedById" UUID NOT NULL,
    "openedAt" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "resumeStatus" TEXT NOT NULL,
    "status" "DisputeStatus" NOT NULL DEFAULT 'OPEN',
    "proposedReleaseMinor" BIGINT,
    "proposedById" UUID,
    "proposedAt" TIMESTAMPTZ(3),
    "outcome" "DisputeOutcome",
    "releasedMinor" BIGINT,
    "refundedMinor" BIGINT,
    "decisionReason" TEXT,
    "decidedById" UUID,
    "closedAt" TIMESTAMPTZ(3),
    "paymentId" UUID,

    CONSTRAINT "Dispute_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DisputeStatement" (
    "id" UUID NOT NULL,
    "disputeId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "links" TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DisputeStatement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Dispute_status_openedAt_idx" ON "Dispute"("status", "openedAt");

-- CreateIndex
CREATE INDEX "Dispute_contractId_idx" ON "Dispute"("contractId");

-- CreateIndex
CREATE INDEX "Dispute_milestoneId_idx" ON "Dispute"("milestoneId");

-- CreateIndex
CREATE INDEX "Dispute_hourlyWeekId_idx" ON "Dispute"("hourlyWeekId");

-- CreateIndex
CREATE INDEX "DisputeStatement_disputeId_createdAt_idx" ON "DisputeStatement"("disputeId", "createdAt");

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "Milestone"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_hourlyWeekId_fkey" FOREIGN KEY ("hourlyWeekId") REFERENCES "HourlyWeek"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisputeStatement" ADD CONSTRAINT "DisputeStatement_disputeId_fkey" FOREIGN KEY ("disputeId") REFERENCES "Dispute"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisputeStatement" ADD CONSTRAINT "DisputeStatement_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A dispute is over exactly one milestone or one hourly week, of its contract.
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_one_target_check" CHECK (("milestoneId" IS NULL) <> ("hourlyWeekId" IS NULL));
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_amount_positive_check" CHECK ("amountMinor" > 0);
-- A closed dispute says how it closed; a decided or settled one divides exactly the escrow it froze.
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_closed_check" CHECK (
  ("status" = 'OPEN') = ("closedAt" IS NULL)
  AND (("status" IN ('DECIDED', 'SETTLED')) = ("outcome" IS NOT NULL))
  AND ("outcome" IS NULL OR ("releasedMinor" >= 0 AND "refundedMinor" >= 0 AND "releasedMinor" + "refundedMinor" = "amountMinor"))
);
ALTER TABLE "DisputeStatement" ADD CONSTRAINT "DisputeStatement_text_check" CHECK (length("text") BETWEEN 1 AND 5000 AND cardinality("links") <= 5);

-- At most one open dispute per milestone and per week.
CREATE UNIQUE INDEX "manual_dispute_open_milestone" ON "Dispute" ("milestoneId") WHERE "status" = 'OPEN' AND "milestoneId" IS NOT NULL;
CREATE UNIQUE INDEX "manual_dispute_open_week" ON "Dispute" ("hourlyWeekId") WHERE "status" = 'OPEN' AND "hourlyWeekId" IS NOT NULL;

-- Hourly weeks disputed before disputes had a record of their own get one, opened by the client
-- when the week was disputed, with the reason the client gave.
INSERT INTO "Dispute" ("id", "contractId", "hourlyWeekId", "openedById", "openedAt", "reason", "amountMinor", "resumeStatus", "status")
SELECT gen_random_uuid(), w."contractId", w."id", c."clientId", coalesce(w."disputedAt", w."invoicedAt", now()),
       coalesce(nullif(w."disputeReason", ''), 'Disputed before disputes were recorded.'), w."amountMinor", 'INVOICED', 'OPEN'
  FROM "HourlyWeek" w JOIN "Contract" c ON c."id" = w."contractId"
 WHERE w."status" = 'DISPUTED' AND w."amountMinor" > 0;
