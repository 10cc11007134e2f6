import type { Prisma, PrismaClient } from "../client";
import { ECONOMY_TASKS, type EconomyTask, type TaskDeps } from "./tasks";

/** A short, JSON-safe summary of what a task changed (bigints as strings, long lists counted). */
function summarise(result: unknown): Prisma.InputJsonValue {
  const json = JSON.parse(JSON.stringify(result ?? null, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))) as unknown;
  if (Array.isArray(json)) return { count: json.length, items: json.slice(0, 20) } as Prisma.InputJsonValue;
  return (json ?? {}) as Prisma.InputJsonValue;
}

/**
 * Runs one task for one `now` and records the run (what, for which time, what
 * changed, or the error). A failure is recorded and rethrown, so the queue
 * retries it with backoff; nothing is swallowed.
 */
export async function runRecorded(
  deps: TaskDeps & { prisma: PrismaClient },
  task: EconomyTask,
  now: Date,
  meta: { attempt: number; workerId: string },
  body: (deps: TaskDeps, now: Date) => Promise<unknown> = ECONOMY_TASKS[task],
): Promise<unknown> {
  const run = await deps.prisma.jobRun.create({
    data: { task, now, attempt: meta.attempt, status: "RUNNING", workerId: meta.workerId, startedAt: new Date() },
    select: { id: true },
  });
  try {
    const result = await body(deps, now);
    await deps.prisma.jobRun.update({
      where: { id: run.id },
      data: { status: "SUCCEEDED", changes: summarise(result), finishedAt: new Date() },
    });
    return result;
  } catch (error) {
    await deps.prisma.jobRun.update({
      where: { id: run.id },
      data: { status: "FAILED", error: error instanceof Error ? `${error.name}: ${error.message}` : String(error), finishedAt: new Date() },
    });
    throw error;
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
