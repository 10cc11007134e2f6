import { chmodSync, existsSync, mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to walk
 * down to the data folder: say so plainly instead of initdb's "Permission denied".
 */
export function assertTraversableByPostgres(dataDir: string) {
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
export function makeClusterParent(dataDir: string) {
  const parent = dirname(resolve(dataDir));
  const firstMade = mkdirSync(parent, { recursive: true, mode: 0o755 });
  if (firstMade === undefined) return;
  for (let dir = parent; ; dir = dirname(dir)) {
    chmodSync(dir, 0o755);
    if (dir === resolve(firstMade) || dir === dirname(dir)) break;
  }
}
