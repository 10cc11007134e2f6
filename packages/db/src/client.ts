import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma, PrismaClient } from "./generated/prisma/client";
import { dbEnv } from "./env";

export { Prisma, PrismaClient };
export type * from "./generated/prisma/client";

/** The client handed to code running inside `prisma.$transaction(async (tx) => …)`. */
export type Tx = Prisma.TransactionClient;
/** Either the root client or a transaction: read helpers accept both. */
export type Db = PrismaClient | Tx;

export function createPrismaClient(connectionString: string, options: { max?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: options.max ?? 10 });
  return new PrismaClient({ adapter });
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
