-- CreateEnum
CREATE TYPE "InvitationStatus" AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED');

-- CreateEnum
CREATE TYPE "Availability" AS ENUM ('FULL_TIME', 'PART_TIME', 'NOT_AVAILABLE');

-- CreateEnum
CREATE TYPE "FeedbackSide" AS ENUM ('CLIENT', 'FREELANCER');

-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN     "declineReason" TEXT,
ADD COLUMN     "respondedAt" TIMESTAMPTZ(3),
ADD COLUMN     "status" "InvitationStatus" NOT NULL DEFAULT 'PENDING';

-- AlterTable
ALTER TABLE "Contract" ADD COLUMN     "feedbackRevealedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "FreelancerProfile" (
    "userId" UUID NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "overview" TEXT NOT NULL DEFAULT '',
    "skills" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "hourlyRateMinor" BIGINT,
    "availability" "Availability" NOT NULL DEFAULT 'FULL_TIME',
    "location" TEXT NOT NULL DEFAULT '',
    "timeZone" TEXT NOT NULL DEFAULT '',
    "languages" JSONB NOT NULL DEFAULT '[]',
    "avatarKey" TEXT,
    "jobSuccessScore" INTEGER,
    "jobSuccessAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "searchDocument" tsvector,

    CONSTRAINT "FreelancerProfile_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "ClientProfile" (
    "userId" UUID NOT NULL,
    "companyName" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "location" TEXT NOT NULL DEFAULT '',
    "avatarKey" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ClientProfile_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "PortfolioItem" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "link" TEXT,
    "imageKey" TEXT,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PortfolioItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmploymentEntry" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "company" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "fromMonth" TEXT NOT NULL,
    "toMonth" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EmploymentEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EducationEntry" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "school" TEXT NOT NULL,
    "degree" TEXT NOT NULL,
    "fromYear" INTEGER NOT NULL,
    "toYear" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EducationEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Feedback" (
    "id" UUID NOT NULL,
    "contractId" UUID NOT NULL,
    "side" "FeedbackSide" NOT NULL,
    "authorId" UUID NOT NULL,
    "subjectId" UUID NOT NULL,
    "overall" INTEGER NOT NULL,
    "facets" JSONB NOT NULL,
    "comment" TEXT NOT NULL,
    "privateNote" TEXT,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "reply" TEXT,
    "repliedAt" TIMESTAMPTZ(3),
    "hiddenAt" TIMESTAMPTZ(3),
    "hiddenReason" TEXT,
    "hiddenById" UUID,

    CONSTRAINT "Feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobSuccessSnapshot" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "score" INTEGER,
    "good" INTEGER NOT NULL,
    "bad" INTEGER NOT NULL,
    "neutral" INTEGER NOT NULL,
    "longTermClients" INTEGER NOT NULL,
    "counted" INTEGER NOT NULL,
    "computedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "JobSuccessSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SavedJob" (
    "userId" UUID NOT NULL,
    "jobId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SavedJob_pkey" PRIMARY KEY ("userId","jobId")
);

-- CreateTable
CREATE TABLE "SavedFreelancer" (
    "clientId" UUID NOT NULL,
    "freelancerId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SavedFreelancer_pkey" PRIMARY KEY ("clientId","freelancerId")
);

-- CreateIndex
CREATE INDEX "FreelancerProfile_jobSuccessScore_idx" ON "FreelancerProfile"("jobSuccessScore");

-- CreateIndex
CREATE INDEX "FreelancerProfile_hourlyRateMinor_idx" ON "FreelancerProfile"("hourlyRateMinor");

-- CreateIndex
CREATE INDEX "PortfolioItem_userId_position_idx" ON "PortfolioItem"("userId", "position");

-- CreateIndex
CREATE INDEX "EmploymentEntry_userId_idx" ON "EmploymentEntry"("userId");

-- CreateIndex
CREATE INDEX "EducationEntry_userId_idx" ON "EducationEntry"("userId");

-- CreateIndex
CREATE INDEX "Feedback_subjectId_submittedAt_idx" ON "Feedback"("subjectId", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Feedback_contractId_side_key" ON "Feedback"("contractId", "side");

-- CreateIndex
CREATE INDEX "JobSuccessSnapshot_userId_computedAt_idx" ON "JobSuccessSnapshot"("userId", "computedAt");

-- CreateIndex
CREATE INDEX "Invitation_freelancerId_status_createdAt_idx" ON "Invitation"("freelancerId", "status", "createdAt");

-- AddForeignKey
ALTER TABLE "FreelancerProfile" ADD CONSTRAINT "FreelancerProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClientProfile" ADD CONSTRAINT "ClientProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortfolioItem" ADD CONSTRAINT "PortfolioItem_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmploymentEntry" ADD CONSTRAINT "EmploymentEntry_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EducationEntry" ADD CONSTRAINT "EducationEntry_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_hiddenById_fkey" FOREIGN KEY ("hiddenById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobSuccessSnapshot" ADD CONSTRAINT "JobSuccessSnapshot_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedJob" ADD CONSTRAINT "SavedJob_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedJob" ADD CONSTRAINT "SavedJob_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedFreelancer" ADD CONSTRAINT "SavedFreelancer_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedFreelancer" ADD CONSTRAINT "SavedFreelancer_freelancerId_fkey" FOREIGN KEY ("freelancerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------- by hand

-- Talent search's full-text document, stored and kept by PostgreSQL (as Job."searchDocument"):
-- title weighs most, then skills, then the overview. array_to_string is only STABLE, so an
-- IMMUTABLE wrapper lets the generated column use it (skills are plain text, no locale involved).
CREATE FUNCTION "manual_skills_text"(skills TEXT[]) RETURNS TEXT
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT coalesce(array_to_string(skills, ' '), '') $$;
ALTER TABLE "FreelancerProfile" DROP COLUMN "searchDocument";
ALTER TABLE "FreelancerProfile" ADD COLUMN "searchDocument" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', "title"), 'A') ||
  setweight(to_tsvector('english', "manual_skills_text"("skills")), 'B') ||
  setweight(to_tsvector('english', "overview"), 'C')
) STORED;
CREATE INDEX "manual_freelancer_profile_search_idx" ON "FreelancerProfile" USING GIN ("searchDocument");
CREATE INDEX "manual_freelancer_profile_skills_idx" ON "FreelancerProfile" USING GIN ("skills");

-- What the rules allow, enforced by the database too.
ALTER TABLE "Feedback" ADD CONSTRAINT "manual_feedback_overall_stars" CHECK ("overall" BETWEEN 1 AND 5);
ALTER TABLE "Feedback" ADD CONSTRAINT "manual_feedback_not_self" CHECK ("authorId" <> "subjectId");
ALTER TABLE "Feedback" ADD CONSTRAINT "manual_feedback_reply_dated" CHECK (("reply" IS NULL) = ("repliedAt" IS NULL));
ALTER TABLE "Feedback" ADD CONSTRAINT "manual_feedback_hidden_reason" CHECK (("hiddenAt" IS NULL) = ("hiddenReason" IS NULL));
ALTER TABLE "FreelancerProfile" ADD CONSTRAINT "manual_profile_figures" CHECK (
  ("hourlyRateMinor" IS NULL OR "hourlyRateMinor" > 0)
  AND ("jobSuccessScore" IS NULL OR "jobSuccessScore" BETWEEN 0 AND 100)
);
ALTER TABLE "JobSuccessSnapshot" ADD CONSTRAINT "manual_jss_bounded" CHECK ("score" IS NULL OR "score" BETWEEN 0 AND 100);
ALTER TABLE "PortfolioItem" ADD CONSTRAINT "manual_portfolio_position" CHECK ("position" >= 0);
ALTER TABLE "EmploymentEntry" ADD CONSTRAINT "manual_employment_months" CHECK (
  "fromMonth" ~ '^\d{4}-(0[1-9]|1[0-2])$' AND ("toMonth" IS NULL OR ("toMonth" ~ '^\d{4}-(0[1-9]|1[0-2])$' AND "toMonth" >= "fromMonth"))
);
ALTER TABLE "EducationEntry" ADD CONSTRAINT "manual_education_years" CHECK ("toYear" IS NULL OR "toYear" >= "fromYear");
ALTER TABLE "Invitation" ADD CONSTRAINT "manual_invitation_answer" CHECK (
  ("status" = 'PENDING') = ("respondedAt" IS NULL) AND ("declineReason" IS NULL OR "status" = 'DECLINED')
);

-- Everyone already here gets an empty profile of their role.
INSERT INTO "FreelancerProfile" ("userId", "updatedAt") SELECT "id", "createdAt" FROM "User" WHERE "role" = 'FREELANCER';
INSERT INTO "ClientProfile" ("userId", "updatedAt") SELECT "id", "createdAt" FROM "User" WHERE "role" = 'CLIENT';

-- An invitation the freelancer already answered with a proposal is accepted.
UPDATE "Invitation" i SET "status" = 'ACCEPTED', "respondedAt" = p."submittedAt"
  FROM "Proposal" p WHERE p."jobId" = i."jobId" AND p."freelancerId" = i."freelancerId";
