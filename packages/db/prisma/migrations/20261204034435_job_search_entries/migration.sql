-- CreateTable
CREATE TABLE "JobSearchEntry" (
    "id" UUID NOT NULL,
    "document" tsvector,
    "publishedAt" TIMESTAMPTZ(3),
    "value" BIGINT,
    "type" "JobType" NOT NULL,
    "experienceLevel" "ExperienceLevel" NOT NULL,
    "durationDays" INTEGER NOT NULL,
    "connectCost" INTEGER,

    CONSTRAINT "JobSearchEntry_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "JobSearchEntry" ADD CONSTRAINT "JobSearchEntry_id_fkey" FOREIGN KEY ("id") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Find work at 1,000,000 jobs (BENCHMARKS.md, "Job search at 1,000,000 jobs"): searches read these
-- narrow rows (a job's search document, date, projected value and filter columns, about half a job
-- row) instead of the jobs' wide ones, so ranking a common word's matches reads far fewer pages.
-- A row exists exactly while its job is searchable (open, not paused), kept by this trigger in the
-- transaction that changes the job. The value is read/search-jobs.ts's projected value.
CREATE FUNCTION "manual_job_search_entry_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."status" = 'OPEN' AND NEW."pausedAt" IS NULL THEN
    INSERT INTO "JobSearchEntry" ("id", "document", "publishedAt", "value", "type", "experienceLevel", "durationDays", "connectCost")
    VALUES (NEW."id", NEW."searchDocument", NEW."publishedAt",
            CASE WHEN NEW."type" = 'FIXED' THEN NEW."budgetMinor" ELSE NEW."hourlyMaxMinor" * NEW."estimatedHours" END,
            NEW."type", NEW."experienceLevel", NEW."durationDays", NEW."connectCost")
    ON CONFLICT ("id") DO UPDATE SET
      "document" = EXCLUDED."document", "publishedAt" = EXCLUDED."publishedAt", "value" = EXCLUDED."value", "type" = EXCLUDED."type",
      "experienceLevel" = EXCLUDED."experienceLevel", "durationDays" = EXCLUDED."durationDays", "connectCost" = EXCLUDED."connectCost";
  ELSIF TG_OP = 'UPDATE' THEN
    DELETE FROM "JobSearchEntry" WHERE "id" = NEW."id";
  END IF;
  RETURN NULL;
END $$;
-- Only the columns a search reads (a proposal's count or activity date does not fire it).
CREATE TRIGGER "manual_job_search_entry_sync" AFTER INSERT OR UPDATE OF
    "status", "pausedAt", "title", "description", "publishedAt", "type", "budgetMinor", "hourlyMaxMinor", "estimatedHours",
    "durationDays", "experienceLevel", "connectCost"
  ON "Job" FOR EACH ROW EXECUTE FUNCTION "manual_job_search_entry_sync"();

INSERT INTO "JobSearchEntry" ("id", "document", "publishedAt", "value", "type", "experienceLevel", "durationDays", "connectCost")
SELECT "id", "searchDocument", "publishedAt", CASE WHEN "type" = 'FIXED' THEN "budgetMinor" ELSE "hourlyMaxMinor" * "estimatedHours" END,
       "type", "experienceLevel", "durationDays", "connectCost"
FROM "Job" WHERE "status" = 'OPEN' AND "pausedAt" IS NULL;

-- Words through the full-text index; browsing and words in date or budget order from an index in
-- that order holding every filter's column (as migration search_at_scale's, which these replace).
CREATE INDEX "manual_job_search_entry_document_idx" ON "JobSearchEntry" USING GIN ("document");
CREATE INDEX "manual_job_search_entry_newest_idx" ON "JobSearchEntry" ("publishedAt" DESC, "id")
  INCLUDE ("type", "experienceLevel", "value", "durationDays", "connectCost");
CREATE INDEX "manual_job_search_entry_value_asc_idx" ON "JobSearchEntry" ("value" ASC NULLS LAST, "publishedAt" DESC, "id")
  INCLUDE ("type", "experienceLevel", "durationDays", "connectCost");
CREATE INDEX "manual_job_search_entry_value_desc_idx" ON "JobSearchEntry" ("value" DESC NULLS LAST, "publishedAt" DESC, "id")
  INCLUDE ("type", "experienceLevel", "durationDays", "connectCost");
DROP INDEX "manual_job_search_newest_idx";
DROP INDEX "manual_job_search_value_asc_idx";
DROP INDEX "manual_job_search_value_desc_idx";
DROP INDEX "manual_job_search_document_idx";
