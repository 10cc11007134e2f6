-- Find work's filters that few jobs pass (at most 2 connects, a week or less) read their jobs from
-- these instead of walking the date or budget index past every job that fails them (at 1,000,000
-- jobs, 0.3 s to count the cheap-to-apply ones). PostgreSQL combines them with each other, with the
-- full-text index and with the budget index (value first) when a search's filters are selective.
CREATE INDEX "manual_job_search_entry_connects_idx" ON "JobSearchEntry" ("connectCost");
CREATE INDEX "manual_job_search_entry_duration_idx" ON "JobSearchEntry" ("durationDays");
