import { EventEmitter } from "node:events";
import { Logger, run, runMigrations, type AddJobFunction, type Runner, type TaskList, type WorkerEvents } from "graphile-worker";
import pg from "pg";
import type { PrismaClient } from "../client";
import { currentTime } from "../clock";
import type { PaymentGateway } from "../gateway/gateway";
import type { EmailTransport } from "../email/transport";
import { runRecorded } from "./record-run";
import { ECONOMY_TASK_NAMES, type EconomyTask, type TaskOverrides } from "./tasks";
import { WorkerLiveness } from "./worker-liveness";

import { ECONOMY_QUEUE, MAX_ATTEMPTS } from "./worker-constants";

export { ECONOMY_QUEUE, MAX_ATTEMPTS };

/** Queues one job per economy task for the marketplace time `now` (deduplicated by task and time). */
export async function enqueueEconomy(addJob: AddJobFunction, now: Date): Promise<void> {
  for (const task of ECONOMY_TASK_NAMES) {
    await addJob(task, { now: now.toISOString() }, { queueName: ECONOMY_QUEUE, jobKey: `${task}@${now.toISOString()}`, jobKeyMode: "unsafe_dedupe", maxAttempts: MAX_ATTEMPTS });
  }
}

export function economyTaskList(deps: { prisma: PrismaClient; gateway?: PaymentGateway; emailTransport?: EmailTransport; overrides?: TaskOverrides }): TaskList {
  const tasks: TaskList = {
    // Every minute (crontab below): queue the economy for the marketplace's current time.
    tick: async (_payload, helpers) => enqueueEconomy(helpers.addJob, await currentTime(deps.prisma)),
  };
  for (const task of ECONOMY_TASK_NAMES) {
    tasks[task] = async (payload, helpers) => {
      const now = new Date((payload as { now: string }).now);
      await runRecorded(deps, task as EconomyTask, now, { attempt: helpers.job.attempts, workerId: helpers.job.locked_by ?? "worker" }, deps.overrides?.[task as EconomyTask]);
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
 * Jobs left locked by a worker that died (a runner killed, a crash) are freed
 * at start and every `reapIntervalMs` (see WorkerLiveness).
 */
export async function startRunner(options: {
  connectionString: string;
  prisma: PrismaClient;
  gateway?: PaymentGateway;
  /** Where send_emails sends (default: the configured transport, SMTP_URL or the local outbox). */
  emailTransport?: EmailTransport;
  concurrency?: number;
  pollInterval?: number;
  cron?: boolean;
  log?: (line: string) => void;
  /** Tests replace a task's body (e.g. one that fails) to watch retries. */
  overrides?: TaskOverrides;
  /** How often to look for jobs held by dead workers (default 10 s). */
  reapIntervalMs?: number;
  /**
   * A worker died while the runner runs (e.g. PostgreSQL restarted under it): graphile-worker
   * does not replace it, so the runner does less and less. The runner process exits on this,
   * and its supervisor starts a fresh one.
   */
  onWorkerLost?: (workerId: string, error: unknown) => void;
}): Promise<Runner> {
  const log = options.log ?? console.log;
  await installQueueSchema(options.connectionString, log);
  const liveness = new WorkerLiveness(options.connectionString, log);
  const events: WorkerEvents = new EventEmitter();
  let stopping = false;
  events.on("worker:create", ({ worker }) => void liveness.hold(worker.workerId));
  events.on("worker:stop", ({ worker, error }) => {
    void liveness.drop(worker.workerId);
    if (error !== undefined && !stopping) options.onWorkerLost?.(worker.workerId, error);
  });
  const reap = () => liveness.reapDeadWorkers().catch((error: unknown) => log(`[runner] warning: could not look for dead workers: ${error instanceof Error ? error.message : String(error)}`));
  await reap();
  const runner = await run({
    connectionString: options.connectionString,
    concurrency: options.concurrency ?? 2,
    pollInterval: options.pollInterval ?? 1000,
    noHandleSignals: true,
    logger: quietLogger(log),
    events,
    taskList: economyTaskList({ prisma: options.prisma, gateway: options.gateway, emailTransport: options.emailTransport, overrides: options.overrides }),
    crontab: options.cron === false ? "" : "* * * * * tick ?max=3\n",
  });
  const timer = setInterval(() => void reap(), options.reapIntervalMs ?? 10_000);
  timer.unref();
  const cleanUp = () => {
    stopping = true;
    clearInterval(timer);
    return liveness.close();
  };
  void runner.promise.then(cleanUp, cleanUp);
  const stop = runner.stop.bind(runner);
  runner.stop = async () => {
    stopping = true;
    try {
      await stop();
    } finally {
      await cleanUp();
    }
  };
  return runner;
}

// Several instances starting at once would race to create graphile-worker's
// schema; they queue on an advisory lock so exactly one installs it.
const QUEUE_SCHEMA_LOCK = 72707370;

async function installQueueSchema(connectionString: string, log: (line: string) => void) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [QUEUE_SCHEMA_LOCK]);
    await runMigrations({ connectionString, logger: quietLogger(log) });
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [QUEUE_SCHEMA_LOCK]).catch(() => undefined);
    await client.end();
  }
}
