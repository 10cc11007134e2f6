import { Prisma, type PrismaClient, type Tx } from "./client";
import { sqlTransaction, type SqlTx } from "./sql";

// PostgreSQL: serialization failure, deadlock. Prisma: write conflict, tx timed out waiting.
const RETRYABLE_SQLSTATE = new Set(["40001", "40P01"]);
const RETRYABLE_PRISMA = new Set(["P2034"]);

function isRetryable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (RETRYABLE_PRISMA.has(error.code)) return true;
    const sqlState = (error.meta as { code?: string } | undefined)?.code;
    if (sqlState && RETRYABLE_SQLSTATE.has(sqlState)) return true;
  }
  // pg's own error (sqlTransaction), with PostgreSQL's code.
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && RETRYABLE_SQLSTATE.has(code)) return true;
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
  return withRetries(options, () => prisma.$transaction(fn, { ...isolation(options.isolationLevel), maxWait: 60_000, timeout: 60_000 }));
}

/**
 * `runTransaction` for an operation whose statements are all raw SQL (`tx.$queryRaw`), on the
 * marketplace's hottest paths: the same transaction and retries without Prisma's client in
 * between (sql.ts; CONTRIBUTING, "Transactions of raw SQL").
 */
export async function runSqlTransaction<T>(prisma: PrismaClient, fn: (tx: SqlTx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  return withRetries(options, () => sqlTransaction(prisma, fn, isolation(options.isolationLevel).isolationLevel));
}

async function withRetries<T>(options: TransactionOptions, attempt: () => Promise<T>): Promise<T> {
  const attempts = options.attempts ?? 8;
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (n >= attempts || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * n));
    }
  }
}
