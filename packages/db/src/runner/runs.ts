import type { Db, JobRunStatus } from "../client";
import { decodeTyped, isTypedJson } from "../codec/typed-json";

export interface JobRunView {
  id: bigint;
  task: string;
  now: Date;
  attempt: number;
  status: JobRunStatus;
  /** What the run changed, with its bigints and dates; runs recorded before the typed encoding hold plain JSON (bigints as text). */
  changes: unknown;
  error: string | null;
  workerId: string;
  startedAt: Date;
  finishedAt: Date | null;
}

/** Recent runs of the time-driven jobs, newest first (admins see what ran and what failed). */
export async function listJobRuns(db: Db, input: { status?: JobRunStatus; task?: string; limit?: number } = {}): Promise<JobRunView[]> {
  const runs = await db.jobRun.findMany({
    where: { status: input.status, task: input.task },
    orderBy: { id: "desc" },
    take: Math.min(input.limit ?? 100, 500),
  });
  return runs.map((run) => ({ ...run, changes: isTypedJson(run.changes) ? decodeTyped(run.changes) : run.changes }));
}

/** Jobs that used up their attempts: reported, never silently dropped. */
export async function failedEconomyJobs(db: Db): Promise<{ task: string; attempts: number; lastError: string | null; payload: unknown }[]> {
  return db.$queryRaw`SELECT t.identifier AS task, j.attempts, j.last_error AS "lastError", j.payload
    FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE j.attempts >= j.max_attempts ORDER BY j.id DESC LIMIT 100`;
}
