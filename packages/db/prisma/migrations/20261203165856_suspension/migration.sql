-- AlterTable
ALTER TABLE "User" ADD COLUMN     "payoutsHeldAt" TIMESTAMPTZ(3),
ADD COLUMN     "payoutsHeldReason" TEXT;

-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "pausedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "pausedAt" TIMESTAMPTZ(3);
