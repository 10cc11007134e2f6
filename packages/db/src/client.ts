import { Prisma, PrismaClient } from "./generated/prisma/client";
import { dbEnv } from "./env";
import { statementNames } from "./prepared";
import { FairlancePg, registerAdapter } from "./sql";
import { ReplicaReads, type StaleRead } from "./replica";

export { ReplicaReads, type ReplicaReadsOptions, type ReplicaState, type StaleRead } from "./replica";

export { Prisma, PrismaClient };
export type * from "./generated/prisma/client";

/** The client handed to code running inside `prisma.$transaction(async (tx) => …)`. */
export type Tx = Prisma.TransactionClient;
/** Either the root client or a transaction: read helpers accept both. */
export type Db = PrismaClient | Tx;

export function createPrismaClient(connectionString: string, options: { max?: number; connectionTimeoutMillis?: number; preparedStatements?: boolean } = {}): PrismaClient {
  const prepare = options.preparedStatements ?? dbEnv.FAIRLANCE_PREPARED_STATEMENTS === "1";
  const adapter = new FairlancePg(
    { connectionString, max: options.max ?? 10, ...(options.connectionTimeoutMillis ? { connectionTimeoutMillis: options.connectionTimeoutMillis } : {}) },
    prepare ? statementNames() : null,
  );
  const client = new PrismaClient({ adapter });
  registerAdapter(client, adapter); // sqlTransaction runs on the same pool, with the same statement names
  return client;
}

const globalForPrisma = globalThis as unknown as { fairlancePrisma?: PrismaClient };

/**
 * The process-wide client for DATABASE_URL. The start scripts set DATABASE_URL
 * (to the embedded PostgreSQL when the person did not set one).
 */
export function getPrisma(): PrismaClient {
  if (!globalForPrisma.fairlancePrisma) {
    const url = dbEnv.DATABASE_URL;
    if (!url) {
      throw new Error(
        "DATABASE_URL is not set. Start the app with `pnpm start` or `pnpm dev` (they start the embedded PostgreSQL), or set DATABASE_URL.",
      );
    }
    globalForPrisma.fairlancePrisma = createPrismaClient(url);
  }
  return globalForPrisma.fairlancePrisma;
}

const globalForReplica = globalThis as unknown as { fairlanceReplica?: ReplicaReads | null };

/**
 * The process-wide replica routing for DATABASE_REPLICA_URL (replica.ts), made on first use;
 * null when the variable is unset (then nothing is made: no second pool).
 */
export function replicaReads(): ReplicaReads | null {
  if (globalForReplica.fairlanceReplica === undefined) {
    const url = dbEnv.DATABASE_REPLICA_URL;
    globalForReplica.fairlanceReplica = url ? new ReplicaReads({ url }) : null;
  }
  return globalForReplica.fairlanceReplica;
}

/**
 * The one way to say "this read may be stale" (CONTRIBUTING, "A read model"): `read` runs on the
 * replica when DATABASE_REPLICA_URL is set and the replica is up, on `primary` otherwise, and again
 * on `primary` at once when the replica fails to answer.
 */
export function staleRead<T>(primary: PrismaClient, read: StaleRead<T>): Promise<T> {
  const replica = replicaReads();
  return replica ? replica.read(primary, read) : read(primary);
}
