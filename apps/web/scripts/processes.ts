// How each process of the marketplace is started: the one place that knows the command, the V8
// settings and the compiled files. Used by `pnpm start`/`pnpm dev` (serve.ts), the e2e web server
// (e2e/scripts/serve-e2e.ts) and the bench, chaos and scale harness (bench/src/harness/processes.ts).
//
// The job runner, the one-shot prepare step and the supervisor are TypeScript compiled once by
// packages/db/scripts/compile.mjs (esbuild) into packages/db/dist/*.mjs and run by plain `node`:
// no compiler in a long-lived process. The production web server is compiled the same way
// (scripts/web-server.ts: Next's server with the API answered before its router); `pnpm dev` is
// Next's own `next dev`.
import { spawn, spawnSync, type ChildProcess, type StdioOptions } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { constants } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The checkout: the folder with pnpm-workspace.yaml above this file (also once bundled into packages/db/dist). */
function findRepoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "pnpm-workspace.yaml"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no pnpm-workspace.yaml above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  return dir;
}

export const REPO_ROOT = findRepoRoot();
export const WEB_ROOT = join(REPO_ROOT, "apps", "web");
const DB_ROOT = join(REPO_ROOT, "packages", "db");
const COMPILE_SCRIPT = join(DB_ROOT, "scripts", "compile.mjs");

/** What compile.mjs writes (git-ignored). */
export const COMPILED = {
  runner: join(DB_ROOT, "dist", "runner.mjs"),
  prepare: join(DB_ROOT, "dist", "prepare.mjs"),
  serve: join(DB_ROOT, "dist", "serve.mjs"),
  web: join(DB_ROOT, "dist", "web.mjs"),
} as const;

const NEXT_BIN = createRequire(join(WEB_ROOT, "package.json")).resolve("next/dist/bin/next");

/**
 * V8 settings, chosen by measurement (BENCHMARKS.md, "A small footprint"), given on each
 * process's command line (not NODE_OPTIONS, which every process it starts would inherit).
 * Web server: 8 MB semi-spaces (V8 takes 16 MB on this kind of machine) and a 192 MB old
 * generation, 23 MB less at its peak under the bench's load than without; V8's compilers and
 * garbage collector on its main thread (--single-threaded): with background threads its peak held
 * the short-lived memory of V8 optimizing Prisma's WebAssembly query compiler (up to ~80 MB,
 * allocated on those threads and kept by glibc after use); on two shared cores the threads bought
 * no CPU the bench could measure. Runner: 1 MB semi-spaces; no old-generation cap (96 MB saved nothing
 * measurable, and a cap that binds on a heavy economy task would crash it); WebAssembly by
 * Liftoff only (no optimizing tier at all: a background task does not need faster queries; the
 * web server's CPU per proposal doubled with it). The supervisor needs none.
 */
export const NODE_FLAGS = {
  web: ["--max-semi-space-size=8", "--max-old-space-size=192", "--single-threaded"],
  runner: ["--max-semi-space-size=1", "--liftoff-only"],
} as const;

/**
 * glibc malloc for the runner: every block of 128 KB or more is its own mapping, given back to the
 * system when freed, and its heaps are trimmed above 128 KB free at their top (by default glibc
 * raises both thresholds, to 32 and 64 MB, once a large block is freed, and then keeps the freed
 * compiler memory). The web server does without: it cost it ~40% more CPU per proposal.
 */
export const RUNNER_MALLOC_ENV = { MALLOC_MMAP_THRESHOLD_: "131072" } as const;

/**
 * Compiles the runner, the prepare step and the supervisor (packages/db/scripts/compile.mjs), once
 * per process that calls it: from packages/db's sources, so a changed source is always picked up.
 */
let compiled = false;
export function compileProcesses(): void {
  if (compiled) return;
  const result = spawnSync(process.execPath, [COMPILE_SCRIPT], { stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) throw new Error("Compiling the job runner and the start scripts failed (packages/db/scripts/compile.mjs); see the messages above.");
  compiled = true;
}

export interface ProcessOptions {
  env: NodeJS.ProcessEnv;
  /** Default: stdin ignored, output piped. */
  stdio?: StdioOptions;
  /**
   * In a process group (and session) of its own: a terminal's Ctrl-C, which signals its whole
   * foreground group, then reaches only the supervisor, which stops the children in order.
   */
  detached?: boolean;
}

/** `node [flags] file [args]`: every process of the marketplace is started through this. */
export function spawnNode(file: string, flags: readonly string[], args: string[], options: ProcessOptions & { cwd: string }): ChildProcess {
  return spawn(process.execPath, [...flags, file, ...args], {
    cwd: options.cwd,
    env: options.env,
    stdio: options.stdio ?? ["ignore", "pipe", "pipe"],
    detached: options.detached ?? false,
  });
}

function compiledFile(name: keyof typeof COMPILED): string {
  const file = COMPILED[name];
  if (!existsSync(file)) throw new Error(`${file} is missing: call compileProcesses() (or run node packages/db/scripts/compile.mjs) first.`);
  return file;
}

/**
 * The web server, a single Node process: the production build in WEB_ROOT served by
 * scripts/web-server.ts (compiled: call compileProcesses() first), or `next dev` with `dev`.
 * `host` defaults to every address.
 */
export function spawnWeb(options: ProcessOptions & { port: number; host?: string; dev?: boolean }): ChildProcess {
  if (options.dev) {
    const args = ["dev", "-p", String(options.port), ...(options.host ? ["-H", options.host] : [])];
    return spawnNode(NEXT_BIN, [], args, { ...options, cwd: WEB_ROOT });
  }
  const args = ["--port", String(options.port), ...(options.host ? ["--hostname", options.host] : [])];
  const env = { ...options.env, ...builtConfigEnv(options.env) };
  const proc = spawnNode(compiledFile("web"), NODE_FLAGS.web, args, { ...options, env, stdio: withChannel(options.stdio), cwd: WEB_ROOT });
  proc.channel?.unref(); // the channel alone does not keep the parent running
  return proc;
}

/** A process that is gone, or a zombie its new parent has not reaped yet. */
export function gone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== "EPERM";
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) === "Z";
  } catch {
    return true;
  }
}

/** `stdio` with an IPC channel to the child as its fourth stream (see stopWithParent). */
export function withChannel(stdio: StdioOptions | undefined): StdioOptions {
  const streams = stdio ?? ["ignore", "pipe", "pipe"];
  return Array.isArray(streams) ? [...streams.slice(0, 3), "ipc"] : [streams, streams, streams, "ipc"];
}

/**
 * In a process started with a channel (spawnWeb; the runner does the same in its own package):
 * `stop` runs when the process that started it is gone, even killed with SIGKILL (its end of the
 * channel closes), so no server stays behind holding the port after its supervisor died.
 */
export function stopWithParent(stop: () => void): void {
  if (!process.channel) return;
  process.on("disconnect", stop);
  process.channel.unref();
}

/**
 * The web server with the configuration the build resolved (`required-server-files.json`, written by
 * `next build`), handed over as Next's own standalone server.js does (__NEXT_PRIVATE_STANDALONE_CONFIG).
 * Without it Next compiles next.config.ts again with SWC, whose native module then stays loaded in
 * the server: ~45 MB of its memory (BENCHMARKS.md, "A small footprint"). The build folder is the
 * one the server serves (FAIRLANCE_NEXT_DIST_DIR in its environment, `.next` by default, as in
 * apps/web/env.ts); without a build there, nothing is set and the web server says what is missing.
 */
export function builtConfigEnv(env: Readonly<Record<string, string | undefined>>): { __NEXT_PRIVATE_STANDALONE_CONFIG?: string } {
  const config = builtConfig(env);
  return config ? { __NEXT_PRIVATE_STANDALONE_CONFIG: JSON.stringify(config) } : {};
}

/** The configuration `next build` resolved into FAIRLANCE_NEXT_DIST_DIR (`.next` by default), or null without a build there. */
export function builtConfig(env: Readonly<Record<string, string | undefined>>): Record<string, unknown> | null {
  const file = join(WEB_ROOT, env.FAIRLANCE_NEXT_DIST_DIR || ".next", "required-server-files.json");
  if (!existsSync(file)) return null;
  return (JSON.parse(readFileSync(file, "utf8")) as { config: Record<string, unknown> }).config;
}

/** `next build` of WEB_ROOT (into FAIRLANCE_NEXT_DIST_DIR, `.next` by default). */
export function spawnWebBuild(options: ProcessOptions): ChildProcess {
  return spawnNode(NEXT_BIN, [], ["build"], { ...options, cwd: WEB_ROOT });
}

/**
 * The job runner (packages/db/src/cli/runner.ts, compiled). It has an IPC channel to its parent:
 * when the parent is gone (even killed with SIGKILL) the runner stops as on SIGTERM.
 */
export function spawnRunner(options: ProcessOptions): ChildProcess {
  const env = { ...options.env, ...RUNNER_MALLOC_ENV };
  const proc = spawnNode(compiledFile("runner"), NODE_FLAGS.runner, [], { ...options, env, stdio: withChannel(options.stdio), cwd: REPO_ROOT });
  proc.channel?.unref(); // the channel alone does not keep the parent running
  return proc;
}

/** What the prepare step tells the supervisor over its IPC channel (apps/web/scripts/prepare.ts). */
export type PrepareMessage =
  /** The database, as soon as it runs: `started` is the embedded server it started, which the supervisor stops last. */
  | { kind: "database"; url: string; embedded: boolean; started: { pid: number; ownerFile: string } | null }
  /** Migrated and seeded: what the servers need. */
  | { kind: "ready"; port: number; nextauthUrl: string; secret: string; movableClock: boolean };

/**
 * `pnpm start`'s one-shot step (apps/web/scripts/prepare.ts, compiled): the configuration, the
 * database, migrations and demo data; it reports over an IPC channel (PrepareMessage) and exits 0.
 */
export function spawnPrepare(options: ProcessOptions & { args?: string[] }): ChildProcess {
  const stdio = options.stdio ?? ["ignore", "pipe", "pipe"];
  const withChannel: StdioOptions = Array.isArray(stdio) ? [...stdio.slice(0, 3), "ipc"] : [stdio, stdio, stdio, "ipc"];
  return spawnNode(compiledFile("prepare"), [], options.args ?? [], { ...options, stdio: withChannel, cwd: REPO_ROOT });
}

/** SIGTERM, and SIGKILL if it is still there after `graceMs`; resolves when it has exited. */
export async function stopProcess(proc: ChildProcess | null, graceMs = 15_000): Promise<void> {
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((resolve) => proc.once("exit", resolve));
  proc.kill("SIGTERM");
  const killer = setTimeout(() => proc.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(killer);
}

/** Resolves with the exit code (128 + signal number when it was killed by a signal). */
export function exitCode(proc: ChildProcess): Promise<number> {
  const code = (exit: number | null, signal: NodeJS.Signals | null) => exit ?? 128 + (signal ? constants.signals[signal] : 0);
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve(code(proc.exitCode, proc.signalCode));
  return new Promise((resolve) => proc.once("exit", (exit, signal) => resolve(code(exit, signal))));
}
