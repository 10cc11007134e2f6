import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { isAlive, stopOrphan } from "../embedded";
import { clusterRoot } from "../paths";

/** Where each test run keeps its own cluster, in `<name>-<pid of the run>`. */
export const testRunsRoot = () => join(clusterRoot().root, "test-runs");

/** This process's cluster folder for the run called `name`. */
export const testRunDir = (name: string, root = testRunsRoot()) => join(root, `${name}-${process.pid}`);

/** `db-123` or `db-123.owner.json` → { dir: "db-123", pid: 123 }; anything else → null. */
export function parseTestRunEntry(entry: string): { dir: string; pid: number } | null {
  const match = /^(.+-(\d+))(?:\.owner\.json)?$/.exec(entry);
  return match ? { dir: match[1]!, pid: Number(match[2]) } : null;
}

/**
 * Removes the clusters of runs that were killed before their teardown: those
 * whose process is gone, after stopping a PostgreSQL still running there. A
 * folder whose process is alive is a run in progress and is left alone.
 */
export async function removeStaleTestRuns(root = testRunsRoot(), log: (line: string) => void = () => undefined) {
  if (!existsSync(root)) return [];
  const stale = new Set<string>();
  for (const entry of readdirSync(root)) {
    const run = parseTestRunEntry(entry);
    if (run && run.pid !== process.pid && !isAlive(run.pid)) stale.add(join(root, run.dir));
  }
  for (const dir of stale) {
    await stopOrphan(dir, log);
    rmSync(dir, { recursive: true, force: true });
    rmSync(`${dir}.owner.json`, { force: true });
    log(`[db] removed the cluster of a test run that did not finish: ${dir}`);
  }
  return [...stale];
}
