-- CreateEnum
CREATE TYPE "JobRunStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "SimulatedClock" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "offsetMs" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SimulatedClock_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobRun" (
    "id" BIGSERIAL NOT NULL,
    "task" TEXT NOT NULL,
    "now" TIMESTAMPTZ(3) NOT NULL,
    "attempt" INTEGER NOT NULL,
    "status" "JobRunStatus" NOT NULL,
    "changes" JSONB,
    "error" TEXT,
    "workerId" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "JobRun_task_startedAt_idx" ON "JobRun"("task", "startedAt");

-- CreateIndex
CREATE INDEX "JobRun_status_startedAt_idx" ON "JobRun"("status", "startedAt");

-- One clock row at most, and it only moves forward.
ALTER TABLE "SimulatedClock" ADD CONSTRAINT "SimulatedClock_single_row_check" CHECK ("id" = 1 AND "offsetMs" >= 0);
