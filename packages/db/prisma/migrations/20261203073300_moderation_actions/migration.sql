-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "removedAt" TIMESTAMPTZ(3),
ADD COLUMN     "removedById" UUID,
ADD COLUMN     "removedReason" TEXT;

-- CreateTable
CREATE TABLE "Warning" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "messageId" UUID,
    "reason" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Warning_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Warning_messageId_key" ON "Warning"("messageId");

-- CreateIndex
CREATE INDEX "Warning_userId_createdAt_idx" ON "Warning"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "Warning" ADD CONSTRAINT "Warning_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Warning" ADD CONSTRAINT "Warning_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A removed message says when, by whom and why; a message that is not removed says none of it.
ALTER TABLE "Message" ADD CONSTRAINT "Message_removal_check"
  CHECK (("removedAt" IS NULL) = ("removedReason" IS NULL) AND ("removedAt" IS NULL) = ("removedById" IS NULL));
