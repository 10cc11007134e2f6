-- CreateEnum
CREATE TYPE "PaymentMethodStatus" AS ENUM ('REQUIRES_VERIFICATION', 'VERIFIED', 'FAILED');

-- CreateEnum
CREATE TYPE "PayoutMethodKind" AS ENUM ('ACH', 'LOCAL_BANK', 'PAYPAL', 'INSTANT', 'WIRE');

-- CreateEnum
CREATE TYPE "ConnectSource" AS ENUM ('SIGNUP', 'RISING_TALENT', 'MEMBERSHIP', 'PURCHASE', 'ADMIN_GRANT', 'REFUND_REISSUE');

-- CreateEnum
CREATE TYPE "ConnectEntryKind" AS ENUM ('GRANT', 'PURCHASE', 'SPEND', 'REFUND', 'EXPIRE', 'REVOKE');

-- CreateEnum
CREATE TYPE "MembershipStatus" AS ENUM ('ACTIVE', 'LAPSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ProposalStatus" AS ENUM ('SUBMITTED', 'VIEWED', 'SHORTLISTED', 'INTERVIEWING', 'HIRED', 'DECLINED', 'WITHDRAWN', 'CLOSED');

-- CreateEnum
CREATE TYPE "ContractStatus" AS ENUM ('OFFERED', 'ACTIVE', 'ENDED', 'DECLINED');

-- CreateEnum
CREATE TYPE "MilestoneStatus" AS ENUM ('CREATED', 'FUNDED', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED', 'REFUNDED');

-- CreateEnum
CREATE TYPE "HourlyWeekStatus" AS ENUM ('OPEN', 'INVOICED', 'DISPUTED', 'RELEASED', 'REFUNDED');

-- CreateEnum
CREATE TYPE "PaymentKind" AS ENUM ('MILESTONE', 'HOURLY', 'BONUS');

-- CreateEnum
CREATE TYPE "WithdrawalStatus" AS ENUM ('PROCESSING', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "AutoWithdrawalSchedule" AS ENUM ('WEEKLY', 'TWICE_MONTHLY', 'MONTHLY', 'QUARTERLY');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "risingTalentAt" TIMESTAMPTZ(3),
ADD COLUMN     "suspendedAt" TIMESTAMPTZ(3),
ADD COLUMN     "suspendedReason" TEXT;

-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "auctionClosedAt" TIMESTAMPTZ(3),
ADD COLUMN     "auctionClosesAt" TIMESTAMPTZ(3),
ADD COLUMN     "endedAt" TIMESTAMPTZ(3),
ADD COLUMN     "endedReason" TEXT,
ADD COLUMN     "lastActivityAt" TIMESTAMPTZ(3),
ADD COLUMN     "proposalCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "settingsVersion" INTEGER;

-- CreateTable
CREATE TABLE "PaymentMethod" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "brand" TEXT NOT NULL,
    "last4" TEXT NOT NULL,
    "gatewayRef" TEXT NOT NULL,
    "status" "PaymentMethodStatus" NOT NULL DEFAULT 'REQUIRES_VERIFICATION',
    "verifiedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentMethod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PayoutMethod" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" "PayoutMethodKind" NOT NULL,
    "label" TEXT NOT NULL,
    "gatewayRef" TEXT NOT NULL,
    "usableFrom" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PayoutMethod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SettingVersion" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "effectiveFrom" TIMESTAMPTZ(3) NOT NULL,
    "createdById" UUID,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SettingVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "key" TEXT NOT NULL,
    "userId" UUID,
    "operation" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "result" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyRecord_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "LedgerAccount" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "userId" UUID,
    "balanceMinor" BIGINT NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerTransfer" (
    "id" BIGSERIAL NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "debitAccountId" UUID NOT NULL,
    "creditAccountId" UUID NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "memo" TEXT NOT NULL,
    "userId" UUID,
    "jobId" UUID,
    "contractId" UUID,
    "milestoneId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LedgerTransfer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Charge" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "paymentMethodId" UUID NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "purpose" TEXT NOT NULL,
    "gatewayRef" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Charge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConnectLot" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "source" "ConnectSource" NOT NULL,
    "issued" INTEGER NOT NULL,
    "remaining" INTEGER NOT NULL,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "purchaseId" UUID,
    "reissuedFrom" UUID,

    CONSTRAINT "ConnectLot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConnectEntry" (
    "id" BIGSERIAL NOT NULL,
    "userId" UUID NOT NULL,
    "lotId" UUID NOT NULL,
    "kind" "ConnectEntryKind" NOT NULL,
    "delta" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT,
    "proposalId" UUID,
    "jobId" UUID,
    "idempotencyKey" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ConnectEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConnectPurchase" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "connects" INTEGER NOT NULL,
    "connectPriceMinor" BIGINT NOT NULL,
    "priceMinor" BIGINT NOT NULL,
    "settingsVersion" INTEGER NOT NULL,
    "paidWith" TEXT NOT NULL,
    "paymentMethodId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ConnectPurchase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "status" "MembershipStatus" NOT NULL,
    "paymentMethodId" UUID,
    "anchorAt" TIMESTAMPTZ(3) NOT NULL,
    "currentPeriodStart" TIMESTAMPTZ(3) NOT NULL,
    "currentPeriodEnd" TIMESTAMPTZ(3) NOT NULL,
    "priceMinor" BIGINT NOT NULL,
    "monthlyConnects" INTEGER NOT NULL,
    "cyclesBilled" INTEGER NOT NULL DEFAULT 0,
    "lapsedAt" TIMESTAMPTZ(3),
    "lapseReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" UUID NOT NULL,
    "jobId" UUID NOT NULL,
    "freelancerId" UUID NOT NULL,
    "message" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Proposal" (
    "id" UUID NOT NULL,
    "jobId" UUID NOT NULL,
    "freelancerId" UUID NOT NULL,
    "coverLetter" TEXT NOT NULL,
    "bidMinor" BIGINT NOT NULL,
    "status" "ProposalStatus" NOT NULL DEFAULT 'SUBMITTED',
    "invited" BOOLEAN NOT NULL DEFAULT false,
    "connectCost" INTEGER NOT NULL,
    "boostConnects" INTEGER NOT NULL DEFAULT 0,
    "connectsRefunded" INTEGER NOT NULL DEFAULT 0,
    "boostRefunded" BOOLEAN NOT NULL DEFAULT false,
    "boostSettledAt" TIMESTAMPTZ(3),
    "viewedAt" TIMESTAMPTZ(3),
    "clientInteractedAt" TIMESTAMPTZ(3),
    "submittedAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),
    "endedReason" TEXT,

    CONSTRAINT "Proposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contract" (
    "id" UUID NOT NULL,
    "jobId" UUID,
    "proposalId" UUID,
    "clientId" UUID NOT NULL,
    "freelancerId" UUID NOT NULL,
    "type" "JobType" NOT NULL,
    "title" TEXT NOT NULL,
    "status" "ContractStatus" NOT NULL DEFAULT 'OFFERED',
    "hourlyRateMinor" BIGINT,
    "weeklyLimitHours" INTEGER,
    "feeSchedule" JSONB NOT NULL,
    "clientFeeBps" INTEGER NOT NULL,
    "settingsVersion" INTEGER NOT NULL,
    "offeredAt" TIMESTAMPTZ(3) NOT NULL,
    "startedAt" TIMESTAMPTZ(3),
    "endedAt" TIMESTAMPTZ(3),
    "endedReason" TEXT,

    CONSTRAINT "Contract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" UUID NOT NULL,
    "contractId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "status" "MilestoneStatus" NOT NULL DEFAULT 'CREATED',
    "clientFeeMinor" BIGINT NOT NULL DEFAULT 0,
    "fundedAt" TIMESTAMPTZ(3),
    "submittedAt" TIMESTAMPTZ(3),
    "submissionNote" TEXT,
    "reviewDeadline" TIMESTAMPTZ(3),
    "changesRequested" INTEGER NOT NULL DEFAULT 0,
    "approvedAt" TIMESTAMPTZ(3),
    "autoApproved" BOOLEAN NOT NULL DEFAULT false,
    "refundedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HourlyWeek" (
    "id" UUID NOT NULL,
    "contractId" UUID NOT NULL,
    "weekStart" TIMESTAMPTZ(3) NOT NULL,
    "status" "HourlyWeekStatus" NOT NULL DEFAULT 'OPEN',
    "minutes" INTEGER NOT NULL DEFAULT 0,
    "amountMinor" BIGINT NOT NULL DEFAULT 0,
    "clientFeeMinor" BIGINT NOT NULL DEFAULT 0,
    "invoicedAt" TIMESTAMPTZ(3),
    "disputeDeadline" TIMESTAMPTZ(3),
    "disputedAt" TIMESTAMPTZ(3),
    "disputeReason" TEXT,
    "releasedAt" TIMESTAMPTZ(3),

    CONSTRAINT "HourlyWeek_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TimeEntry" (
    "id" UUID NOT NULL,
    "weekId" UUID NOT NULL,
    "workedOn" TIMESTAMPTZ(3) NOT NULL,
    "minutes" INTEGER NOT NULL,
    "memo" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TimeEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" UUID NOT NULL,
    "contractId" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "freelancerId" UUID NOT NULL,
    "kind" "PaymentKind" NOT NULL,
    "milestoneId" UUID,
    "hourlyWeekId" UUID,
    "grossMinor" BIGINT NOT NULL,
    "feeMinor" BIGINT NOT NULL,
    "netMinor" BIGINT NOT NULL,
    "priorBilledMinor" BIGINT NOT NULL,
    "feeBands" JSONB NOT NULL,
    "releasedAt" TIMESTAMPTZ(3) NOT NULL,
    "availableAt" TIMESTAMPTZ(3) NOT NULL,
    "clearedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Billing" (
    "clientId" UUID NOT NULL,
    "freelancerId" UUID NOT NULL,
    "billedMinor" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "Billing_pkey" PRIMARY KEY ("clientId","freelancerId")
);

-- CreateTable
CREATE TABLE "Withdrawal" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "payoutMethodId" UUID NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "feeMinor" BIGINT NOT NULL,
    "netMinor" BIGINT NOT NULL,
    "automatic" BOOLEAN NOT NULL DEFAULT false,
    "status" "WithdrawalStatus" NOT NULL,
    "gatewayRef" TEXT,
    "failureReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Withdrawal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AutoWithdrawalSetting" (
    "userId" UUID NOT NULL,
    "schedule" "AutoWithdrawalSchedule" NOT NULL,
    "thresholdMinor" BIGINT NOT NULL,
    "payoutMethodId" UUID NOT NULL,
    "lastRunOn" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AutoWithdrawalSetting_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "Message" (
    "id" UUID NOT NULL,
    "proposalId" UUID,
    "contractId" UUID,
    "senderId" UUID NOT NULL,
    "recipientId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "flags" TEXT[],
    "reviewedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PaymentMethod_userId_idx" ON "PaymentMethod"("userId");

-- CreateIndex
CREATE INDEX "PayoutMethod_userId_idx" ON "PayoutMethod"("userId");

-- CreateIndex
CREATE INDEX "SettingVersion_key_effectiveFrom_idx" ON "SettingVersion"("key", "effectiveFrom");

-- CreateIndex
CREATE INDEX "AuditLog_targetType_targetId_idx" ON "AuditLog"("targetType", "targetId");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerAccount_key_key" ON "LedgerAccount"("key");

-- CreateIndex
CREATE INDEX "LedgerAccount_userId_idx" ON "LedgerAccount"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerTransfer_idempotencyKey_key" ON "LedgerTransfer"("idempotencyKey");

-- CreateIndex
CREATE INDEX "LedgerTransfer_debitAccountId_id_idx" ON "LedgerTransfer"("debitAccountId", "id");

-- CreateIndex
CREATE INDEX "LedgerTransfer_creditAccountId_id_idx" ON "LedgerTransfer"("creditAccountId", "id");

-- CreateIndex
CREATE INDEX "LedgerTransfer_operation_idx" ON "LedgerTransfer"("operation");

-- CreateIndex
CREATE INDEX "LedgerTransfer_contractId_idx" ON "LedgerTransfer"("contractId");

-- CreateIndex
CREATE INDEX "Charge_userId_idx" ON "Charge"("userId");

-- CreateIndex
CREATE INDEX "ConnectLot_userId_expiresAt_idx" ON "ConnectLot"("userId", "expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "ConnectEntry_idempotencyKey_key" ON "ConnectEntry"("idempotencyKey");

-- CreateIndex
CREATE INDEX "ConnectEntry_userId_createdAt_idx" ON "ConnectEntry"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "ConnectEntry_proposalId_idx" ON "ConnectEntry"("proposalId");

-- CreateIndex
CREATE INDEX "ConnectPurchase_userId_idx" ON "ConnectPurchase"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_key" ON "Membership"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_jobId_freelancerId_key" ON "Invitation"("jobId", "freelancerId");

-- CreateIndex
CREATE INDEX "Proposal_freelancerId_submittedAt_idx" ON "Proposal"("freelancerId", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Proposal_jobId_freelancerId_key" ON "Proposal"("jobId", "freelancerId");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_proposalId_key" ON "Contract"("proposalId");

-- CreateIndex
CREATE INDEX "Contract_clientId_idx" ON "Contract"("clientId");

-- CreateIndex
CREATE INDEX "Contract_freelancerId_idx" ON "Contract"("freelancerId");

-- CreateIndex
CREATE UNIQUE INDEX "Milestone_contractId_position_key" ON "Milestone"("contractId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "HourlyWeek_contractId_weekStart_key" ON "HourlyWeek"("contractId", "weekStart");

-- CreateIndex
CREATE INDEX "TimeEntry_weekId_idx" ON "TimeEntry"("weekId");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_milestoneId_key" ON "Payment"("milestoneId");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_hourlyWeekId_key" ON "Payment"("hourlyWeekId");

-- CreateIndex
CREATE INDEX "Payment_freelancerId_availableAt_idx" ON "Payment"("freelancerId", "availableAt");

-- CreateIndex
CREATE INDEX "Payment_clearedAt_availableAt_idx" ON "Payment"("clearedAt", "availableAt");

-- CreateIndex
CREATE INDEX "Withdrawal_userId_createdAt_idx" ON "Withdrawal"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Message_proposalId_createdAt_idx" ON "Message"("proposalId", "createdAt");

-- CreateIndex
CREATE INDEX "Message_contractId_createdAt_idx" ON "Message"("contractId", "createdAt");

-- AddForeignKey
ALTER TABLE "PaymentMethod" ADD CONSTRAINT "PaymentMethod_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PayoutMethod" ADD CONSTRAINT "PayoutMethod_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SettingVersion" ADD CONSTRAINT "SettingVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdempotencyRecord" ADD CONSTRAINT "IdempotencyRecord_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerAccount" ADD CONSTRAINT "LedgerAccount_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerTransfer" ADD CONSTRAINT "LedgerTransfer_debitAccountId_fkey" FOREIGN KEY ("debitAccountId") REFERENCES "LedgerAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerTransfer" ADD CONSTRAINT "LedgerTransfer_creditAccountId_fkey" FOREIGN KEY ("creditAccountId") REFERENCES "LedgerAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConnectLot" ADD CONSTRAINT "ConnectLot_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConnectEntry" ADD CONSTRAINT "ConnectEntry_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConnectEntry" ADD CONSTRAINT "ConnectEntry_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "ConnectLot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConnectPurchase" ADD CONSTRAINT "ConnectPurchase_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_freelancerId_fkey" FOREIGN KEY ("freelancerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_freelancerId_fkey" FOREIGN KEY ("freelancerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_freelancerId_fkey" FOREIGN KEY ("freelancerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HourlyWeek" ADD CONSTRAINT "HourlyWeek_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimeEntry" ADD CONSTRAINT "TimeEntry_weekId_fkey" FOREIGN KEY ("weekId") REFERENCES "HourlyWeek"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Withdrawal" ADD CONSTRAINT "Withdrawal_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Withdrawal" ADD CONSTRAINT "Withdrawal_payoutMethodId_fkey" FOREIGN KEY ("payoutMethodId") REFERENCES "PayoutMethod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AutoWithdrawalSetting" ADD CONSTRAINT "AutoWithdrawalSetting_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_senderId_fkey" FOREIGN KEY ("senderId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Invariants the database enforces itself (hand-written; ignored by the drift check).
ALTER TABLE "LedgerTransfer" ADD CONSTRAINT "LedgerTransfer_amount_positive_check" CHECK ("amountMinor" > 0);
ALTER TABLE "LedgerTransfer" ADD CONSTRAINT "LedgerTransfer_two_accounts_check" CHECK ("debitAccountId" <> "creditAccountId");
-- Only the two external gateway accounts may go below zero (RULES 7.3).
ALTER TABLE "LedgerAccount" ADD CONSTRAINT "LedgerAccount_non_negative_check"
  CHECK ("balanceMinor" >= 0 OR "kind" IN ('card_gateway', 'payout_gateway'));
ALTER TABLE "ConnectLot" ADD CONSTRAINT "ConnectLot_remaining_check" CHECK ("remaining" >= 0 AND "issued" > 0);
ALTER TABLE "ConnectEntry" ADD CONSTRAINT "ConnectEntry_delta_nonzero_check" CHECK ("delta" <> 0);
ALTER TABLE "ConnectPurchase" ADD CONSTRAINT "ConnectPurchase_positive_check" CHECK ("connects" > 0 AND "priceMinor" >= 0);
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_connects_check"
  CHECK ("connectCost" >= 0 AND "boostConnects" >= 0 AND "connectsRefunded" >= 0
         AND "connectsRefunded" <= "connectCost" + "boostConnects" AND "bidMinor" > 0);
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_amount_check" CHECK ("amountMinor" > 0 AND "clientFeeMinor" >= 0);
ALTER TABLE "HourlyWeek" ADD CONSTRAINT "HourlyWeek_amounts_check" CHECK ("minutes" >= 0 AND "amountMinor" >= 0 AND "clientFeeMinor" >= 0);
ALTER TABLE "TimeEntry" ADD CONSTRAINT "TimeEntry_minutes_check" CHECK ("minutes" > 0 AND "minutes" <= 1440);
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_amounts_check"
  CHECK ("grossMinor" > 0 AND "feeMinor" >= 0 AND "netMinor" >= 0 AND "feeMinor" + "netMinor" = "grossMinor");
ALTER TABLE "Billing" ADD CONSTRAINT "Billing_non_negative_check" CHECK ("billedMinor" >= 0);
ALTER TABLE "Withdrawal" ADD CONSTRAINT "Withdrawal_amounts_check"
  CHECK ("amountMinor" > 0 AND "feeMinor" >= 0 AND "netMinor" > 0 AND "feeMinor" + "netMinor" = "amountMinor");
ALTER TABLE "Charge" ADD CONSTRAINT "Charge_amount_positive_check" CHECK ("amountMinor" > 0);
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_parties_check" CHECK ("clientId" <> "freelancerId");

-- Ledger rows are append-only: no UPDATE or DELETE, ever (RULES 0.2).
CREATE FUNCTION "manual_forbid_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are append-only: % is not allowed', TG_TABLE_NAME, TG_OP;
END $$;
CREATE TRIGGER "manual_ledger_transfer_append_only" BEFORE UPDATE OR DELETE ON "LedgerTransfer"
  FOR EACH ROW EXECUTE FUNCTION "manual_forbid_change"();
CREATE TRIGGER "manual_connect_entry_append_only" BEFORE UPDATE OR DELETE ON "ConnectEntry"
  FOR EACH ROW EXECUTE FUNCTION "manual_forbid_change"();
CREATE TRIGGER "manual_audit_log_append_only" BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "manual_forbid_change"();
CREATE TRIGGER "manual_setting_version_append_only" BEFORE UPDATE OR DELETE ON "SettingVersion"
  FOR EACH ROW EXECUTE FUNCTION "manual_forbid_change"();
