import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { COMPILED, compileProcesses, spawnRunner, spawnWeb } from "@fairlance/web/processes";
import { WEB_ROOT } from "./paths";
import { dbEnv, webEnv } from "../env";

export interface Service {
  name: string;
  proc: ChildProcess;
  pid: number;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
  /** SIGKILL (the process and its children) and wait for the exit. */
  kill(): Promise<void>;
}

const requireFromWeb = createRequire(join(WEB_ROOT, "package.json"));
const NEXT_BIN = requireFromWeb.resolve("next/dist/bin/next");

/**
 * The production build's folder under apps/web: `.next`, or FAIRLANCE_NEXT_DIST_DIR
 * (e.g. `.next-bench`) so that a long run never races another build.
 */
export const distDir = () => webEnv.FAIRLANCE_NEXT_DIST_DIR;

/** Builds apps/web for production unless a build is already there (or `force`). */
export function ensureWebBuild(options: { force?: boolean; log?: (line: string) => void } = {}) {
  const log = options.log ?? console.log;
  if (!options.force && existsSync(join(WEB_ROOT, distDir(), "BUILD_ID"))) return;
  log(`[bench] building apps/web for production (next build into ${distDir()})…`);
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    cwd: WEB_ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("next build failed; see the messages above.");
}

/** Environment shared by the web server and the runner of one run. */
export function serviceEnv(databaseUrl: string, port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXTAUTH_SECRET: dbEnv.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
    NEXT_TELEMETRY_DISABLED: "1",
    ...extra,
  };
}

function wrap(name: string, proc: ChildProcess): Service {
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  const alive = () => proc.exitCode === null && proc.signalCode === null;
  return {
    name,
    proc,
    pid: proc.pid!,
    async stop() {
      if (alive()) proc.kill("SIGTERM");
      await exited;
    },
    async kill() {
      for (const pid of [...descendants(proc.pid!), proc.pid!]) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
      await exited;
    },
  };
}

async function waitForHttp(url: string, proc: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`the server exited before answering ${url}`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no answer from ${url} within ${timeoutMs / 1000}s`);
}

/**
 * The web server as `pnpm start` runs it (the production build served by the compiled
 * apps/web/scripts/web-server.ts, with its V8 settings: apps/web/scripts/processes.ts), on
 * 127.0.0.1, ready to answer. Its output goes to `log`.
 */
export async function startWeb(options: { port: number; env: NodeJS.ProcessEnv; log?: (line: string) => void }): Promise<Service> {
  compileProcesses();
  const proc = spawnWeb({ port: options.port, host: "127.0.0.1", env: options.env });
  const log = options.log ?? (() => undefined);
  proc.stdout!.on("data", (chunk: Buffer) => log(chunk.toString()));
  proc.stderr!.on("data", (chunk: Buffer) => log(chunk.toString()));
  await waitForHttp(`http://127.0.0.1:${options.port}/api/auth/csrf`, proc);
  return wrap("web", proc);
}

/** The job runner as `pnpm start` runs it: plain `node` on its compiled file (compiled once per run). */
export function startRunner(options: { env: NodeJS.ProcessEnv; log?: (line: string) => void }): Service {
  compileProcesses();
  const proc = spawnRunner({ env: options.env });
  const log = options.log ?? (() => undefined);
  proc.stdout!.on("data", (chunk: Buffer) => log(chunk.toString()));
  proc.stderr!.on("data", (chunk: Buffer) => log(chunk.toString()));
  return wrap("runner", proc);
}

export interface Stack {
  supervisor: Service;
  /** The web server and the runner the supervisor started. */
  webPid: number;
  runnerPid: number;
}

/**
 * The marketplace as `pnpm start` runs it: its supervisor (packages/db/dist/serve.mjs) on
 * DATABASE_URL (`env`), which migrates and seeds the demo data, then starts the job runner and
 * the web server on `port`; `--no-build` serves the build that is there (ensureWebBuild).
 * Resolves once the web server answers. Stopping the supervisor stops both, as Ctrl-C does.
 */
export async function startStack(options: { port: number; env: NodeJS.ProcessEnv; log?: (line: string) => void }): Promise<Stack> {
  compileProcesses();
  const proc = spawn(process.execPath, [COMPILED.serve, "--no-build"], {
    cwd: WEB_ROOT,
    env: { ...options.env, PORT: String(options.port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log = options.log ?? (() => undefined);
  proc.stdout!.on("data", (chunk: Buffer) => log(chunk.toString()));
  proc.stderr!.on("data", (chunk: Buffer) => log(chunk.toString()));
  const supervisor = wrap("supervisor", proc);
  try {
    await waitForHttp(`http://127.0.0.1:${options.port}/api/auth/csrf`, proc, 180_000);
    const child = (pattern: RegExp) => descendants(proc.pid!).find((pid) => pattern.test(commandLine(pid)));
    const webPid = child(/dist[\\/]web\.mjs|^next-server|next[\\/]dist[\\/]bin[\\/]next /); // the compiled web-server.ts; `pnpm dev`: Next, which renames its process "next-server (v…)"
    const runnerPid = child(/runner\.mjs/);
    if (!webPid || !runnerPid) throw new Error(`the supervisor's web server (${webPid ?? "not found"}) or runner (${runnerPid ?? "not found"}) is missing`);
    return { supervisor, webPid, runnerPid };
  } catch (error) {
    await supervisor.stop();
    throw error;
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
}

/** Every process below `pid` (children, grandchildren…), from /proc. */
export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // the process ended while we looked
    }
  }
  const found: number[] = [];
  const walk = (p: number) => {
    for (const child of children.get(p) ?? []) {
      found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
}
