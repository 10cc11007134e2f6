/**
 * Every rule that refuses something throws a `RuleViolation` with a stable code from this list.
 * The web layer maps codes to transport errors in one table; the message is a sentence a person
 * understands and may be shown as is.
 */
export const RULE_VIOLATION_CODES = [
  // money
  "MONEY_INVALID_FORMAT",
  "MONEY_FRACTION_OF_CENT",
  "MONEY_NEGATIVE",
  "MONEY_TOO_LARGE",
  "AMOUNT_NOT_POSITIVE",
  "AMOUNT_NEGATIVE",
  "INVALID_DATE",
  // settings
  "SETTING_UNKNOWN_KEY",
  "SETTING_INVALID_VALUE",
  // fees
  "FEE_SCHEDULE_INVALID",
  "FEE_EXCEEDS_AMOUNT",
  "FEE_REFUND_EXCEEDS_BILLINGS",
  "FEE_REFUND_NEEDS_PAYMENT",
  // connects
  "INSUFFICIENT_CONNECTS",
  "CONNECTS_AMOUNT_INVALID",
  "CONNECTS_REFUND_EXCEEDS_SPEND",
  "BUNDLE_SIZE_NOT_OFFERED",
  "CONNECTS_FROM_EARNINGS_DISABLED",
  "JOB_DURATION_INVALID",
  "HOURS_INVALID",
  // lifecycles
  "JOB_TRANSITION_NOT_ALLOWED",
  "PROPOSAL_TRANSITION_NOT_ALLOWED",
  "CONTRACT_TRANSITION_NOT_ALLOWED",
  "MILESTONE_TRANSITION_NOT_ALLOWED",
  "HOURLY_WEEK_TRANSITION_NOT_ALLOWED",
  "WORK_START_GATE_CLOSED",
  "MILESTONE_BELOW_MINIMUM",
  "JOB_NOT_OPEN",
  "DUPLICATE_PROPOSAL",
  "PROPOSAL_CAP_REACHED",
  "WEEKLY_LIMIT_EXCEEDED",
  "CONTRACT_NOT_ACTIVE",
  // timeline
  "DISPUTE_WINDOW_CLOSED",
  // disputes
  "DISPUTE_SPLIT_INVALID",
  "CHANGE_REQUESTS_USED_UP",
  // withdrawals
  "WITHDRAWAL_BELOW_MINIMUM",
  "WITHDRAWAL_EXCEEDS_AVAILABLE",
  "WITHDRAWAL_NOT_ABOVE_FEE",
  "WITHDRAWAL_NET_TOO_SMALL",
  "PAYOUT_METHOD_NOT_YET_USABLE",
  // reputation
  "FEEDBACK_NOT_ALLOWED",
  "FEEDBACK_NOT_EDITABLE",
  "FEEDBACK_REPLY_NOT_ALLOWED",
  "FEEDBACK_RATING_INVALID",
  "JSS_CONTRACT_INVALID",
  // ledger
  "LEDGER_TRANSFER_INVALID",
  "LEDGER_UNBALANCED",
  "LEDGER_ACCOUNT_KEY_INVALID",
] as const;

export type RuleViolationCode = (typeof RULE_VIOLATION_CODES)[number];

export type RuleViolationDetails = Readonly<Record<string, unknown>>;

export class RuleViolation extends Error {
  readonly code: RuleViolationCode;
  readonly details: RuleViolationDetails;

  constructor(code: RuleViolationCode, message: string, details: RuleViolationDetails = {}) {
    super(message);
    this.name = "RuleViolation";
    this.code = code;
    this.details = details;
  }

  /** A JSON-safe form (details may hold bigints and dates, which JSON cannot carry as they are). */
  toJSON(): { name: string; code: RuleViolationCode; message: string; details: Record<string, unknown> } {
    return { name: this.name, code: this.code, message: this.message, details: jsonSafe(this.details) as Record<string, unknown> };
  }
}

function jsonSafe(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, jsonSafe(item)]));
  }
  return value;
}

export function isRuleViolation(error: unknown, code?: RuleViolationCode): error is RuleViolation {
  return error instanceof RuleViolation && (code === undefined || error.code === code);
}
