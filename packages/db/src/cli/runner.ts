// The job runner process: keeps the economy moving by the clock (money
// clears, milestones auto-approve, memberships renew, withdrawals run…).
// Started by `pnpm start` / `pnpm dev` next to the web server; run more
// instances against the same DATABASE_URL to share the work.
import { createPrismaClient } from "../client";
import { movableClockEnabled } from "../clock";
import { startRunner } from "../runner/worker";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("[runner] DATABASE_URL is not set (pnpm start sets it for the embedded PostgreSQL).");
  process.exit(1);
}
const movable = movableClockEnabled();
const prisma = createPrismaClient(url, { max: 4 });
const runner = await startRunner({ connectionString: url, prisma });
console.log(`[runner] started (pid ${process.pid})${movable ? " with the MOVABLE demo clock" : ""}`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await runner.stop();
  await prisma.$disconnect();
  process.exit(0);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
await runner.promise;
