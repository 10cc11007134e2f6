-- CreateEnum
CREATE TYPE "ReportObject" AS ENUM ('JOB', 'PROPOSAL', 'MESSAGE', 'PROFILE');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('OPEN', 'RESOLVED');

-- CreateEnum
CREATE TYPE "ReportOutcome" AS ENUM ('DISMISSED', 'REMOVED', 'WARNED', 'SUSPENDED');

-- CreateTable
CREATE TABLE "Report" (
    "id" UUID NOT NULL,
    "reporterId" UUID NOT NULL,
    "objectKind" "ReportObject" NOT NULL,
    "objectId" UUID NOT NULL,
    "ownerId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "status" "ReportStatus" NOT NULL DEFAULT 'OPEN',
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "resolvedAt" TIMESTAMPTZ(3),
    "resolvedById" UUID,
    "outcome" "ReportOutcome",
    "outcomeReason" TEXT,

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Report_status_objectKind_objectId_idx" ON "Report"("status", "objectKind", "objectId");

-- CreateIndex
CREATE INDEX "Report_reporterId_createdAt_idx" ON "Report"("reporterId", "createdAt");

-- CreateIndex
CREATE INDEX "Report_ownerId_idx" ON "Report"("ownerId");

-- CreateIndex
CREATE UNIQUE INDEX "Report_reporterId_objectKind_objectId_key" ON "Report"("reporterId", "objectKind", "objectId");

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- What Prisma cannot express (economy.md §5.2).
ALTER TABLE "Report" ADD CONSTRAINT "manual_report_reason" CHECK ("reason" IN ('scam', 'off_platform', 'spam', 'harassment', 'misleading', 'other'));
ALTER TABLE "Report" ADD CONSTRAINT "manual_report_note_length" CHECK (char_length("note") <= 1000);
ALTER TABLE "Report" ADD CONSTRAINT "manual_report_other_has_note" CHECK ("reason" <> 'other' OR char_length(btrim("note")) > 0);
ALTER TABLE "Report" ADD CONSTRAINT "manual_report_not_own" CHECK ("reporterId" <> "ownerId");
ALTER TABLE "Report" ADD CONSTRAINT "manual_report_resolution" CHECK (
  ("status" = 'OPEN' AND "resolvedAt" IS NULL AND "resolvedById" IS NULL AND "outcome" IS NULL AND "outcomeReason" IS NULL)
  OR ("status" = 'RESOLVED' AND "resolvedAt" IS NOT NULL AND "resolvedById" IS NOT NULL AND "outcome" IS NOT NULL AND "outcomeReason" IS NOT NULL AND "resolvedAt" >= "createdAt")
);
-- The moderation queue: open reports grouped by object.
CREATE INDEX "manual_report_open_objects" ON "Report"("objectKind", "objectId", "createdAt") WHERE "status" = 'OPEN';
