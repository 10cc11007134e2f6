import { TRPCError } from "@trpc/server";
import { ZodError, type z } from "zod";
import type { DomainErrorCode } from "@fairlance/db";
import { issueMessage } from "@fairlance/db/services";
import { databaseUnavailable, isDatabaseUnavailable } from "./database-unavailable";

type TRPCCode = TRPCError["code"];

/** The one table from a domain error code to the tRPC (and so HTTP) status. */
export const DOMAIN_ERROR_STATUS: Record<DomainErrorCode, TRPCCode> = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  EMAIL_TAKEN: "CONFLICT",
  INVALID_CREDENTIALS: "UNAUTHORIZED",
  WEAK_PASSWORD: "UNPROCESSABLE_CONTENT",
  TOO_MANY_ATTEMPTS: "TOO_MANY_REQUESTS",
  IDEMPOTENCY_KEY_REUSED: "CONFLICT",
  CONFLICT: "CONFLICT",
  INSUFFICIENT_FUNDS: "UNPROCESSABLE_CONTENT",
  PAYMENT_DECLINED: "PAYMENT_REQUIRED",
  PAYMENT_METHOD_REQUIRED: "PRECONDITION_FAILED",
  ACCOUNT_SUSPENDED: "FORBIDDEN",
  INVALID_REQUEST: "BAD_REQUEST",
};

/**
 * A problem the API edge found in one field of a request before any procedure ran (a control
 * character, a bigint in hex…): the formatter reports it against that field, as zod's are.
 */
export class FieldProblem extends Error {
  constructor(
    readonly path: (string | number)[],
    message: string,
  ) {
    super(message);
    this.name = "FieldProblem";
  }

  /** zod's flattened shape: the top-level field's name → its messages. */
  get fieldErrors(): Record<string, string[]> | null {
    const field = this.path.length > 0 ? String(this.path[0]) : null;
    // A key such as "__proto__" is no field of any form (and no safe key of an object).
    if (field === null || field === "__proto__" || field === "constructor" || field === "prototype") return null;
    return { [field]: [this.message] };
  }
}

/**
 * The field problems a service names on its refusal (`details.issues`: `{ path, message }`, a path
 * such as "comment" or "facets.skills"), keyed by that path, so a form shows each beside its field:
 * the scam shield's refusal of a feedback comment, the rules' check of each facet's stars. Null
 * when there are none.
 */
export function issueFieldErrors(cause: unknown): Record<string, string[]> | null {
  const issues = (cause as { details?: { issues?: unknown } } | null)?.details?.issues;
  if (!Array.isArray(issues)) return null;
  const errors: Record<string, string[]> = {};
  for (const issue of issues as { path?: unknown; message?: unknown }[]) {
    const path = Array.isArray(issue?.path) ? issue.path.map(String).join(".") : issue?.path;
    if (typeof path !== "string" || !path || typeof issue.message !== "string") continue;
    // A key such as "__proto__" is no field of any form (and no safe key of an object).
    if (/(^|\.)(__proto__|constructor|prototype)(\.|$)/.test(path)) continue;
    (errors[path] ??= []).push(issue.message);
  }
  return Object.keys(errors).length > 0 ? errors : null;
}

/** Rule violations (from @fairlance/rules) are requests the rules refuse. */
export const RULE_VIOLATION_STATUS: TRPCCode = "UNPROCESSABLE_CONTENT";

interface CodedError {
  name: string;
  code: string;
  message: string;
}

const isCoded = (error: unknown): error is CodedError =>
  error instanceof Error && typeof (error as { code?: unknown }).code === "string";

type Issue = z.core.$ZodIssue;

const EXPECTED: Record<string, string> = {
  bigint: "a whole number of cents (a bigint)",
  number: "a number",
  int: "a whole number",
  string: "text",
  boolean: "true or false",
  date: "a date",
  object: "an object",
  array: "a list",
};
const RECEIVED: Record<string, string> = {
  string: "text",
  number: "a number",
  bigint: "a bigint",
  boolean: "a boolean",
  object: "an object",
  array: "a list",
  Date: "a date",
  "Invalid Date": "an invalid date",
};
const UNITS: Record<string, string> = { string: "characters", array: "items", set: "items", file: "bytes" };

const fieldName = (path: PropertyKey[]) =>
  path.length === 0
    ? "The request input"
    : `The field "${path.map((key, i) => (typeof key === "number" ? `[${key}]` : `${i > 0 ? "." : ""}${String(key)}`)).join("")}"`;

const bound = (issue: { origin: string; inclusive?: boolean; exact?: boolean }, value: unknown, atLeast: boolean) => {
  const unit = UNITS[issue.origin];
  // A number past JavaScript's safe integers has no exact value: say so rather than print 2^53.
  if (value === Number.MAX_SAFE_INTEGER || value === Number.MIN_SAFE_INTEGER) return atLeast ? "a sensible number (that one is far too small)" : "a sensible number (that one is far too large)";
  const number = typeof value === "number" || typeof value === "bigint" ? value.toLocaleString("en-US") : String(value);
  if (issue.exact) return `exactly ${number}${unit ? ` ${unit}` : ""}`;
  if (unit) return `${atLeast ? "at least" : "at most"} ${number} ${unit}`;
  if (issue.inclusive === false) return `${atLeast ? "above" : "below"} ${number}`;
  return `${atLeast ? "at least" : "at most"} ${number}`;
};

/** Why one issue fails, as the rest of a sentence that starts with the field's name. */
function problem(issue: Issue): string {
  switch (issue.code) {
    case "invalid_type": {
      const expected = EXPECTED[issue.expected] ?? `a ${issue.expected}`;
      const received = (issue as { received?: string }).received ?? /received (.+)$/.exec(issue.message)?.[1] ?? "something else";
      if (received === "undefined") return `is required: send ${expected}`;
      if (issue.expected === "int" && received === "number") return "must be a whole number, without a fraction";
      return `must be ${expected}, not ${RECEIVED[received] ?? received}`;
    }
    case "too_big":
      return `must be ${bound(issue, issue.maximum, false)}`;
    case "too_small":
      if (issue.origin === "string" && issue.minimum === 1) return "must not be empty";
      return `must be ${bound(issue, issue.minimum, true)}`;
    case "invalid_format":
      if (issue.format === "uuid") return "must be an id (a UUID)";
      if (issue.format === "regex") return "has characters that are not allowed";
      return `must be a valid ${issue.format.replace(/_/g, " ")}`;
    case "invalid_value":
      return issue.values.length === 1 ? `must be ${JSON.stringify(issue.values[0])}` : `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "invalid_union": {
      const options = (issue as { options?: unknown[] }).options;
      if (options?.length) return `must be one of ${options.map((v) => JSON.stringify(v)).join(", ")}`;
      return "does not match any accepted form";
    }
    case "not_multiple_of":
      return `must be a multiple of ${String(issue.divisor)}`;
    default:
      return "is not valid";
  }
}

/**
 * One readable sentence per issue. The app's schemas write their own sentences (ending with a
 * full stop); zod's defaults ("Invalid input: expected bigint, received string") do not name the
 * field, so they are rewritten to say which field and why.
 */
export function readableIssue(issue: Issue): string {
  if (/[.!?]$/.test(issue.message.trim())) return issue.message;
  // A strict schema's unknown fields, named as the services name them: `"role" is not a field you can set.`
  if (issue.code === "unrecognized_keys") return `${issueMessage(issue)} Nothing was changed.`;
  return `${fieldName(issue.path)} ${problem(issue)}.`;
}

/** A validation failure as one sentence: its first problem (all of them go in fieldErrors). */
export const readableZodError = (error: ZodError) => (error.issues[0] ? readableIssue(error.issues[0]) : "The request is not valid.");

/** Domain errors become tRPC errors with their readable message, an unreachable database a 503; anything else is left alone. */
export function toTRPCError(error: unknown): TRPCError | null {
  // A service's own validation (fields the edge schema does not carry) reads like the edge's.
  if (error instanceof ZodError) {
    return new TRPCError({ code: "BAD_REQUEST", message: readableZodError(error), cause: error });
  }
  if (isDatabaseUnavailable(error)) return databaseUnavailable(error);
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
