// Compiles the TypeScript of the long-lived Node processes once, with esbuild, so that they run
// as plain `node` (no compiler loaded in them, no tsx parent process):
//
//   packages/db/dist/runner.mjs    the job runner            (src/cli/runner.ts)
//   packages/db/dist/prepare.mjs   pnpm start's one-shot step (apps/web/scripts/prepare.ts)
//   packages/db/dist/serve.mjs     pnpm start's supervisor   (apps/web/scripts/serve.ts)
//   packages/db/dist/web.mjs       the production web server (apps/web/scripts/web-server.ts;
//                                  it loads Next and the build from apps/web at run time)
//
// The workspace's TypeScript (@fairlance/db, @fairlance/rules, the script) is bundled; every
// package from node_modules stays an import, resolved at run time from packages/db (which
// depends on all of them; the bundles live in its git-ignored dist/ for that reason).
// Each file is written to a temporary name and renamed, so a run of bench, e2e or chaos that
// compiles at the same moment never loads half a file. Takes about a second.
//
//   node packages/db/scripts/compile.mjs            all four
//   node packages/db/scripts/compile.mjs runner     some of them
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const DB_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const DIST = join(DB_ROOT, "dist");
export const ENTRIES = {
  runner: join(DB_ROOT, "src", "cli", "runner.ts"),
  prepare: join(DB_ROOT, "..", "..", "apps", "web", "scripts", "prepare.ts"),
  serve: join(DB_ROOT, "..", "..", "apps", "web", "scripts", "serve.ts"),
  web: join(DB_ROOT, "..", "..", "apps", "web", "scripts", "web-server.ts"),
};

/** Bundles only the workspace's own packages; anything else from node_modules stays external. */
const nodeModulesExternal = {
  name: "node-modules-external",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith("@fairlance/") ? undefined : { path: args.path, external: true }));
  },
};

export async function compile(names = Object.keys(ENTRIES)) {
  const result = await build({
    entryPoints: Object.fromEntries(names.map((name) => [name, ENTRIES[name]])),
    outdir: DIST,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    plugins: [nodeModulesExternal],
    write: false,
    logLevel: "warning",
    legalComments: "none",
  });
  mkdirSync(DIST, { recursive: true });
  for (const file of result.outputFiles) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const names = process.argv.slice(2);
  const unknown = names.filter((name) => !(name in ENTRIES));
  if (unknown.length) {
    console.error(`[compile] unknown entry ${unknown.join(", ")}; known: ${Object.keys(ENTRIES).join(", ")}`);
    process.exit(2);
  }
  try {
    await compile(names.length ? names : undefined);
  } catch (error) {
    console.error(`[compile] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
