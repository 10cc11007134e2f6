import pg from "pg";
import { movableClockEnabled } from "../clock";

/** Namespace of the advisory locks that mark live workers (the first key of the two-key form). */
const LIVENESS_LOCK_SPACE = 72707371;
/**
 * A job locked more recently than this is never reaped: a worker takes its liveness lock a moment
 * after it starts, and may have taken a job in that moment.
 */
export const REAP_GRACE_SECONDS = 5;

export interface ReapResult {
  /** Workers that held jobs or queues but are no longer running anywhere. */
  deadWorkers: string[];
  /** Jobs those workers held, now free to run again. */
  unlockedJobs: number;
}

/**
 * graphile-worker keeps a job, and the whole named queue it belongs to, locked for four hours
 * when the worker that took it dies without a graceful shutdown (SIGKILL, a crash, PostgreSQL
 * restarting under it): the economy would stand still for four hours. So each live worker holds
 * a session advisory lock named after its id, on one connection per runner process, and any
 * runner can tell a dead worker (nobody holds its lock) from a busy one, and free its jobs.
 *
 * If this process's own connection drops (PostgreSQL restarted), it reconnects and takes its
 * workers' locks again; until then another runner may free one of its jobs, which then runs
 * twice. Every economy task is idempotent for its `now`, so that costs work, not money.
 */
export class WorkerLiveness {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private readonly live = new Set<string>();
  private closed = false;

  constructor(
    private readonly connectionString: string,
    private readonly log: (line: string) => void,
  ) {}

  /** A worker of this process started: it is alive while this process holds its lock. */
  async hold(workerId: string): Promise<void> {
    // Connect first: a new connection takes the locks of the workers already listed, and
    // session locks stack, so listing this one before would lock it twice.
    const client = await this.connection().catch(() => null);
    this.live.add(workerId);
    await client?.query("SELECT pg_advisory_lock($1, hashtext($2))", [LIVENESS_LOCK_SPACE, workerId]).catch(() => undefined);
  }

  /** A worker of this process stopped (or died): its jobs may now be freed. */
  async drop(workerId: string): Promise<void> {
    if (!this.live.delete(workerId)) return;
    await this.client?.query("SELECT pg_advisory_unlock($1, hashtext($2))", [LIVENESS_LOCK_SPACE, workerId]).catch(() => undefined);
  }

  private connection(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: this.connectionString, application_name: "fairlance-runner-liveness" });
      // The server went away: forget this connection; the next call reconnects and re-locks.
      const forget = () => {
        if (this.client === client) this.client = null;
      };
      client.on("error", forget);
      client.on("end", forget);
      try {
        await client.connect();
        for (const workerId of this.live) await client.query("SELECT pg_advisory_lock($1, hashtext($2))", [LIVENESS_LOCK_SPACE, workerId]);
      } catch (error) {
        await client.end().catch(() => undefined);
        throw error;
      }
      if (this.closed) {
        await client.end().catch(() => undefined);
        throw new Error("The worker liveness tracker is closed.");
      }
      this.client = client;
      return client;
    })().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  /**
   * Frees the jobs and queues held by workers that no runner is running any more, and closes
   * their unfinished job runs (they are retried: graphile-worker counted the attempt).
   */
  async reapDeadWorkers(): Promise<ReapResult> {
    const client = await this.connection();
    const { rows } = await client.query<{ worker: string }>(
      `SELECT locked_by AS worker FROM graphile_worker._private_jobs WHERE locked_by IS NOT NULL AND locked_at < now() - make_interval(secs => $1)
       UNION
       SELECT locked_by FROM graphile_worker._private_job_queues WHERE locked_by IS NOT NULL AND locked_at < now() - make_interval(secs => $1)`,
      [REAP_GRACE_SECONDS],
    );
    const deadWorkers: string[] = [];
    for (const { worker } of rows) {
      if (this.live.has(worker)) continue;
      const { rows: probe } = await client.query<{ free: boolean }>("SELECT pg_try_advisory_lock($1, hashtext($2)) AS free", [LIVENESS_LOCK_SPACE, worker]);
      if (!probe[0]?.free) continue;
      await client.query("SELECT pg_advisory_unlock($1, hashtext($2))", [LIVENESS_LOCK_SPACE, worker]);
      deadWorkers.push(worker);
    }
    if (deadWorkers.length === 0) return { deadWorkers, unlockedJobs: 0 };
    const { rows: held } = await client.query<{ count: string }>("SELECT count(*) AS count FROM graphile_worker._private_jobs WHERE locked_by = ANY($1::text[])", [deadWorkers]);
    await client.query("SELECT graphile_worker.force_unlock_workers($1::text[])", [deadWorkers]);
    await client.query(
      // finishedAt on the marketplace clock, like startedAt (record-run.ts): the demo clock's offset added when it is on.
      `UPDATE "JobRun" SET status = 'FAILED',
         "finishedAt" = now() + CASE WHEN $2::boolean THEN COALESCE((SELECT "offsetMs" FROM "SimulatedClock" WHERE id = 1), 0) * interval '1 millisecond' ELSE interval '0' END,
         error = 'The runner stopped while this ran (killed or crashed); the job runs again.'
       WHERE status = 'RUNNING' AND "workerId" = ANY($1::text[])`,
      [deadWorkers, movableClockEnabled()],
    );
    const unlockedJobs = Number(held[0]?.count ?? 0);
    this.log(`[runner] freed ${unlockedJobs} job(s) held by ${deadWorkers.length} worker(s) that are no longer running: ${deadWorkers.join(", ")}`);
    return { deadWorkers, unlockedJobs };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.live.clear();
    const client = this.client ?? (await this.connecting?.catch(() => null)) ?? null;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
