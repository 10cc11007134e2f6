-- Full-text search of open jobs (Find work). Prisma cannot express an expression index, so it is
-- hand-written and named manual_*; read/search-jobs.ts queries with exactly this expression.
CREATE INDEX "manual_job_search_idx" ON "Job" USING GIN (to_tsvector('english', "title" || ' ' || "description"));
