// `pnpm start` (production build) and `pnpm dev` (hot reload): the supervisor. It runs the
// one-shot prepare step (prepare.ts: the configuration, the embedded PostgreSQL unless
// DATABASE_URL is set, migrations, demo data), builds and serves the web app and starts the job
// runner, then only watches them. Ctrl-C stops the web server, the job runner and the database in
// that order, and the command exits 0.
//
// It runs as plain `node` from packages/db/dist/serve.mjs (compiled by the `serve` and `dev`
// scripts of apps/web/package.json) and imports only Node's own modules and the demo logins:
// what it holds for as long as the servers run is a bare Node process. Every child runs in a
// process group of its own (`detached`), so that Ctrl-C, which a terminal sends to its whole
// foreground group, reaches this process only, which stops the others in order.
import { type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { DEMO_LOGINS } from "@fairlance/db/demo-logins";
import { exitCode, gone, spawnPrepare, spawnRunner, spawnWeb, spawnWebBuild, stopProcess, type PrepareMessage } from "./processes";

const dev = process.argv.includes("--dev");
/** Serve the production build that is there (the bench's harness builds it first); `pnpm start` always builds. */
const build = !dev && !process.argv.includes("--no-build");
const inherit = ["ignore", "inherit", "inherit"] as const;

type DatabaseMessage = Extract<PrepareMessage, { kind: "database" }>;
type ReadyMessage = Extract<PrepareMessage, { kind: "ready" }>;

let stopping = false;
/** The one-shot step running (prepare, build) and the servers, in the order they are stopped. */
const children: { step: ChildProcess | null; web: ChildProcess | null; runner: ChildProcess | null } = { step: null, web: null, runner: null };
/** The database the prepare step started for us (null: DATABASE_URL, or a server another process owns). */
let database: DatabaseMessage | null = null;

/** PostgreSQL's fast shutdown (SIGINT: open transactions roll back), then waits for it to end. */
async function stopDatabase() {
  const started = database?.started;
  if (!started) return;
  try {
    process.kill(started.pid, "SIGINT");
  } catch {
    // already gone
  }
  const deadline = Date.now() + 30_000;
  while (!gone(started.pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  if (!gone(started.pid)) process.kill(started.pid, "SIGKILL");
  rmSync(started.ownerFile, { force: true });
}

// The runner stops while the database is still up (it releases its jobs), the database last.
async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    for (const proc of [children.step, children.web, children.runner]) await stopProcess(proc);
    await stopDatabase();
    if (code === 0) console.log("[web] stopped the web server, the job runner and the database.");
    process.exit(code);
  }
  return await new Promise<never>(() => undefined); // the first call exits
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(0));

/** Runs a one-shot step to its end; a failure (or Ctrl-C meanwhile) ends the start. */
async function step(proc: ChildProcess, failure: string) {
  children.step = proc;
  const status = await exitCode(proc);
  children.step = null;
  if (stopping) await new Promise(() => undefined); // shutdown() exits
  if (status !== 0) {
    if (failure) console.error(failure);
    await shutdown(status);
  }
}

const prepare = spawnPrepare({ env: process.env, stdio: [...inherit], detached: true, args: dev ? ["--dev"] : [] });
let ready: ReadyMessage | null = null;
prepare.on("message", (message: PrepareMessage) => {
  if (message.kind === "database") database = message;
  else ready = message;
});
// The step prints its own reasons (an invalid setting, a failed migration).
await step(prepare, "");
if (!ready || !database) {
  console.error("[web] the prepare step ended without saying it was ready.");
  await shutdown(1);
}
const config = ready as unknown as ReadyMessage;
const db = database as unknown as DatabaseMessage;

const childEnv = {
  ...process.env,
  DATABASE_URL: db.url,
  NEXTAUTH_URL: config.nextauthUrl,
  NEXTAUTH_SECRET: config.secret,
  NEXT_TELEMETRY_DISABLED: "1",
};

if (build) {
  console.log("[web] building the production app (next build)…");
  await step(spawnWebBuild({ env: childEnv, stdio: [...inherit], detached: true }), "[web] the build failed; see the messages above.");
}

// The job runner keeps the economy moving by the clock (its own process,
// restarted if it dies: a stopped runner means nobody gets paid).
function startRunner(restarts = 0) {
  const runner = spawnRunner({ env: childEnv, stdio: [...inherit], detached: true });
  children.runner = runner;
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

const web = spawnWeb({ port: config.port, dev, env: childEnv, stdio: ["ignore", "pipe", "inherit"], detached: true });
children.web = web;
web.stdout!.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (/Ready in|started server|✓ Ready/.test(chunk.toString())) printBanner();
});
web.on("exit", (code) => {
  if (!stopping) void shutdown(code ?? 1);
});

let bannerShown = false;
function printBanner() {
  if (bannerShown) return;
  bannerShown = true;
  const rows = DEMO_LOGINS.map((l) => `    ${l.role.padEnd(10)}  ${l.email.padEnd(24)}  ${l.password}`).join("\n");
  console.log(
    `\n  Fairlance is running at http://localhost:${config.port}` +
      `  (${dev ? "development, hot reload" : "production build"}; database: ${db.embedded ? "embedded PostgreSQL" : "DATABASE_URL"}` +
      `${config.movableClock ? "; DEMO CLOCK: movable" : ""})\n\n` +
      `  Demo logins:\n${rows}\n\n  Press Ctrl-C to stop.\n`,
  );
}
