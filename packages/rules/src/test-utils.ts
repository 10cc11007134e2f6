import { expect } from "vitest";
import { isRuleViolation, type RuleViolationCode } from "./errors";

/** Runs `run` and returns the RuleViolation code it threw, or undefined when it did not throw. */
export function violationCode(run: () => unknown): RuleViolationCode | undefined {
  try {
    run();
  } catch (error) {
    if (isRuleViolation(error)) return error.code;
    throw error;
  }
  return undefined;
}

export function expectViolation(run: () => unknown, code: RuleViolationCode): void {
  expect(violationCode(run)).toBe(code);
}

export const utc = (iso: string): Date => new Date(iso.includes("T") ? iso : `${iso}T00:00:00.000Z`);
