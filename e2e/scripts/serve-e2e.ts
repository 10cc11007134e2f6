// Serves the production build of apps/web for Playwright on a brand-new
// database (its own embedded cluster, or a new database on DATABASE_URL's
// server), with the demo accounts seeded into it.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  createDatabaseIfMissing,
  createPrismaClient,
  dropDatabase,
  migrate,
  seedDemo,
  startEmbeddedPostgres,
  withDatabase,
} from "@fairlance/db/setup";

const webRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "apps", "web");
if (!existsSync(join(webRoot, ".next", "BUILD_ID"))) {
  console.error("apps/web has no production build. Run `pnpm build` (or `pnpm e2e`, which builds first).");
  process.exit(1);
}

const port = Number(process.env.E2E_PORT ?? 3100);
const server = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ name: "e2e", port: 0, log: () => undefined });
const serverUrl = server?.serverUrl ?? withDatabase(process.env.DATABASE_URL!, "postgres");
const database = `fairlance_e2e_${process.pid}`;
await createDatabaseIfMissing(serverUrl, database);
const url = withDatabase(serverUrl, database);
await migrate(url);
const prisma = createPrismaClient(url, { max: 2 });
await seedDemo(prisma, new Date());
await prisma.$disconnect();

// The journeys play weeks in seconds: the movable demo clock and the job runner.
const env = {
  ...process.env,
  DATABASE_URL: url,
  NEXTAUTH_URL: `http://localhost:${port}`,
  NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
  NEXT_TELEMETRY_DISABLED: "1",
  FAIRLANCE_MOVABLE_CLOCK: "1",
};
const runner = spawn(join(webRoot, "node_modules", ".bin", "tsx"), [join(webRoot, "..", "..", "packages", "db", "src", "cli", "runner.ts")], {
  stdio: "inherit",
  env,
});
const child = spawn(join(webRoot, "node_modules", ".bin", "next"), ["start", "-p", String(port)], { cwd: webRoot, stdio: "inherit", env });

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  for (const proc of [child, runner]) {
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill("SIGTERM");
      await new Promise((resolve) => proc.once("exit", resolve));
    }
  }
  await dropDatabase(serverUrl, database).catch(() => undefined);
  await server?.stop();
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
child.on("exit", () => void stop());
