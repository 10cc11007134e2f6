// Runs `prisma generate` offline. Prisma 7's CLI insists on a native schema
// engine binary even though generation itself runs on wasm; the binary cannot
// be downloaded here, so we point it at a stub that is never really used.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const stub = join(root, "scripts", "schema-engine-stub.sh");
if (existsSync(stub)) chmodSync(stub, 0o755);

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = stub;

const prismaBin = join(root, "node_modules", ".bin", "prisma");
if (!existsSync(prismaBin)) {
  console.log("[db] prisma CLI not installed yet; skipping generate");
  process.exit(0);
}
const result = spawnSync(prismaBin, ["generate"], { cwd: root, env, stdio: "inherit" });
process.exit(result.status ?? 1);
