import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT, WEB_ROOT } from "../harness/paths";
import { distDir } from "../harness/processes";

/** What the production build is made from: the app and the packages it bundles. */
const SOURCES = [
  ...["app", "components", "features", "lib", "server", "trpc"].map((dir) => join(WEB_ROOT, dir)),
  ...["instrumentation.ts", "proxy.ts", "next.config.ts", "package.json"].map((file) => join(WEB_ROOT, file)),
  join(REPO_ROOT, "packages", "db", "src"),
  join(REPO_ROOT, "packages", "rules", "src"),
];

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "generated" || entry.name.endsWith(".test.ts")) continue;
    newest = Math.max(newest, newestChange(join(path, entry.name)));
  }
  return newest;
}

/**
 * True when the build in the chaos run's folder is missing or older than a source it is made
 * from: a chaos run must test the code as it is, not a build left from an earlier version.
 */
export function webBuildIsStale(): boolean {
  const buildId = join(WEB_ROOT, distDir(), "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.some((source) => newestChange(source) > built);
}
