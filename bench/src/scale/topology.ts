// The parts of `pnpm scale`, started on this machine as a production deployment would run them:
// a PostgreSQL primary and a streaming replica (the embedded PostgreSQL 17's own programs),
// PgBouncer in transaction mode in front of both, two web instances behind HAProxy, and two job
// runners. Every part can be stopped, killed and started again (the chaos mode), and everything
// started is stopped at the end, on Ctrl-C or on a failure.
import { spawnSync } from "node:child_process";
import { appendFileSync, chownSync, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, type WriteStream } from "node:fs";
import { join } from "node:path";
import { isAlive, postgresBinDir, startEmbeddedPostgres, withDatabase, type EmbeddedDatabase } from "@fairlance/db/setup";
import { benchClusterDir, startBenchDatabase } from "../harness/database";
import { serviceEnv, startRunner, startWeb, type Service } from "../harness/processes";
import { procStat } from "../chaos/cluster";
import { haproxyConfig, pgbouncerIni, pgbouncerUserlist, standbySettings } from "./config";
import { alive, Ports, query, sleep, spawnDaemon, stopDaemon, stopLeftovers, until, type Daemon } from "./daemon";
import { haproxyCommand, parseServerStatus } from "./haproxy";
import { REPLICATION_QUERY, replicaLag, type ReplicationRow } from "./replication";
import { HAPROXY, PGBOUNCER, postgresUser } from "./tools";

export const REPLICA_NAME = "replica1";
export const DATABASE = "fairlance_scale";
/** PgBouncer's pools: the primary's under the database's own name, the replica's beside it. */
export const REPLICA_POOL = `${DATABASE}_replica`;
const USER = "postgres";
const PASSWORD = "postgres";
export const HEALTH_PATH = "/api/health";

export interface TopologyPorts {
  primary: number;
  replica: number;
  pgbouncer: number;
  haproxy: number;
  web: [number, number];
}

/**
 * The run's parts. Start order: `create` (the primary, migrated, for the caller to seed), then
 * `startReplication` (the replica from a copy of the seeded primary), then `startPoolerAndProxy`
 * and `startServices`.
 */
export class Topology {
  private replica: Daemon | null = null;
  private pgbouncer: Daemon | null = null;
  private haproxy: Daemon | null = null;
  readonly webs: (Service | null)[] = [null, null];
  readonly runners: (Service | null)[] = [null, null];
  private readonly intended = new WeakSet<Service>();
  private stopping = false;
  private lock: Promise<unknown> = Promise.resolve();
  /** Parts that died without being told to, restarted (the chaos mode reports them). */
  readonly crashes: string[] = [];
  private readonly logs: Record<"web1" | "web2" | "runner1" | "runner2" | "primary" | "replica" | "pgbouncer" | "haproxy", WriteStream>;
  /** Every process started, with its start time, for the final check that none is left. */
  private readonly started: { pid: number; startTime: string; what: string }[] = [];
  readonly webEnv: NodeJS.ProcessEnv;
  readonly runnerEnv: NodeJS.ProcessEnv;

  private constructor(
    readonly ports: TopologyPorts,
    private readonly portPicker: Ports,
    private primary: EmbeddedDatabase,
    readonly runDir: string,
    readonly logDir: string,
    private readonly say: (line: string) => void,
    options: { movableClock: boolean },
  ) {
    mkdirSync(logDir, { recursive: true });
    this.logs = {
      web1: createWriteStream(join(logDir, "web1.log")),
      web2: createWriteStream(join(logDir, "web2.log")),
      runner1: createWriteStream(join(logDir, "runner1.log")),
      runner2: createWriteStream(join(logDir, "runner2.log")),
      primary: createWriteStream(join(logDir, "primary.log")),
      replica: createWriteStream(join(logDir, "replica.log")),
      pgbouncer: createWriteStream(join(logDir, "pgbouncer.log")),
      haproxy: createWriteStream(join(logDir, "haproxy.log")),
    };
    const extra: Record<string, string> = {
      // LISTEN (live notifications) and graphile-worker's session locks cannot go through transaction pooling.
      DATABASE_DIRECT_URL: this.primaryUrl,
      // Stale-tolerant reads (search, profiles, charts) go to the replica, through its pool.
      DATABASE_REPLICA_URL: this.bouncerReplicaUrl,
      // Debian's PgBouncer (1.18) in transaction mode cannot keep a statement prepared on a connection: the next transaction may get another.
      FAIRLANCE_PREPARED_STATEMENTS: "0",
      // HAProxy appends the client's address to X-Forwarded-For.
      FAIRLANCE_TRUST_PROXY: "1",
      ...(options.movableClock ? { FAIRLANCE_MOVABLE_CLOCK: "1" } : {}),
    };
    // One environment (one NEXTAUTH_SECRET) for every instance: a session signed by one is good on the other.
    this.webEnv = serviceEnv(this.bouncerPrimaryUrl, ports.haproxy, extra);
    this.runnerEnv = { ...this.webEnv };
    this.track(this.postmasterPid("primary"), "PostgreSQL primary");
  }

  /** The primary, freshly migrated, in `.data/bench/<name>`; the other ports are chosen now too. */
  static async create(name: string, ports: Ports, say: (line: string) => void, options: { movableClock: boolean }): Promise<Topology> {
    const chosen: TopologyPorts = {
      primary: await ports.take(),
      replica: await ports.take(),
      pgbouncer: await ports.take(),
      haproxy: await ports.take(),
      web: [await ports.take(), await ports.take()],
    };
    const runDir = join(benchClusterDir(name), "..", `${name}-run`);
    // A previous run killed before its clean-up may have left its replica, PgBouncer or HAProxy running.
    await stopLeftovers(runDir, say);
    const database = await startBenchDatabase(name, DATABASE, { port: chosen.primary, fresh: true });
    rmSync(runDir, { recursive: true, force: true });
    mkdirSync(runDir, { recursive: true, mode: 0o755 });
    return new Topology(chosen, ports, database.server, runDir, join(benchClusterDir(name), "..", `${name}-logs`), say, options);
  }

  get primaryUrl() {
    return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${this.ports.primary}/${DATABASE}`;
  }
  get replicaUrl() {
    return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${this.ports.replica}/${DATABASE}`;
  }
  get bouncerPrimaryUrl() {
    return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${this.ports.pgbouncer}/${DATABASE}`;
  }
  get bouncerReplicaUrl() {
    return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${this.ports.pgbouncer}/${REPLICA_POOL}`;
  }
  get baseUrl() {
    return `http://127.0.0.1:${this.ports.haproxy}`;
  }
  get replicaDir() {
    return join(this.runDir, "replica");
  }
  private get statsSocket() {
    return join(this.runDir, "haproxy", "admin.sock");
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.lock.then(fn, fn);
    this.lock = run.catch(() => undefined);
    return run;
  }

  private track(pid: number | null, what: string) {
    if (pid === null) return;
    const stat = procStat(pid);
    if (stat) this.started.push({ pid, startTime: stat.startTime, what });
    writeFileSync(join(this.runDir, "pids.json"), JSON.stringify(this.started));
  }

  postmasterPid(which: "primary" | "replica"): number | null {
    const file = join(which === "primary" ? this.primary.dataDir : this.replicaDir, "postmaster.pid");
    if (!existsSync(file)) return null;
    const pid = Number.parseInt(readFileSync(file, "utf8").split("\n")[0] ?? "", 10);
    return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null;
  }

  /** Process ids to measure CPU on, by part. */
  pids(): Record<string, number | null> {
    return {
      web1: this.webs[0]?.pid ?? null,
      web2: this.webs[1]?.pid ?? null,
      runner1: this.runners[0]?.pid ?? null,
      runner2: this.runners[1]?.pid ?? null,
      haproxy: this.haproxy?.pid ?? null,
      pgbouncer: this.pgbouncer?.pid ?? null,
      primary: this.postmasterPid("primary"),
      replica: this.postmasterPid("replica"),
    };
  }

  /**
   * The replica, from a copy of the primary's folder taken while the primary is stopped cleanly
   * (PostgreSQL 15's pg_basebackup cannot copy a 17 server, and the embedded package has none):
   * a physical replication slot on the primary (so it keeps the WAL the replica has not received),
   * the copy's standby.signal and primary_conninfo, then both started; returns once it streams.
   */
  async startReplication(): Promise<void> {
    const server = withDatabase(this.primaryUrl, "postgres");
    await query(server, "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1", [REPLICA_NAME]);
    await query(server, "SELECT pg_create_physical_replication_slot($1)", [REPLICA_NAME]);
    await query(server, "CHECKPOINT");
    const dataDir = this.primary.dataDir;
    await this.primary.stop();
    rmSync(this.replicaDir, { recursive: true, force: true });
    const copied = spawnSync("cp", ["-a", dataDir, this.replicaDir], { encoding: "utf8" });
    if (copied.status !== 0) throw new Error(`copying the primary's folder failed: ${copied.stderr}`);
    for (const file of ["postmaster.pid", "postmaster.opts"]) rmSync(join(this.replicaDir, file), { force: true });
    for (const slot of readdirSync(join(this.replicaDir, "pg_replslot"))) rmSync(join(this.replicaDir, "pg_replslot", slot), { recursive: true, force: true });
    appendFileSync(join(this.replicaDir, "postgresql.auto.conf"), standbySettings({ primaryPort: this.ports.primary, user: USER, password: PASSWORD, slot: REPLICA_NAME, applicationName: REPLICA_NAME }));
    writeFileSync(join(this.replicaDir, "standby.signal"), "");
    const user = postgresUser();
    if (user) for (const file of ["postgresql.auto.conf", "standby.signal"]) chownSync(join(this.replicaDir, file), user.uid, user.gid);
    await this.startPrimary();
    await this.startReplica();
  }

  private async startPrimary(): Promise<void> {
    this.primary = await startEmbeddedPostgres({ dataDir: this.primary.dataDir, port: this.ports.primary, log: (line) => this.logs.primary.write(`${line}\n`) });
    this.track(this.postmasterPid("primary"), "PostgreSQL primary");
  }

  /** Starts the replica (the embedded PostgreSQL 17's own `postgres`) and waits until it streams from the primary. */
  async startReplica(): Promise<void> {
    const stale = this.postmasterPid("replica");
    if (stale !== null) throw new Error(`a PostgreSQL (pid ${stale}) is already running in ${this.replicaDir}`);
    rmSync(join(this.replicaDir, "postmaster.pid"), { force: true });
    const daemon = spawnDaemon(join(postgresBinDir(), "postgres"), ["-D", this.replicaDir, "-p", String(this.ports.replica), "-c", "listen_addresses=127.0.0.1"], this.logs.replica, true);
    this.replica = daemon;
    this.track(daemon.pid, "PostgreSQL replica");
    await until(
      "the replica",
      90_000,
      async () => ((await query<{ r: boolean }>(this.replicaUrl, "SELECT pg_is_in_recovery() AS r"))[0]?.r ? true : null),
      () => !alive(daemon),
    );
    await until("streaming replication", 60_000, async () => {
      const rows = await query<ReplicationRow>(withDatabase(this.primaryUrl, "postgres"), REPLICATION_QUERY);
      return replicaLag(rows, REPLICA_NAME)?.streaming ? true : null;
    });
  }

  /** A fast shutdown of the replica (SIGINT): its connections end, the primary keeps the WAL for it in the slot. */
  async stopReplica(): Promise<void> {
    const daemon = this.replica;
    this.replica = null;
    await stopDaemon(daemon, "SIGINT");
  }

  /** PgBouncer (as the postgres user: it refuses root) with a pool for the primary and one for the replica. */
  async startPgBouncer(): Promise<void> {
    const dir = join(this.runDir, "pgbouncer");
    mkdirSync(dir, { recursive: true, mode: 0o755 });
    const ini = join(dir, "pgbouncer.ini");
    writeFileSync(
      ini,
      pgbouncerIni({
        listenPort: this.ports.pgbouncer,
        databases: [
          { name: DATABASE, port: this.ports.primary, dbname: DATABASE },
          { name: REPLICA_POOL, port: this.ports.replica, dbname: DATABASE },
        ],
        user: USER,
        password: PASSWORD,
        poolSize: 20,
        maxClientConnections: 1000,
        dir,
      }),
    );
    writeFileSync(join(dir, "userlist.txt"), pgbouncerUserlist(USER, PASSWORD), { mode: 0o600 });
    const user = postgresUser();
    if (user) for (const file of [dir, ini, join(dir, "userlist.txt")]) chownSync(file, user.uid, user.gid);
    const daemon = spawnDaemon(PGBOUNCER, [ini], this.logs.pgbouncer, true);
    this.pgbouncer = daemon;
    this.track(daemon.pid, "PgBouncer");
    await until("PgBouncer", 30_000, async () => ((await query(this.bouncerPrimaryUrl, "SELECT 1 AS ok")).length ? true : null), () => !alive(daemon));
  }

  /** SIGTERM (PgBouncer's immediate shutdown: every client and server connection is closed), then a new one on the same port. */
  async restartPgBouncer(): Promise<void> {
    await this.exclusive(async () => {
      const daemon = this.pgbouncer;
      this.pgbouncer = null;
      await stopDaemon(daemon, "SIGTERM");
      await this.startPgBouncer();
    });
  }

  async startHaproxy(): Promise<void> {
    const dir = join(this.runDir, "haproxy");
    mkdirSync(dir, { recursive: true });
    const cfg = join(dir, "haproxy.cfg");
    writeFileSync(
      cfg,
      haproxyConfig({
        listenPort: this.ports.haproxy,
        servers: this.ports.web.map((port, i) => ({ name: `web${i + 1}`, port })),
        statsSocket: this.statsSocket,
        healthPath: HEALTH_PATH,
      }),
    );
    const check = spawnSync(HAPROXY, ["-c", "-q", "-f", cfg], { encoding: "utf8" });
    if (check.status !== 0) throw new Error(`haproxy refuses its configuration:\n${check.stdout}${check.stderr}`);
    // -db: stay in the foreground (a child of this process), -W: master-worker off by default.
    const daemon = spawnDaemon(HAPROXY, ["-db", "-f", cfg], this.logs.haproxy, false);
    this.haproxy = daemon;
    this.track(daemon.pid, "HAProxy");
    await until("HAProxy's runtime API", 15_000, async () => ((await haproxyCommand(this.statsSocket, "show info")).includes("Name: HAProxy") ? true : null), () => !alive(daemon));
  }

  /** HAProxy's view of each web instance: UP, DOWN, MAINT… */
  async instanceStatus(): Promise<Map<string, string>> {
    return parseServerStatus(await haproxyCommand(this.statsSocket, "show stat"));
  }

  /** Takes an instance out of rotation (`maint`) or puts it back (`ready`, then waits until HAProxy sees it UP). */
  async setInstance(index: number, state: "maint" | "ready"): Promise<void> {
    const name = `web${index + 1}`;
    await haproxyCommand(this.statsSocket, `set server web/${name} state ${state}`);
    const want = state === "maint" ? /^MAINT/ : /^UP/;
    await until(`HAProxy marking ${name} ${state}`, 30_000, async () => (want.test((await this.instanceStatus()).get(name) ?? "") ? true : null));
  }

  async waitUntilUp(index: number, timeoutMs = 60_000): Promise<void> {
    const name = `web${index + 1}`;
    await until(`HAProxy seeing ${name} up`, timeoutMs, async () => (/^UP/.test((await this.instanceStatus()).get(name) ?? "") ? true : null));
  }

  async startWebInstance(index: number): Promise<void> {
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      try {
        const log = this.logs[index === 0 ? "web1" : "web2"];
        const web = await startWeb({ port: this.ports.web[index]!, env: this.webEnv, log: (line) => log.write(line) });
        this.webs[index] = web;
        this.track(web.pid, `web${index + 1}`);
        this.watch(web, "web", index);
        return;
      } catch (error) {
        this.say(`[scale] web${index + 1} start attempt ${attempt} failed: ${error instanceof Error ? error.message : String(error)}`);
        if (attempt >= 5 || Date.now() - started > 180_000) throw error;
        // The port may have been taken meanwhile (ports of a range can be handed out as the source
        // port of an outgoing connection): the next attempt takes another and tells HAProxy.
        await this.moveWebPort(index);
        await sleep(1000 * attempt);
      }
    }
  }

  private async moveWebPort(index: number): Promise<void> {
    const port = await this.portPicker.take();
    this.ports.web[index] = port;
    if (alive(this.haproxy)) await haproxyCommand(this.statsSocket, `set server web/web${index + 1} addr 127.0.0.1 port ${port}`);
    this.say(`[scale] web${index + 1} moves to port ${port}`);
  }

  startRunnerInstance(index: number): void {
    const log = this.logs[index === 0 ? "runner1" : "runner2"];
    const runner = startRunner({ env: this.runnerEnv, log: (line) => log.write(line) });
    this.runners[index] = runner;
    this.track(runner.pid, `runner${index + 1}`);
    this.watch(runner, "runner", index);
  }

  private watch(service: Service, part: "web" | "runner", index: number) {
    service.proc.once("exit", (code, signal) => {
      if (this.intended.has(service) || this.stopping) return;
      const list = part === "web" ? this.webs : this.runners;
      if (list[index] !== service) return;
      list[index] = null;
      this.crashes.push(`${part}${index + 1} exited by itself (${signal ?? `code ${code}`})`);
      this.say(`[scale] ${part}${index + 1} exited by itself (${signal ?? `code ${code}`}); starting it again`);
      void this.exclusive(async () => {
        if (this.stopping || list[index]) return;
        await sleep(500);
        if (part === "web") await this.startWebInstance(index);
        else this.startRunnerInstance(index);
      });
    });
  }

  /** PgBouncer, HAProxy, both web instances and both runners. */
  async startServices(): Promise<void> {
    await this.startPgBouncer();
    await this.startHaproxy();
    // One at a time: two Next servers starting at once on 2 cores take longer than one after the other.
    await this.startWebInstance(0);
    await this.startWebInstance(1);
    this.startRunnerInstance(0);
    this.startRunnerInstance(1);
    await this.waitUntilUp(0);
    await this.waitUntilUp(1);
  }

  /** SIGKILL to a web instance (and its children), then a new one on its port; returns once HAProxy sends it requests again. */
  async killWeb(index: number, onKilled: () => void = () => undefined): Promise<void> {
    await this.exclusive(async () => {
      const web = this.webs[index];
      if (web) {
        this.intended.add(web);
        this.webs[index] = null;
        await web.kill();
      }
      onKilled();
      await this.startWebInstance(index);
      await this.waitUntilUp(index);
    });
  }

  async killRunner(index: number, onKilled: () => void = () => undefined): Promise<void> {
    await this.exclusive(async () => {
      const runner = this.runners[index];
      if (runner) {
        this.intended.add(runner);
        this.runners[index] = null;
        await runner.kill();
      }
      onKilled();
      this.startRunnerInstance(index);
    });
  }

  /** Stops the replica for `downMs`; `onDown` and `onUp` mark the time its server is not running at all. */
  async bounceReplica(downMs: number, onDown: () => void, onUp: () => void): Promise<void> {
    await this.exclusive(async () => {
      await this.stopReplica();
      onDown();
      await sleep(downMs);
      onUp();
      await this.startReplica();
    });
  }

  /** The web instances and the runners only (SIGTERM), leaving the databases up for the final checks. */
  async stopAppProcesses(): Promise<void> {
    await this.exclusive(async () => {
      const services = [...this.webs, ...this.runners].filter((s): s is Service => s !== null);
      for (const service of services) this.intended.add(service);
      this.webs.fill(null);
      this.runners.fill(null);
      await Promise.all(services.map((s) => s.stop()));
    });
  }

  /** Everything, in reverse order of dependence: the runners and web instances, HAProxy, PgBouncer, the replica, the primary. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.exclusive(async () => {
      await Promise.all([...this.webs, ...this.runners].map((s) => s?.stop()));
      this.webs.fill(null);
      this.runners.fill(null);
      await stopDaemon(this.haproxy, "SIGTERM");
      await stopDaemon(this.pgbouncer, "SIGTERM");
      await this.stopReplica();
      if (this.postmasterPid("primary") !== null) await Promise.race([this.primary.stop(), sleep(20_000)]);
      await Promise.all(Object.values(this.logs).map((stream) => new Promise<void>((resolve) => stream.end(() => resolve()))));
    });
  }

  /** Processes of the run still alive (must be none after `stop`). */
  leftovers(): string[] {
    return this.started.filter((p) => procStat(p.pid)?.startTime === p.startTime && procStat(p.pid)?.state !== "Z").map((p) => `${p.pid} ${p.what}`);
  }
}
