import { Logger, run, type AddJobFunction, type Runner, type TaskList } from "graphile-worker";
import type { PrismaClient } from "../client";
import { currentTime } from "../clock";
import type { PaymentGateway } from "../gateway/gateway";
import { runRecorded } from "./record-run";
import { ECONOMY_TASK_NAMES, type EconomyTask } from "./tasks";

/** All economy jobs share one named queue: they run one at a time, in the order queued. */
export const ECONOMY_QUEUE = "economy";
/** A job that keeps failing is retried with exponential backoff this many times, then kept as failed. */
export const MAX_ATTEMPTS = 8;

/** Queues one job per economy task for the marketplace time `now` (deduplicated by task and time). */
export async function enqueueEconomy(addJob: AddJobFunction, now: Date): Promise<void> {
  for (const task of ECONOMY_TASK_NAMES) {
    await addJob(task, { now: now.toISOString() }, { queueName: ECONOMY_QUEUE, jobKey: `${task}@${now.toISOString()}`, maxAttempts: MAX_ATTEMPTS });
  }
}

export function economyTaskList(deps: { prisma: PrismaClient; gateway?: PaymentGateway }): TaskList {
  const tasks: TaskList = {
    // Every minute (crontab below): queue the economy for the marketplace's current time.
    tick: async (_payload, helpers) => enqueueEconomy(helpers.addJob, await currentTime(deps.prisma)),
  };
  for (const task of ECONOMY_TASK_NAMES) {
    tasks[task] = async (payload, helpers) => {
      const now = new Date((payload as { now: string }).now);
      await runRecorded(deps, task as EconomyTask, now, { attempt: helpers.job.attempts, workerId: helpers.job.locked_by ?? "worker" });
    };
  }
  return tasks;
}

const quietLogger = (log: (line: string) => void) =>
  new Logger(() => (level, message) => {
    if (level === "error" || level === "warning") log(`[runner] ${level}: ${message}`);
  });

/**
 * The job runner: graphile-worker on the marketplace's own PostgreSQL. Any
 * number of instances may run against one database; each job is taken by one
 * of them (row locks), and the cron tick is scheduled once per minute overall.
 */
export async function startRunner(options: {
  connectionString: string;
  prisma: PrismaClient;
  gateway?: PaymentGateway;
  concurrency?: number;
  pollInterval?: number;
  cron?: boolean;
  log?: (line: string) => void;
}): Promise<Runner> {
  return run({
    connectionString: options.connectionString,
    concurrency: options.concurrency ?? 2,
    pollInterval: options.pollInterval ?? 1000,
    noHandleSignals: true,
    logger: quietLogger(options.log ?? console.log),
    taskList: economyTaskList({ prisma: options.prisma, gateway: options.gateway }),
    crontab: options.cron === false ? "" : "* * * * * tick ?fill=0&max=3\n",
  });
}
