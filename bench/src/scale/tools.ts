// The Debian packages `pnpm scale` runs (PgBouncer, HAProxy), installed when missing, and the
// postgres user the servers run as when this runs as root (PostgreSQL and PgBouncer refuse root).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export const PGBOUNCER = "/usr/sbin/pgbouncer";
export const HAPROXY = "/usr/sbin/haproxy";

const missing = () => [
  ...(existsSync(PGBOUNCER) ? [] : ["pgbouncer"]),
  ...(existsSync(HAPROXY) ? [] : ["haproxy"]),
];

/**
 * Makes sure PgBouncer and HAProxy are installed: as root, installs the missing Debian packages
 * (saying what and why); otherwise stops with the command to run. Nothing is downloaded from
 * anywhere but the system's package sources.
 */
export function ensureDebianTools(say: (line: string) => void): void {
  const needed = missing();
  if (needed.length === 0) return;
  const command = `apt-get install -y ${needed.join(" ")}`;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `pnpm scale runs PgBouncer (connection pooling) and HAProxy (the load balancer) from Debian's packages, and ${needed.join(" and ")} ` +
        `${needed.length > 1 ? "are" : "is"} not installed. Install ${needed.length > 1 ? "them" : "it"} as root: sudo ${command}`,
    );
  }
  say(`[scale] installing ${needed.join(" and ")} from Debian (${command}): the topology needs PgBouncer for connection pooling and HAProxy as the load balancer`);
  let result = spawnSync("apt-get", ["install", "-y", ...needed], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  if (result.status !== 0) {
    say("[scale] apt-get install failed; refreshing the package lists (apt-get update) and trying again");
    spawnSync("apt-get", ["update"], { stdio: "inherit" });
    result = spawnSync("apt-get", ["install", "-y", ...needed], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  }
  const still = missing();
  if (result.status !== 0 || still.length > 0) throw new Error(`Could not install ${still.join(" and ")} (${command}); install ${still.length > 1 ? "them" : "it"} and run pnpm scale again.`);
}

/** uid and gid of the `postgres` user, for the servers this process (root) starts; null when not root. */
export function postgresUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(spawnSync("id", [flag, "postgres"], { encoding: "utf8" }).stdout.trim());
  const uid = id("-u");
  const gid = id("-g");
  if (!Number.isInteger(uid) || !Number.isInteger(gid) || uid <= 0) {
    throw new Error("As root, PostgreSQL and PgBouncer run as the postgres user, which does not exist yet: run `pnpm bench --quick` or `pnpm start` once (the embedded PostgreSQL creates it), or `useradd postgres`.");
  }
  return { uid, gid };
}
