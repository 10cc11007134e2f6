import { TRPCError } from "@trpc/server";
import { isDatabaseUnavailable } from "@fairlance/db";

/** True when an error says the database is down, restarting or unreachable (packages/db/src/database-unavailable.ts). */
export { isDatabaseUnavailable };

export const DATABASE_UNAVAILABLE_MESSAGE =
  "The marketplace cannot reach its database right now. Please try again in a moment: sending the same request again is safe.";

/** 503 with a sentence, so a caller knows to retry (with the same idempotency key) rather than report a bug. */
export const databaseUnavailable = (cause: unknown) => new TRPCError({ code: "SERVICE_UNAVAILABLE", message: DATABASE_UNAVAILABLE_MESSAGE, cause });
