import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runner } from "graphile-worker";
import { assertLedgerHolds, earn, freshDatabase, makeUser, type TestDatabase } from "../testing";
import { balanceOf } from "../ledger/post-transfers";
import { enqueueEconomySql, pendingEconomyJobs } from "./enqueue";
import { failedEconomyJobs, listJobRuns } from "./runs";
import { ECONOMY_TASK_NAMES } from "./tasks";
import { MAX_ATTEMPTS, startRunner } from "./worker";

let db: TestDatabase;
const runners: Runner[] = [];
beforeAll(async () => {
  db = await freshDatabase({ max: 6 });
});
afterAll(async () => {
  await Promise.all(runners.map((runner) => runner.stop()));
  await db.drop();
});

async function runner(overrides?: Parameters<typeof startRunner>[0]["overrides"]) {
  const started = await startRunner({ connectionString: db.url, prisma: db.prisma, cron: false, pollInterval: 100, concurrency: 2, log: () => undefined, overrides });
  runners.push(started);
  return started;
}

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("the job runner", () => {
  it("two instances share the queue and each job's effect happens once", async () => {
    const client = await makeUser(db.prisma, "CLIENT");
    const freelancers = await Promise.all([1, 2, 3].map(() => makeUser(db.prisma, "FREELANCER")));
    const t0 = new Date("2026-05-04T10:00:00Z");
    for (const freelancer of freelancers) await earn(db.prisma, { clientId: client.id, freelancerId: freelancer.id, grossMinor: 10_000n, now: t0 });

    await Promise.all([runner(), runner()]);
    const times = [6, 7, 8].map((d) => new Date(t0.getTime() + d * 86_400_000));
    for (const now of times) await enqueueEconomySql(db.prisma, now);
    await until(async () => (await pendingEconomyJobs(db.prisma)) === 0, "the queue is empty");

    const runs = await listJobRuns(db.prisma, { limit: 500 });
    for (const task of ECONOMY_TASK_NAMES) {
      for (const now of times) {
        const succeeded = runs.filter((r) => r.task === task && r.now.getTime() === now.getTime() && r.status === "SUCCEEDED");
        expect(succeeded, `${task} at ${now.toISOString()}`).toHaveLength(1);
      }
    }
    expect(new Set(runs.map((r) => r.workerId)).size).toBeGreaterThanOrEqual(1);
    for (const freelancer of freelancers) {
      expect(await balanceOf(db.prisma, { kind: "freelancer_available", userId: freelancer.id })).toBe(8_000n);
    }
    // The same times queued again (as a second clock advance might): the jobs run, the money does not move twice.
    const transfers = await db.prisma.ledgerTransfer.count();
    for (const now of times) await enqueueEconomySql(db.prisma, now);
    await until(async () => (await pendingEconomyJobs(db.prisma)) === 0, "the queue is empty again");
    expect(await db.prisma.ledgerTransfer.count()).toBe(transfers);
    await assertLedgerHolds(db.prisma);
  });

  it("retries a failing job with backoff, then reports it; nothing is lost", async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
    let calls = 0;
    await runner({
      // Fails twice, then works.
      expire_jobs: async () => {
        calls += 1;
        if (calls <= 2) throw new Error(`database hiccup ${calls}`);
        return { ok: true };
      },
      // Never works.
      expire_connect_lots: async () => {
        throw new Error("lots table unreachable");
      },
    });
    const now = new Date("2026-06-01T00:00:00Z");
    await enqueueEconomySql(db.prisma, now);
    // Skip the exponential backoff waits: make every retry due at once.
    await until(async () => {
      await db.prisma.$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE locked_at IS NULL AND attempts > 0`;
      // graphile-worker counts an attempt when it takes the job, before the run is recorded: wait for the last run's record too.
      const recorded = await db.prisma.jobRun.count({ where: { task: "expire_connect_lots", now, status: "FAILED" } });
      return (await failedEconomyJobs(db.prisma)).length === 1 && (await pendingEconomyJobs(db.prisma)) === 0 && recorded === MAX_ATTEMPTS;
    }, "the failing job has used its attempts");

    const runs = await listJobRuns(db.prisma, { limit: 500 });
    const expireJobs = runs.filter((r) => r.task === "expire_jobs" && r.now.getTime() === now.getTime());
    expect(expireJobs.map((r) => r.status).sort()).toEqual(["FAILED", "FAILED", "SUCCEEDED"]);
    expect(expireJobs.find((r) => r.status === "FAILED")?.error).toMatch(/database hiccup/);
    const lots = runs.filter((r) => r.task === "expire_connect_lots" && r.now.getTime() === now.getTime());
    expect(lots).toHaveLength(MAX_ATTEMPTS);
    expect(lots.every((r) => r.status === "FAILED")).toBe(true);
    expect(await failedEconomyJobs(db.prisma)).toEqual([
      expect.objectContaining({ task: "expire_connect_lots", attempts: MAX_ATTEMPTS, lastError: expect.stringMatching(/lots table unreachable/) }),
    ]);
    await assertLedgerHolds(db.prisma);
  });
});
