/** Prisma's codes for a database it cannot reach, or a pool it waited on too long. */
const PRISMA_UNREACHABLE = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** PostgreSQL's connection exceptions (class 08) and shutdown / start-up refusals (57P01–57P03). */
const POSTGRES_UNAVAILABLE = /^(08[0-9A-Z]{3}|57P0[1-3])$/;
const NETWORK = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH"]);
/** Prisma's driver adapter's own kinds for a socket error (its `DriverAdapterError`'s cause), which replace the code above. */
const ADAPTER_UNAVAILABLE = new Set(["ConnectionClosed", "DatabaseNotReachable", "SocketTimeout"]);
const MESSAGES =
  /Connection terminated|terminating connection due to|the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)|Can't reach database server|Client has encountered a connection error|timeout exceeded when trying to connect/i;
/** A standby cancelling a query whose rows its replay must remove (hot_standby_feedback off): the read is fine on the primary. */
const RECOVERY_CONFLICT = /conflict with recovery/i;

type ErrorLike = { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };

function matches(error: unknown, test: (e: ErrorLike) => boolean, depth = 0): boolean {
  if (error === null || typeof error !== "object" || depth > 5) return false;
  const e = error as ErrorLike;
  if (test(e)) return true;
  return matches(e.cause, test, depth + 1) || matches(e.meta?.driverAdapterError, test, depth + 1);
}

/**
 * True when an error (or what it wraps: `cause`, Prisma's `meta.driverAdapterError`) says the
 * database is down, restarting or unreachable — not that the request was wrong.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return matches(
    error,
    (e) =>
      (typeof e.code === "string" && (PRISMA_UNREACHABLE.has(e.code) || NETWORK.has(e.code) || POSTGRES_UNAVAILABLE.test(e.code))) ||
      (typeof e.kind === "string" && ADAPTER_UNAVAILABLE.has(e.kind)) ||
      (typeof e.message === "string" && MESSAGES.test(e.message)),
  );
}

/** True when a standby cancelled the query for a conflict with its WAL replay ("canceling statement due to conflict with recovery"). */
export function isRecoveryConflict(error: unknown): boolean {
  return matches(error, (e) => typeof e.message === "string" && RECOVERY_CONFLICT.test(e.message));
}
