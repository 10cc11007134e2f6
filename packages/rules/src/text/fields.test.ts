import { describe, expect, it } from "vitest";
import { FIELD_TEXT } from "./fields";

describe("FIELD_TEXT: each refused field's sentence, written once", () => {
  it("names the amount and says its bounds in dollars", () => {
    expect(FIELD_TEXT.amountInCents("bonus")).toBe("Enter the bonus in cents.");
    expect(FIELD_TEXT.amountNotPositive("bonus")).toBe("The bonus must be more than $0.00.");
    expect(FIELD_TEXT.amountTooLarge("milestone amount")).toBe("The milestone amount cannot be more than $100,000,000.00.");
  });

  it("gives text limits with thousands separators", () => {
    expect(FIELD_TEXT.textTooLong(500)).toBe("Keep it to at most 500 characters.");
    expect(FIELD_TEXT.textTooLong(10_000)).toBe("Keep it to at most 10,000 characters.");
    expect(FIELD_TEXT.milestoneTitleTooLong(200)).toBe("Milestone titles are at most 200 characters.");
    expect(FIELD_TEXT.milestoneTitleMissing).toBe("Give the milestone a title.");
    expect(FIELD_TEXT.weeklyLimitWholeHours).toBe("Enter the weekly limit as whole hours.");
  });
});
