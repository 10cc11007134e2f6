import { join } from "node:path";
import { createDatabaseIfMissing, dropDatabase, migrate, startEmbeddedPostgres, withDatabase, type EmbeddedDatabase } from "@fairlance/db/setup";
import { BENCH_DATA } from "./paths";

export interface BenchDatabase {
  /** Connection string of the migrated database. */
  url: string;
  /** Connection string of the server's maintenance database (to create more databases). */
  serverUrl: string;
  server: EmbeddedDatabase;
  stop(): Promise<void>;
}

export interface BenchDatabaseOptions {
  /**
   * A fixed port, so that a server killed on purpose (chaos runs) restarts where its
   * clients look for it. Defaults to any free port.
   */
  port?: number;
  /** Drop the database first, so the run starts from an empty, freshly migrated one. */
  fresh?: boolean;
}

/** The folder of a run's cluster: `.data/bench/<name>`. */
export const benchClusterDir = (name: string) => join(BENCH_DATA, name);

/**
 * Its own embedded PostgreSQL cluster (in `.data/bench/<name>`, on a free port)
 * with one freshly migrated database, so a run never touches the demo data.
 */
export async function startBenchDatabase(name: string, database = "fairlance_bench", options: BenchDatabaseOptions = {}): Promise<BenchDatabase> {
  const server = await startEmbeddedPostgres({ dataDir: benchClusterDir(name), port: options.port ?? 0, log: () => undefined });
  if (options.fresh) await dropDatabase(server.serverUrl, database);
  await createDatabaseIfMissing(server.serverUrl, database);
  const url = withDatabase(server.serverUrl, database);
  await migrate(url, { log: () => undefined });
  return { url, serverUrl: server.serverUrl, server, stop: () => server.stop() };
}
