import type { Db } from "../client";
import { advanceClock, currentTime } from "../clock";
import { ECONOMY_QUEUE, MAX_ATTEMPTS } from "./worker-constants";
import { ECONOMY_TASK_NAMES } from "./tasks";

const DAY_MS = 86_400_000;

/**
 * Queues the economy for `now` through graphile-worker's own SQL function, so
 * the web server can hand work to the runner without loading the runner.
 */
export async function enqueueEconomySql(db: Db, now: Date): Promise<void> {
  for (const task of ECONOMY_TASK_NAMES) {
    await db.$executeRaw`SELECT graphile_worker.add_job(
      ${task}, json_build_object('now', ${now.toISOString()}::text), ${ECONOMY_QUEUE}, NULL, ${MAX_ATTEMPTS}::int,
      ${`${task}@${now.toISOString()}`}, NULL, NULL, 'unsafe_dedupe')`;
  }
}

/**
 * Demo/test clock control: moves the movable clock forward one day at a time
 * and queues the economy for each day, so every daily transition (clearing,
 * auto-approval, Wednesday withdrawals…) happens on its own day, in order.
 */
export async function advanceClockAndQueue(db: Db, days: number): Promise<Date> {
  if (!Number.isInteger(days) || days < 1 || days > 400) throw new Error("Move the clock by 1 to 400 whole days.");
  let now = await currentTime(db);
  for (let day = 0; day < days; day++) {
    now = await advanceClock(db, DAY_MS);
    await enqueueEconomySql(db, now);
  }
  return now;
}

/** Economy jobs still waiting or running (0 = the runner has caught up). */
export async function pendingEconomyJobs(db: Db): Promise<number> {
  const [row] = await db.$queryRaw<{ count: bigint }[]>`
    SELECT count(*) AS count FROM graphile_worker.jobs WHERE queue_name = ${ECONOMY_QUEUE} AND attempts < max_attempts`;
  return Number(row?.count ?? 0n);
}
