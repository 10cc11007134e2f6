import { TRPCError } from "@trpc/server";

/** Prisma's codes for a database it cannot reach, or a pool it waited on too long. */
const PRISMA_UNREACHABLE = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** PostgreSQL's connection exceptions (class 08) and shutdown / start-up refusals (57P01–57P03). */
const POSTGRES_UNAVAILABLE = /^(08[0-9A-Z]{3}|57P0[1-3])$/;
const NETWORK = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH"]);
const MESSAGES =
  /Connection terminated|terminating connection due to|the database system is (starting up|shutting down|in recovery mode)|Can't reach database server|Client has encountered a connection error/i;

export const DATABASE_UNAVAILABLE_MESSAGE =
  "The marketplace cannot reach its database right now. Please try again in a moment: sending the same request again is safe.";

/**
 * True when an error (or what it wraps: `cause`, Prisma's `meta.driverAdapterError`) says the
 * database is down, restarting or unreachable — not that the request was wrong.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (error === null || typeof error !== "object" || depth > 5) return false;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
  if (typeof e.code === "string" && (PRISMA_UNREACHABLE.has(e.code) || NETWORK.has(e.code) || POSTGRES_UNAVAILABLE.test(e.code))) return true;
  if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
  return isDatabaseUnavailable(e.cause, depth + 1) || isDatabaseUnavailable(e.meta?.driverAdapterError, depth + 1);
}

/** 503 with a sentence, so a caller knows to retry (with the same idempotency key) rather than report a bug. */
export const databaseUnavailable = (cause: unknown) => new TRPCError({ code: "SERVICE_UNAVAILABLE", message: DATABASE_UNAVAILABLE_MESSAGE, cause });
