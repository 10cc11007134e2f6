import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { dbEnv, webEnv } from "../env";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Where serve-e2e.ts keeps, for the server on `port`, everything the web
 * server and the runner printed, the session secret it generated (so that
 * a test can check the secret never reached the log), and the URL of its
 * database (the journeys check its ledger after each one: tests/test.ts).
 * Git-ignored data folder.
 */
export function serverFiles(port: number) {
  const dir = join(dbEnv.FAIRLANCE_DATA_DIR ?? join(repoRoot, ".data"), "e2e-logs");
  return { dir, log: join(dir, `server-${port}.log`), secret: join(dir, `server-${port}.secret`), database: join(dir, `server-${port}.database-url`) };
}

/** The production build's folder under apps/web (bench and chaos runs use their own). */
export const webRoot = join(repoRoot, "apps", "web");
export const distDir = () => webEnv.FAIRLANCE_NEXT_DIST_DIR;
