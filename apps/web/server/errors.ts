import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import type { DomainErrorCode } from "@fairlance/db";

type TRPCCode = TRPCError["code"];

/** The one table from a domain error code to the tRPC (and so HTTP) status. */
export const DOMAIN_ERROR_STATUS: Record<DomainErrorCode, TRPCCode> = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  EMAIL_TAKEN: "CONFLICT",
  INVALID_CREDENTIALS: "UNAUTHORIZED",
  TOO_MANY_ATTEMPTS: "TOO_MANY_REQUESTS",
  IDEMPOTENCY_KEY_REUSED: "CONFLICT",
  CONFLICT: "CONFLICT",
  INSUFFICIENT_FUNDS: "UNPROCESSABLE_CONTENT",
  PAYMENT_DECLINED: "PAYMENT_REQUIRED",
  PAYMENT_METHOD_REQUIRED: "PRECONDITION_FAILED",
  ACCOUNT_SUSPENDED: "FORBIDDEN",
  INVALID_REQUEST: "BAD_REQUEST",
};

/** Rule violations (from @fairlance/rules) are requests the rules refuse. */
export const RULE_VIOLATION_STATUS: TRPCCode = "UNPROCESSABLE_CONTENT";

interface CodedError {
  name: string;
  code: string;
  message: string;
}

const isCoded = (error: unknown): error is CodedError =>
  error instanceof Error && typeof (error as { code?: unknown }).code === "string";

/** Domain errors become tRPC errors with their readable message; anything else is left alone. */
export function toTRPCError(error: unknown): TRPCError | null {
  // A service's own validation (fields the edge schema does not carry) reads like the edge's.
  if (error instanceof ZodError) {
    return new TRPCError({ code: "BAD_REQUEST", message: error.issues[0]?.message ?? "The request is not valid.", cause: error });
  }
  if (!isCoded(error)) return null;
  if (error.name === "DomainError") {
    const code = DOMAIN_ERROR_STATUS[error.code as DomainErrorCode] ?? "BAD_REQUEST";
    return new TRPCError({ code, message: error.message, cause: error });
  }
  if (error.name === "RuleViolation") {
    return new TRPCError({ code: RULE_VIOLATION_STATUS, message: error.message, cause: error });
  }
  return null;
}
