// The job runner process: keeps the economy moving by the clock (money
// clears, milestones auto-approve, memberships renew, withdrawals run…).
// Started by `pnpm start` / `pnpm dev` next to the web server; run more
// instances against the same DATABASE_URL to share the work.
import "../env/exit-on-invalid";
import { createPrismaClient } from "../client";
import { movableClockEnabled } from "../clock";
import type { Runner } from "graphile-worker";
import { startRunner } from "../runner/worker";
import { dbEnv } from "../env";
import { appSecret } from "../secret";

const url = dbEnv.DATABASE_URL;
if (!url) {
  console.error("[runner] DATABASE_URL is not set (pnpm start sets it for the embedded PostgreSQL).");
  process.exit(1);
}
// The emails the runner writes carry unsubscribe links signed with the web server's secret (secret.ts).
try {
  appSecret();
} catch (error) {
  console.error(`[runner] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const movable = movableClockEnabled();
const prisma = createPrismaClient(url, { max: 4 });
// Set once started; a worker may die (and call stop) before that.
const started: { runner?: Runner } = {};
let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  // A runner whose database is gone cannot stop gracefully: do not wait for it forever.
  const stopped = Promise.all([started.runner?.stop(), prisma.$disconnect()]).catch(() => undefined);
  await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
  process.exit(code);
}

const runner = await startRunner({
  // graphile-worker LISTENs for new jobs and takes session advisory locks (its schema install,
  // WorkerLiveness): behind PgBouncer in transaction mode neither works, so they use the direct
  // connection when there is one (DATABASE_DIRECT_URL). The economy's own transactions (prisma)
  // stay on DATABASE_URL, through the pooler.
  connectionString: dbEnv.DATABASE_DIRECT_URL ?? url,
  prisma,
  // graphile-worker does not replace a worker that died: start afresh instead (the
  // supervisor restarts this process; the dead worker's job is freed by the next runner).
  onWorkerLost: (workerId, error) => {
    console.error(`[runner] worker ${workerId} died (${error instanceof Error ? error.message : String(error)}); restarting the runner`);
    void stop(1);
  },
});
started.runner = runner;
console.log(`[runner] started (pid ${process.pid})${movable ? " with the MOVABLE demo clock" : ""}`);

process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
// Started with an IPC channel (apps/web/scripts/processes.ts, spawnRunner): when the process that
// started it is gone, even killed with SIGKILL, the runner stops as on SIGTERM instead of staying behind.
if (process.channel) {
  process.on("disconnect", () => void stop(0));
  process.channel.unref();
}
await runner.promise;
