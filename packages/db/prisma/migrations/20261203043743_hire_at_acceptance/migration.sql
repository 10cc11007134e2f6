-- AlterEnum
ALTER TYPE "ProposalStatus" ADD VALUE 'OFFERED' BEFORE 'HIRED';

-- AlterEnum
ALTER TYPE "ContractStatus" ADD VALUE 'EXPIRED';

-- DropIndex
DROP INDEX "Contract_proposalId_key";

-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "statusBeforeOffer" "ProposalStatus";

-- AlterTable (by hand: offers made before this migration get the default 7 days, economy.md §3.1)
ALTER TABLE "Contract" ADD COLUMN     "offerExpiresAt" TIMESTAMPTZ(3);
UPDATE "Contract" SET "offerExpiresAt" = "offeredAt" + INTERVAL '7 days';
ALTER TABLE "Contract" ALTER COLUMN "offerExpiresAt" SET NOT NULL;

-- CreateIndex
CREATE INDEX "Contract_proposalId_idx" ON "Contract"("proposalId");

-- CreateIndex
CREATE INDEX "Contract_status_offerExpiresAt_idx" ON "Contract"("status", "offerExpiresAt");

-- Manual (economy.md §3.1): one offer waiting for an answer per job, and one contract per proposal
-- that is not a declined or expired offer. Written with the enum values that existed before this
-- migration: a value added by ALTER TYPE cannot be used in the same transaction.
CREATE UNIQUE INDEX "manual_contract_one_open_offer_per_job" ON "Contract"("jobId") WHERE "status" = 'OFFERED' AND "jobId" IS NOT NULL;
CREATE UNIQUE INDEX "manual_contract_one_per_proposal" ON "Contract"("proposalId") WHERE "status" IN ('OFFERED', 'ACTIVE', 'ENDED') AND "proposalId" IS NOT NULL;
