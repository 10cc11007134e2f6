-- Find work's full-text document, stored: ranking and phrase rechecks read it instead of parsing
-- every matching job's title and description again (schema.prisma declares it as Unsupported).
-- PostgreSQL keeps it current; an update that leaves title and description alone does not recompute it.
ALTER TABLE "Job" ADD COLUMN "searchDocument" tsvector
  GENERATED ALWAYS AS (to_tsvector('english', "title" || ' ' || "description")) STORED;

-- The document's index replaces the expression index it makes redundant.
DROP INDEX "manual_job_search_idx";
CREATE INDEX "manual_job_search_document_idx" ON "Job" USING GIN ("searchDocument");

-- Browsing open jobs by budget (either way) reads them in order from these instead of sorting
-- them all; the expression is read/search-jobs.ts's projected value, character for character.
CREATE INDEX "manual_job_open_value_asc_idx" ON "Job"
  ((CASE WHEN "type" = 'FIXED' THEN "budgetMinor" ELSE "hourlyMaxMinor" * "estimatedHours" END) ASC NULLS LAST, "publishedAt" DESC)
  WHERE "status" = 'OPEN';
CREATE INDEX "manual_job_open_value_desc_idx" ON "Job"
  ((CASE WHEN "type" = 'FIXED' THEN "budgetMinor" ELSE "hourlyMaxMinor" * "estimatedHours" END) DESC NULLS LAST, "publishedAt" DESC)
  WHERE "status" = 'OPEN';
