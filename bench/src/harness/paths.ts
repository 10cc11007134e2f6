import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { dbEnv } from "../env";

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const WEB_ROOT = join(REPO_ROOT, "apps", "web");
/** Git-ignored scratch space for clusters and reports of bench and chaos runs. */
export const BENCH_DATA = join(dbEnv.FAIRLANCE_DATA_DIR ?? join(REPO_ROOT, ".data"), "bench");
