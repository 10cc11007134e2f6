import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

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

/** Git-ignored folder holding the embedded PostgreSQL clusters. */
export function dataRoot(): string {
  return process.env.FAIRLANCE_DATA_DIR ?? join(repoRoot(), ".data");
}
