-- AlterTable
ALTER TABLE "JobSearchEntry" ADD COLUMN     "publishedWeek" INTEGER;

-- Find work matches words a few weeks at a time, newest first (read/search-jobs.ts; BENCHMARKS.md,
-- "Job search at 1,000,000 jobs, fourth pass"): one full-text index over the document, the
-- filters with few values (type, experience level) and the week of publishing, so that the jobs
-- matching the words and those filters in the newest weeks come from the index alone, and only
-- they are read from the table. btree_gin lets a GIN index hold those plain columns; it ships with
-- PostgreSQL and is a trusted extension (a database's owner may create it).
CREATE EXTENSION IF NOT EXISTS btree_gin;

CREATE OR REPLACE FUNCTION "manual_job_search_entry_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."status" = 'OPEN' AND NEW."pausedAt" IS NULL THEN
    INSERT INTO "JobSearchEntry" ("id", "document", "publishedAt", "publishedWeek", "value", "type", "experienceLevel", "durationDays", "connectCost")
    VALUES (NEW."id", NEW."searchDocument", NEW."publishedAt", floor(extract(epoch FROM NEW."publishedAt") / 604800)::int,
            CASE WHEN NEW."type" = 'FIXED' THEN NEW."budgetMinor" ELSE NEW."hourlyMaxMinor" * NEW."estimatedHours" END,
            NEW."type", NEW."experienceLevel", NEW."durationDays", NEW."connectCost")
    ON CONFLICT ("id") DO UPDATE SET
      "document" = EXCLUDED."document", "publishedAt" = EXCLUDED."publishedAt", "publishedWeek" = EXCLUDED."publishedWeek", "value" = EXCLUDED."value",
      "type" = EXCLUDED."type", "experienceLevel" = EXCLUDED."experienceLevel", "durationDays" = EXCLUDED."durationDays", "connectCost" = EXCLUDED."connectCost";
  ELSIF TG_OP = 'UPDATE' THEN
    DELETE FROM "JobSearchEntry" WHERE "id" = NEW."id";
  END IF;
  RETURN NULL;
END $$;

UPDATE "JobSearchEntry" SET "publishedWeek" = floor(extract(epoch FROM "publishedAt") / 604800)::int;

-- Replaces the index over the document alone: a search by words alone reads the same entries of this one.
CREATE INDEX "manual_job_search_entry_match_idx" ON "JobSearchEntry" USING GIN ("document", "type", "experienceLevel", "publishedWeek");
DROP INDEX "manual_job_search_entry_document_idx";
