import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMigrations, type Runner } from "graphile-worker";
import { freshDatabase, type TestDatabase } from "../testing";
import { enqueueEconomySql, pendingEconomyJobs } from "./enqueue";
import { ECONOMY_QUEUE } from "./worker-constants";
import { startRunner } from "./worker";
import { WorkerLiveness } from "./worker-liveness";

// A runner killed with SIGKILL (or crashed) in the middle of a job leaves that job, and with it
// the whole economy queue, locked by a worker that no longer exists. graphile-worker itself only
// frees such locks after four hours; these tests stand in for the kill by locking rows as a dead
// worker would have left them.

let db: TestDatabase;
const runners: Runner[] = [];
const trackers: WorkerLiveness[] = [];
beforeAll(async () => {
  db = await freshDatabase({ max: 6 });
  await runMigrations({ connectionString: db.url });
});
afterAll(async () => {
  await Promise.all(runners.map((runner) => runner.stop()));
  await Promise.all(trackers.map((tracker) => tracker.close()));
  await db.drop();
});

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Leaves the first economy job, and the queue, as a worker killed while running it would: locked a minute ago. */
async function lockAsDeadWorker(workerId: string): Promise<bigint> {
  const [job] = await db.prisma.$queryRaw<{ id: bigint }[]>`
    UPDATE graphile_worker._private_jobs SET locked_by = ${workerId}, locked_at = now() - interval '1 minute', attempts = attempts + 1
    WHERE id = (SELECT min(id) FROM graphile_worker._private_jobs) RETURNING id`;
  await db.prisma.$executeRaw`
    UPDATE graphile_worker._private_job_queues SET locked_by = ${workerId}, locked_at = now() - interval '1 minute' WHERE queue_name = ${ECONOMY_QUEUE}`;
  return job!.id;
}

const lockedBy = async (jobId: bigint) =>
  (await db.prisma.$queryRaw<{ locked_by: string | null }[]>`SELECT locked_by FROM graphile_worker._private_jobs WHERE id = ${jobId}`)[0]?.locked_by ?? null;

describe("jobs held by a worker that died", () => {
  it("are freed and run, and the run the dead worker started is closed as failed", async () => {
    const now = new Date("2026-06-01T00:00:00Z");
    await enqueueEconomySql(db.prisma, now);
    const jobId = await lockAsDeadWorker("worker-killed-mid-job");
    await db.prisma.jobRun.create({ data: { task: "close_boost_auctions", now, attempt: 1, status: "RUNNING", workerId: "worker-killed-mid-job", startedAt: new Date() } });

    runners.push(await startRunner({ connectionString: db.url, prisma: db.prisma, cron: false, pollInterval: 100, reapIntervalMs: 200, log: () => undefined }));
    await until(async () => (await pendingEconomyJobs(db.prisma)) === 0, "the economy queue has drained");

    expect(await db.prisma.$queryRaw`SELECT id FROM graphile_worker._private_jobs WHERE id = ${jobId}`).toEqual([]);
    const abandoned = await db.prisma.jobRun.findFirstOrThrow({ where: { workerId: "worker-killed-mid-job" } });
    expect(abandoned.status).toBe("FAILED");
    expect(abandoned.error).toMatch(/runner stopped while this ran/);
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));
  });

  it("are left alone while their worker is alive, and freed once it stops", async () => {
    await enqueueEconomySql(db.prisma, new Date("2026-06-02T00:00:00Z"));
    const busy = new WorkerLiveness(db.url, () => undefined);
    const other = new WorkerLiveness(db.url, () => undefined);
    trackers.push(busy, other);
    await busy.hold("worker-busy-elsewhere");
    const jobId = await lockAsDeadWorker("worker-busy-elsewhere");

    expect(await other.reapDeadWorkers()).toEqual({ deadWorkers: [], unlockedJobs: 0 });
    expect(await lockedBy(jobId)).toBe("worker-busy-elsewhere");

    await busy.drop("worker-busy-elsewhere");
    expect(await other.reapDeadWorkers()).toEqual({ deadWorkers: ["worker-busy-elsewhere"], unlockedJobs: 1 });
    expect(await lockedBy(jobId)).toBeNull();
  });

  it("when a tracker's connection drops, it takes its workers' locks again before anyone can reap them", async () => {
    await enqueueEconomySql(db.prisma, new Date("2026-06-03T00:00:00Z"));
    const busy = new WorkerLiveness(db.url, () => undefined);
    const other = new WorkerLiveness(db.url, () => undefined);
    trackers.push(busy, other);
    await busy.hold("worker-survives-a-restart");
    const jobId = await lockAsDeadWorker("worker-survives-a-restart");
    // What a PostgreSQL restart does to the tracker's session: it ends, and its locks with it.
    await db.prisma.$executeRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'fairlance-runner-liveness' AND pid <> pg_backend_pid()`;
    await until(async () => (await busy.reapDeadWorkers().then(() => true, () => false)), "the tracker has reconnected");

    expect((await other.reapDeadWorkers()).deadWorkers).not.toContain("worker-survives-a-restart");
    expect(await lockedBy(jobId)).toBe("worker-survives-a-restart");
  });
});
