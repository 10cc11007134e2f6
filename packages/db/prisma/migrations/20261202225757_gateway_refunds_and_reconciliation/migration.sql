-- CreateEnum
CREATE TYPE "PendingRefundStatus" AS ENUM ('PENDING', 'REFUNDED', 'KEPT');

-- CreateEnum
CREATE TYPE "ReconciliationTrigger" AS ENUM ('SCHEDULED', 'ON_DEMAND');

-- CreateTable
CREATE TABLE "PendingRefund" (
    "id" UUID NOT NULL,
    "chargeRef" TEXT NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "PendingRefundStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "lastError" TEXT,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL,
    "refundRef" TEXT,
    "refundedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PendingRefund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReconciliationReport" (
    "id" BIGSERIAL NOT NULL,
    "trigger" "ReconciliationTrigger" NOT NULL,
    "day" DATE,
    "requestedById" UUID,
    "now" TIMESTAMPTZ(3) NOT NULL,
    "gatewayCharges" INTEGER NOT NULL,
    "gatewayRefunds" INTEGER NOT NULL,
    "gatewayPayouts" INTEGER NOT NULL,
    "matched" INTEGER NOT NULL,
    "refundedUnrecorded" INTEGER NOT NULL,
    "awaitingRefund" INTEGER NOT NULL,
    "inFlight" INTEGER NOT NULL,
    "orphanCount" INTEGER NOT NULL,
    "orphans" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReconciliationReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SandboxGatewayEntry" (
    "ref" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "chargeRef" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SandboxGatewayEntry_pkey" PRIMARY KEY ("ref")
);

-- CreateIndex
CREATE UNIQUE INDEX "PendingRefund_chargeRef_key" ON "PendingRefund"("chargeRef");

-- CreateIndex
CREATE UNIQUE INDEX "PendingRefund_idempotencyKey_key" ON "PendingRefund"("idempotencyKey");

-- CreateIndex
CREATE INDEX "PendingRefund_status_nextAttemptAt_idx" ON "PendingRefund"("status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReconciliationReport_day_key" ON "ReconciliationReport"("day");

-- CreateIndex
CREATE INDEX "ReconciliationReport_createdAt_idx" ON "ReconciliationReport"("createdAt");

-- CreateIndex
CREATE INDEX "SandboxGatewayEntry_createdAt_ref_idx" ON "SandboxGatewayEntry"("createdAt", "ref");

-- CreateIndex
CREATE INDEX "Charge_gatewayRef_idx" ON "Charge"("gatewayRef");

-- Added by hand: what Prisma cannot express.
ALTER TABLE "PendingRefund" ADD CONSTRAINT "PendingRefund_amount_positive_check" CHECK ("amountMinor" > 0);
ALTER TABLE "PendingRefund" ADD CONSTRAINT "PendingRefund_attempts_check" CHECK ("attempts" >= 1);
ALTER TABLE "PendingRefund" ADD CONSTRAINT "PendingRefund_refunded_check"
  CHECK (("status" = 'REFUNDED') = ("refundRef" IS NOT NULL AND "refundedAt" IS NOT NULL));
ALTER TABLE "SandboxGatewayEntry" ADD CONSTRAINT "SandboxGatewayEntry_kind_check" CHECK ("kind" IN ('CHARGE', 'REFUND', 'PAYOUT'));
