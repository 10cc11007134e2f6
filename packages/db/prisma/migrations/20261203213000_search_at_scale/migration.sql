-- Find work at 1,000,000 jobs (BENCHMARKS.md, "Job search at 1,000,000 jobs"). Browsing and
-- searching in date or budget order take the page's ids from one of these partial indexes, in
-- order, and count the matches from it too: every filter's column is in the index (INCLUDE), so
-- neither needs the table's wide rows (title, description, search document) until the ten cards
-- of the page. The budget expression is read/search-jobs.ts's projected value, character for
-- character; "id" ends each key as it ends the query's order.
CREATE INDEX "manual_job_search_newest_idx" ON "Job" ("publishedAt" DESC, "id")
  INCLUDE ("type", "experienceLevel", "budgetMinor", "hourlyMaxMinor", "estimatedHours", "durationDays", "connectCost")
  WHERE "status" = 'OPEN' AND "pausedAt" IS NULL;
CREATE INDEX "manual_job_search_value_asc_idx" ON "Job"
  ((CASE WHEN "type" = 'FIXED' THEN "budgetMinor" ELSE "hourlyMaxMinor" * "estimatedHours" END) ASC NULLS LAST, "publishedAt" DESC, "id")
  INCLUDE ("type", "experienceLevel", "budgetMinor", "hourlyMaxMinor", "estimatedHours", "durationDays", "connectCost")
  WHERE "status" = 'OPEN' AND "pausedAt" IS NULL;
CREATE INDEX "manual_job_search_value_desc_idx" ON "Job"
  ((CASE WHEN "type" = 'FIXED' THEN "budgetMinor" ELSE "hourlyMaxMinor" * "estimatedHours" END) DESC NULLS LAST, "publishedAt" DESC, "id")
  INCLUDE ("type", "experienceLevel", "budgetMinor", "hourlyMaxMinor", "estimatedHours", "durationDays", "connectCost")
  WHERE "status" = 'OPEN' AND "pausedAt" IS NULL;

-- The budget indexes these replace (they held every open job, paused ones too, and no filter column).
DROP INDEX "manual_job_open_value_asc_idx";
DROP INDEX "manual_job_open_value_desc_idx";
