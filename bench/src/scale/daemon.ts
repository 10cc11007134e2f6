// The processes `pnpm scale` starts that are not Node services (the replica's PostgreSQL, PgBouncer,
// HAProxy): starting, stopping and waiting for them, the ports they take, and the clean-up of those
// an earlier run left behind.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, type WriteStream } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import pg from "pg";
import { freePort } from "@fairlance/db/setup";
import { procStat } from "../chaos/cluster";
import { descendants } from "../harness/processes";
import { postgresUser } from "./tools";

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Picks free ports, inside a range when one is given. */
export class Ports {
  private next: number;
  constructor(private readonly range: { from: number; to: number } | null) {
    this.next = range?.from ?? 0;
  }
  async take(): Promise<number> {
    if (!this.range) return freePort();
    while (this.next <= this.range.to) {
      const port = this.next++;
      if (await portIsFree(port)) return port;
    }
    throw new Error(`no free port left in ${this.range.from}-${this.range.to}`);
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** A child process of ours that is not a Node service (PostgreSQL replica, PgBouncer, HAProxy). */
export interface Daemon {
  proc: ChildProcess;
  pid: number;
  exited: Promise<void>;
}

export function spawnDaemon(command: string, args: string[], log: WriteStream, asPostgres: boolean): Daemon {
  const user = asPostgres ? postgresUser() : null;
  const proc = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], ...(user ?? {}) });
  proc.stdout!.on("data", (chunk: Buffer) => log.write(chunk));
  proc.stderr!.on("data", (chunk: Buffer) => log.write(chunk));
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  return { proc, pid: proc.pid!, exited };
}

export const alive = (daemon: Daemon | null) => daemon !== null && daemon.proc.exitCode === null && daemon.proc.signalCode === null;

export async function stopDaemon(daemon: Daemon | null, signal: NodeJS.Signals, timeoutMs = 15_000): Promise<void> {
  if (!daemon || !alive(daemon)) return;
  daemon.proc.kill(signal);
  const done = await Promise.race([daemon.exited.then(() => true), sleep(timeoutMs).then(() => false)]);
  if (!done) {
    for (const pid of [...descendants(daemon.pid), daemon.pid]) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // gone
      }
    }
    await daemon.exited;
  }
}

export async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | null>, gone?: () => boolean): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < deadline) {
    if (gone?.()) throw new Error(`${what}: the process exited`);
    try {
      const value = await probe();
      if (value !== null) return value;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await sleep(200);
  }
  throw new Error(`${what}: not ready within ${timeoutMs / 1000} s${last ? ` (${last})` : ""}`);
}

export async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Processes a killed earlier run left (from its pids.json, matched by start time): stopped before this run starts. */
export async function stopLeftovers(runDir: string, say: (line: string) => void): Promise<void> {
  const file = join(runDir, "pids.json");
  if (!existsSync(file)) return;
  let listed: { pid: number; startTime: string; what: string }[] = [];
  try {
    listed = JSON.parse(readFileSync(file, "utf8")) as typeof listed;
  } catch {
    return;
  }
  for (const p of listed) {
    if (procStat(p.pid)?.startTime !== p.startTime) continue;
    say(`[scale] stopping ${p.what} (pid ${p.pid}) left running by an earlier run`);
    try {
      process.kill(p.pid, p.what.startsWith("PostgreSQL") ? "SIGINT" : "SIGTERM");
    } catch {
      // gone
    }
  }
  const deadline = Date.now() + 15_000;
  while (listed.some((p) => procStat(p.pid)?.startTime === p.startTime) && Date.now() < deadline) await sleep(100);
}
