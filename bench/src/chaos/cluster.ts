import { createWriteStream, existsSync, mkdirSync, readFileSync, type WriteStream } from "node:fs";
import { join } from "node:path";
import { freePort, isAlive, startEmbeddedPostgres, type EmbeddedDatabase } from "@fairlance/db/setup";
import { benchClusterDir, startBenchDatabase } from "../harness/database";
import { descendants, serviceEnv, startRunner, startWeb, type Service } from "../harness/processes";
import { sleep } from "./random";

export type KillKind = "web" | "db" | "both" | "runner";
type Part = "web" | "db" | "runner";

export interface ClusterStats {
  /** Kills by kind (`pnpm chaos`: web, db, both, runner; `pnpm scale --chaos` names its own events). */
  kills: Record<string, number>;
  /** Restarts that failed and were tried again, by part. */
  failedRestarts: Record<Part, number>;
  /** Processes that died without being killed (a crash caused by another part's death). */
  crashes: Record<"web" | "runner", number>;
  restartMs: Record<Part, number[]>;
  problems: string[];
}

/** State and start time of a process, from /proc (null once it is gone). */
export const procStat = (pid: number): { state: string; startTime: string } | null => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { state: fields[0]!, startTime: fields[19]! };
  } catch {
    return null;
  }
};

/** A process of ours: identified by pid and start time, so a reused pid is not mistaken for it. */
interface Started {
  pid: number;
  startTime: string;
}
const identify = (pid: number): Started[] => {
  const stat = procStat(pid);
  return stat ? [{ pid, startTime: stat.startTime }] : [];
};
const stillRunning = (process: Started) => {
  const stat = procStat(process.pid);
  return stat !== null && stat.startTime === process.startTime && stat.state !== "Z";
};

const commandLine = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").trim().slice(0, 160);
  } catch {
    return "?";
  }
};

async function waitGone(pids: readonly number[], timeoutMs: number): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  let alive = pids.filter(isAlive);
  while (alive.length > 0 && Date.now() < deadline) {
    await sleep(25);
    alive = alive.filter(isAlive);
  }
  return alive;
}

/**
 * The parts of one chaos run: its own PostgreSQL cluster on a fixed port, the production web
 * server on a fixed port and the job runner. Each can be killed with SIGKILL and started again;
 * a part that dies on its own is noticed and restarted too. Kills and restarts are serialised.
 */
export class ChaosCluster {
  readonly stats: ClusterStats = {
    kills: { web: 0, db: 0, both: 0, runner: 0 },
    failedRestarts: { web: 0, db: 0, runner: 0 },
    crashes: { web: 0, runner: 0 },
    restartMs: { web: [], db: [], runner: [] },
    problems: [],
  };
  private web: Service | null = null;
  private runner: Service | null = null;
  private db: EmbeddedDatabase;
  private readonly intended = new WeakSet<Service>();
  private lock: Promise<unknown> = Promise.resolve();
  private stopping = false;
  /** Every web server, runner and postmaster of the run, to check at the end that none is left. */
  private readonly everStarted: Started[] = [];
  private readonly logs: { web: WriteStream; runner: WriteStream; db: WriteStream };

  private constructor(
    readonly dataDir: string,
    readonly pgPort: number,
    readonly webPort: number,
    readonly databaseUrl: string,
    private readonly env: NodeJS.ProcessEnv,
    db: EmbeddedDatabase,
    readonly logDir: string,
    private readonly say: (line: string) => void,
    /** Processes this script had before the run (tsx's esbuild service): not the run's to stop. */
    private readonly helpers: ReadonlySet<number>,
  ) {
    this.db = db;
    const pid = this.postmasterPid();
    if (pid !== null) this.everStarted.push(...identify(pid));
    mkdirSync(logDir, { recursive: true });
    this.logs = {
      web: createWriteStream(join(logDir, "web.log")),
      runner: createWriteStream(join(logDir, "runner.log")),
      db: createWriteStream(join(logDir, "postgres.log")),
    };
  }

  get baseUrl() {
    return `http://127.0.0.1:${this.webPort}`;
  }

  /** A fresh, migrated database in `.data/bench/<name>` on a port kept for the whole run. */
  static async create(name: string, say: (line: string) => void): Promise<ChaosCluster> {
    const helpers = new Set(descendants(process.pid));
    const pgPort = await freePort();
    const webPort = await freePort();
    const database = await startBenchDatabase(name, "fairlance_chaos", { port: pgPort, fresh: true });
    const env = serviceEnv(database.url, webPort, { FAIRLANCE_MOVABLE_CLOCK: "1" });
    const logDir = join(benchClusterDir(name), "..", `${name}-logs`);
    return new ChaosCluster(benchClusterDir(name), pgPort, webPort, database.url, env, database.server, logDir, say, helpers);
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.lock.then(fn, fn);
    this.lock = run.catch(() => undefined);
    return run;
  }

  /** The postmaster's pid, from the first line of `postmaster.pid`. */
  postmasterPid(): number | null {
    const file = join(this.dataDir, "postmaster.pid");
    if (!existsSync(file)) return null;
    const pid = Number.parseInt(readFileSync(file, "utf8").split("\n")[0] ?? "", 10);
    return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null;
  }

  /** Every process of the run still alive, with its command line (the final check that nothing is left over). */
  leftovers(): string[] {
    const ours = [...this.everStarted, ...descendants(process.pid).filter((pid) => !this.helpers.has(pid)).flatMap(identify)];
    const alive = new Set(ours.filter(stillRunning).map((p) => p.pid));
    return [...alive].map((pid) => `${pid} ${commandLine(pid)}`);
  }

  async startServices(): Promise<void> {
    await this.exclusive(async () => {
      await this.startWebWithRetries();
      this.startRunnerProcess();
    });
  }

  private watch(service: Service, part: "web" | "runner") {
    service.proc.once("exit", (code, signal) => {
      if (this.intended.has(service) || this.stopping) return;
      this.stats.crashes[part]++;
      const last = part === "web" ? this.web : this.runner;
      if (last !== service) return;
      this.say(`[chaos] the ${part} exited by itself (${signal ?? `code ${code}`}); restarting it`);
      if (part === "web") this.web = null;
      else this.runner = null;
      void this.exclusive(async () => {
        if (this.stopping) return;
        await sleep(500);
        if (part === "web" && !this.web) await this.startWebWithRetries();
        if (part === "runner" && !this.runner) this.startRunnerProcess();
      });
    });
  }

  private async startWebWithRetries(): Promise<void> {
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      try {
        const web = await startWeb({ port: this.webPort, env: this.env, log: (line) => this.logs.web.write(line) });
        this.web = web;
        this.everStarted.push(...[web.pid, ...descendants(web.pid)].flatMap(identify));
        this.watch(web, "web");
        this.stats.restartMs.web.push(Date.now() - started);
        return;
      } catch (error) {
        this.stats.failedRestarts.web++;
        const message = `web start attempt ${attempt} failed: ${error instanceof Error ? error.message : String(error)}`;
        this.say(`[chaos] ${message}`);
        if (attempt >= 6) {
          this.stats.problems.push(message);
          throw error;
        }
        await sleep(500 * attempt);
      }
    }
  }

  private startRunnerProcess(): void {
    const runner = startRunner({ env: this.env, log: (line) => this.logs.runner.write(line) });
    this.runner = runner;
    this.everStarted.push(...identify(runner.pid));
    this.watch(runner, "runner");
  }

  private async startDbWithRetries(): Promise<void> {
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      try {
        this.db = await startEmbeddedPostgres({ dataDir: this.dataDir, port: this.pgPort, log: (line) => this.logs.db.write(`${line}\n`) });
        const pid = this.postmasterPid();
        if (pid !== null) this.everStarted.push(...identify(pid));
        this.stats.restartMs.db.push(Date.now() - started);
        return;
      } catch (error) {
        this.stats.failedRestarts.db++;
        const message = `PostgreSQL start attempt ${attempt} failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
        this.logs.db.write(`${error instanceof Error ? error.message : String(error)}\n`);
        this.say(`[chaos] ${message}`);
        if (attempt >= 10) {
          this.stats.problems.push(message);
          throw error;
        }
        await sleep(300 * attempt);
      }
    }
  }

  private async killWeb(): Promise<void> {
    const web = this.web;
    if (!web) return;
    this.intended.add(web);
    this.web = null;
    await web.kill();
  }

  private async killRunner(): Promise<void> {
    const runner = this.runner;
    if (!runner) return;
    this.intended.add(runner);
    this.runner = null;
    await runner.kill();
  }

  /**
   * SIGKILL to the postmaster only. Its backends notice and exit on their own; PostgreSQL then
   * refuses to start until they are gone, so we wait for them (and report any that linger).
   */
  private async killDb(): Promise<void> {
    const pid = this.postmasterPid();
    if (pid === null) {
      this.stats.problems.push("no live postmaster to kill");
      return;
    }
    const backends = descendants(pid);
    process.kill(pid, "SIGKILL");
    const lingering = await waitGone([pid, ...backends], 15_000);
    if (lingering.length > 0) {
      this.stats.problems.push(`${lingering.length} PostgreSQL backend(s) outlived their postmaster by 15 s and were killed`);
      for (const p of lingering) process.kill(p, "SIGKILL");
      await waitGone(lingering, 5_000);
    }
  }

  /** Kills what `kind` names with SIGKILL, then restarts it; returns once everything answers again. */
  async killAndRestart(kind: KillKind, onKilled: () => void): Promise<void> {
    await this.exclusive(async () => {
      this.stats.kills[kind] = (this.stats.kills[kind] ?? 0) + 1;
      if (kind === "web") await this.killWeb();
      if (kind === "runner") await this.killRunner();
      if (kind === "db") await this.killDb();
      if (kind === "both") await Promise.all([this.killWeb(), this.killDb()]);
      onKilled();
      if (kind === "db" || kind === "both") await this.startDbWithRetries();
      if (kind === "web" || kind === "both") await this.startWebWithRetries();
      if (kind === "runner") {
        const started = Date.now();
        this.startRunnerProcess();
        this.stats.restartMs.runner.push(Date.now() - started);
      }
    });
  }

  /** Stops the web server and the runner with SIGTERM and PostgreSQL with a fast shutdown. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.exclusive(async () => {
      await Promise.all([this.web?.stop(), this.runner?.stop()]);
      this.web = null;
      this.runner = null;
      const pid = this.postmasterPid();
      if (pid !== null) {
        const family = [pid, ...descendants(pid)];
        // The live server's own stop (fast shutdown, and it forgets the cluster's owner file).
        await Promise.race([this.db.stop(), sleep(15_000)]);
        const left = await waitGone(family, 5_000);
        for (const p of left) process.kill(p, "SIGKILL");
      }
      await new Promise<void>((resolve) => this.logs.web.end(() => this.logs.runner.end(() => this.logs.db.end(() => resolve()))));
    });
  }

  /** Only the runner: for the end of the run, to let it settle without the web server. */
  runnerAlive(): boolean {
    return this.runner !== null && isAlive(this.runner.pid);
  }
}
