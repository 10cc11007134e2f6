/**
 * Errors a person can act on, raised by services. Each code maps to one
 * HTTP/tRPC status in apps/web/server/errors.ts; the message is shown as is.
 */
export const DOMAIN_ERROR_CODES = [
  "NOT_FOUND",
  "FORBIDDEN",
  "EMAIL_TAKEN",
  "INVALID_CREDENTIALS",
  /** A new password the password policy refuses (the message says why and what to do). */
  "WEAK_PASSWORD",
  "TOO_MANY_ATTEMPTS",
  "IDEMPOTENCY_KEY_REUSED",
  "CONFLICT",
  "INSUFFICIENT_FUNDS",
  "PAYMENT_DECLINED",
  "PAYMENT_METHOD_REQUIRED",
  "ACCOUNT_SUSPENDED",
  "INVALID_REQUEST",
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
