import type { Prisma, PrismaClient } from "../client";
import { currentTime } from "../clock";
import { typedColumn } from "../codec/typed-json";
import { ECONOMY_TASKS, type EconomyTask, type TaskDeps } from "./tasks";

/** A short summary of what a task changed, in the typed encoding (long lists counted). */
function summarise(result: unknown): Prisma.InputJsonValue {
  const summary = Array.isArray(result) ? { count: result.length, items: result.slice(0, 20) } : (result ?? {});
  return typedColumn(summary) as Prisma.InputJsonValue;
}

/**
 * Runs one task for one `now` and records the run (what, for which time, what
 * changed, or the error). A failure is recorded and rethrown, so the queue
 * retries it with backoff; nothing is swallowed. `startedAt` and `finishedAt` are read from the
 * marketplace clock, like `now`, so a run's times are on one clock (with the demo clock too).
 */
export async function runRecorded(
  deps: TaskDeps & { prisma: PrismaClient },
  task: EconomyTask,
  now: Date,
  meta: { attempt: number; workerId: string },
  body: (deps: TaskDeps, now: Date) => Promise<unknown> = ECONOMY_TASKS[task],
): Promise<unknown> {
  const run = await deps.prisma.jobRun.create({
    data: { task, now, attempt: meta.attempt, status: "RUNNING", workerId: meta.workerId, startedAt: await currentTime(deps.prisma) },
    select: { id: true },
  });
  try {
    const result = await body(deps, now);
    await closeRun(async () =>
      deps.prisma.jobRun.update({
        where: { id: run.id },
        data: { status: "SUCCEEDED", changes: summarise(result), finishedAt: await currentTime(deps.prisma) },
      }),
    );
    return result;
  } catch (error) {
    await closeRun(async () =>
      deps.prisma.jobRun.update({
        where: { id: run.id },
        data: { status: "FAILED", error: error instanceof Error ? `${error.name}: ${error.message}` : String(error), finishedAt: await currentTime(deps.prisma) },
      }),
    ).catch(() => undefined); // the task's own error is the one to report
    throw error;
  }
}

/**
 * Closing a run is tried again for about 20 s: a moment without the database (PgBouncer restarting,
 * a failover) while the task ran must not leave its run RUNNING for ever. The worker itself lives
 * on (its queue connection is direct), so no reaper would close it (`pnpm scale --chaos`).
 */
export async function closeRun(write: () => Promise<unknown>, delaysMs: readonly number[] = [500, 1000, 2000, 4000, 5000, 5000, 5000]): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await write();
      return;
    } catch (error) {
      if (attempt >= delaysMs.length) throw error;
      await new Promise((resolve) => setTimeout(resolve, delaysMs[attempt]));
    }
  }
}

/** Runs every task for `now`, in order (tests, the movable clock, and one-off catch-up). */
export async function runAllTasks(deps: TaskDeps & { prisma: PrismaClient }, now: Date, workerId = "inline"): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};
  for (const task of Object.keys(ECONOMY_TASKS) as EconomyTask[]) {
    results[task] = await runRecorded(deps, task, now, { attempt: 1, workerId });
  }
  return results;
}
