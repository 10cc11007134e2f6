import { Prisma, type PrismaClient, type Tx } from "./client";

// PostgreSQL: serialization failure, deadlock. Prisma: write conflict, tx timed out waiting.
const RETRYABLE_SQLSTATE = new Set(["40001", "40P01"]);
const RETRYABLE_PRISMA = new Set(["P2034"]);

function isRetryable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (RETRYABLE_PRISMA.has(error.code)) return true;
    const sqlState = (error.meta as { code?: string } | undefined)?.code;
    if (sqlState && RETRYABLE_SQLSTATE.has(sqlState)) return true;
  }
  const message = error instanceof Error ? error.message : "";
  return /could not serialize access|deadlock detected|40001|40P01/.test(message);
}

export interface TransactionOptions {
  attempts?: number;
  isolationLevel?: Prisma.TransactionIsolationLevel;
}

/**
 * READ COMMITTED is PostgreSQL's own level for a transaction that names none, so it is not asked
 * for: naming it costs a `SET TRANSACTION` round trip after every BEGIN. Every operation is written
 * for it (explicit row locks, retries below), and is as correct at a stricter level, should a
 * database be configured with one. Another level is asked for when an operation names it.
 */
const isolation = (level: Prisma.TransactionIsolationLevel | undefined): { isolationLevel?: Prisma.TransactionIsolationLevel } =>
  level && level !== Prisma.TransactionIsolationLevel.ReadCommitted ? { isolationLevel: level } : {};

/**
 * One database transaction per operation. Locks are taken explicitly
 * (SELECT … FOR UPDATE) by the services; a serialization failure or deadlock
 * rolls everything back and the whole operation runs again.
 */
export async function runTransaction<T>(prisma: PrismaClient, fn: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 8;
  for (let attempt = 1; ; attempt++) {
    try {
      return await prisma.$transaction(fn, { ...isolation(options.isolationLevel), maxWait: 60_000, timeout: 60_000 });
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}
