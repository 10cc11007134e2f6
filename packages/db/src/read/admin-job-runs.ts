import type { Db, JobRunStatus } from "../client";
import { failedEconomyJobs, listJobRuns, type JobRunView } from "../runner/runs";
import { requireActor } from "../services/actor";

export interface JobRunsOverview {
  runs: JobRunView[];
  /** Jobs that used up their attempts (empty when the runner's queue was never installed). */
  failedJobs: { task: string; attempts: number; lastError: string | null; payload: unknown }[];
}

/** The job runner's recent runs and its failed jobs, for the admins' "Scheduled jobs" page. */
export async function getJobRunsOverview(db: Db, input: { actorId: string; status?: JobRunStatus | null; limit?: number }): Promise<JobRunsOverview> {
  await requireActor(db, input, "ADMIN", "see the job runs");
  const [queue] = await db.$queryRaw<{ installed: boolean }[]>`SELECT to_regclass('graphile_worker._private_jobs') IS NOT NULL AS installed`;
  const [runs, failedJobs] = await Promise.all([
    listJobRuns(db, { status: input.status ?? undefined, limit: input.limit ?? 100 }),
    queue?.installed ? failedEconomyJobs(db) : Promise.resolve([]),
  ]);
  return { runs, failedJobs };
}
