import { createHash } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { dbEnv } from "./env";

/** packages/db */
export const DB_PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const MIGRATIONS_DIR = join(DB_PACKAGE_ROOT, "prisma", "migrations");
export const SCHEMA_PATH = join(DB_PACKAGE_ROOT, "prisma", "schema.prisma");

/** The monorepo root: the nearest ancestor holding pnpm-workspace.yaml. */
export function repoRoot(): string {
  let dir = DB_PACKAGE_ROOT;
  while (!existsSync(join(dir, "pnpm-workspace.yaml"))) {
    const parent = dirname(dir);
    if (parent === dir) return DB_PACKAGE_ROOT;
    dir = parent;
  }
  return dir;
}

/** Git-ignored folder of the generated session secret, logs and (usually) the embedded clusters. */
export function dataRoot(): string {
  return dbEnv.FAIRLANCE_DATA_DIR ?? join(repoRoot(), ".data");
}

/** Where clusters go when root's checkout is out of the postgres user's reach (e.g. under /root). */
export const UNREACHABLE_FALLBACK_BASE = "/var/lib/fairlance";

export interface ClusterRootChoice {
  root: string;
  /** The folder the postgres user could not enter, when the clusters were moved away from it. */
  unreachable: string | null;
}

/**
 * Where the embedded clusters live. Root runs PostgreSQL as the `postgres`
 * user, which must walk down every folder to its data: when the data root is
 * out of its reach and was not chosen explicitly (FAIRLANCE_DATA_DIR), the
 * clusters move to `<fallbackBase>/<hash of the data root>`, the same folder
 * on every run from that checkout. Pure: the traversal check is passed in.
 */
export function chooseClusterRoot(
  dataRootPath: string,
  options: { explicit: boolean; runsAsRoot: boolean; canTraverse: (dir: string) => boolean; fallbackBase: string },
): ClusterRootChoice {
  const root = resolve(dataRootPath);
  if (options.explicit || !options.runsAsRoot) return { root, unreachable: null };
  const blocked = firstUntraversable(root, options.canTraverse);
  if (blocked === null) return { root, unreachable: null };
  const hash = createHash("sha256").update(root).digest("hex").slice(0, 12);
  return { root: join(options.fallbackBase, hash), unreachable: blocked };
}

/** The outermost folder on the way down to `path` (itself included) that `canTraverse` refuses. */
export function firstUntraversable(path: string, canTraverse: (dir: string) => boolean): string | null {
  const chain: string[] = [];
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    chain.unshift(dir);
    if (dir === dirname(dir)) break;
  }
  return chain.find((dir) => !canTraverse(dir)) ?? null;
}

/** Whether a user other than the owner may enter `dir` (a folder not made yet will be made 0755). */
export function othersCanTraverse(dir: string): boolean {
  if (!existsSync(dir)) return true;
  return (statSync(dir).mode & 0o001) !== 0;
}

/**
 * The folder of the embedded clusters on this machine (see chooseClusterRoot):
 * under `root` if given, else under dataRoot() (FAIRLANCE_DATA_DIR is taken as is).
 */
export function clusterRoot(root?: string): ClusterRootChoice {
  return chooseClusterRoot(root ?? dataRoot(), {
    explicit: root === undefined && dbEnv.FAIRLANCE_DATA_DIR !== undefined,
    runsAsRoot: process.getuid?.() === 0,
    canTraverse: othersCanTraverse,
    fallbackBase: UNREACHABLE_FALLBACK_BASE,
  });
}
