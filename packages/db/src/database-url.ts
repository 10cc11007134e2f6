import { createDatabaseIfMissing, startEmbeddedPostgres, withDatabase, type StartOptions } from "./embedded";
import { dbEnv } from "./env";

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  /** The embedded server this call started (its postmaster and owner file), for a process that stops it by itself. */
  started: { pid: number; ownerFile: string } | null;
  stop(): Promise<void>;
}

/**
 * DATABASE_URL when set (used as is, nothing embedded starts); otherwise the
 * embedded PostgreSQL of this checkout with its `fairlance` database.
 */
export async function resolveDatabase(options: StartOptions & { database?: string } = {}): Promise<ResolvedDatabase> {
  const external = dbEnv.DATABASE_URL;
  if (external) return { url: external, embedded: false, started: null, stop: async () => undefined };
  const server = await startEmbeddedPostgres(options);
  const database = options.database ?? "fairlance";
  await createDatabaseIfMissing(server.serverUrl, database);
  const started = server.owned && server.pid !== null ? { pid: server.pid, ownerFile: server.ownerFile } : null;
  return { url: withDatabase(server.serverUrl, database), embedded: true, started, stop: () => server.stop() };
}
