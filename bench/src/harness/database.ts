import { join } from "node:path";
import { createDatabaseIfMissing, migrate, startEmbeddedPostgres, withDatabase, type EmbeddedDatabase } from "@fairlance/db/setup";
import { BENCH_DATA } from "./paths";

export interface BenchDatabase {
  /** Connection string of the migrated database. */
  url: string;
  /** Connection string of the server's maintenance database (to create more databases). */
  serverUrl: string;
  server: EmbeddedDatabase;
  stop(): Promise<void>;
}

/**
 * Its own embedded PostgreSQL cluster (in `.data/bench/<name>`, on a free port)
 * with one freshly migrated database, so a run never touches the demo data.
 */
export async function startBenchDatabase(name: string, database = "fairlance_bench"): Promise<BenchDatabase> {
  const server = await startEmbeddedPostgres({ dataDir: join(BENCH_DATA, name), port: 0, log: () => undefined });
  await createDatabaseIfMissing(server.serverUrl, database);
  const url = withDatabase(server.serverUrl, database);
  await migrate(url, { log: () => undefined });
  return { url, serverUrl: server.serverUrl, server, stop: () => server.stop() };
}
