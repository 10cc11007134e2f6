import { describe, expect, it } from "vitest";
import { bidWarning, withdrawalWarning } from "./warnings";

const fixed = (budgetMinor: bigint) => ({ type: "FIXED" as const, budgetMinor, hourlyMinMinor: null });
const hourly = (hourlyMinMinor: bigint) => ({ type: "HOURLY" as const, budgetMinor: null, hourlyMinMinor });

describe("bidWarning (economy.md §12.1)", () => {
  it("warns under a quarter of a fixed budget, not at it", () => {
    expect(bidWarning(24_999n, fixed(100_000n))).toMatchObject({ code: "BID_BELOW_BUDGET_SHARE" });
    expect(bidWarning(24_999n, fixed(100_000n))?.sentence).toBe(
      "$249.99 is under a quarter of the client's $1,000.00 budget. Your bid is what you are paid for the whole job: check the amount before you send it.",
    );
    expect(bidWarning(25_000n, fixed(100_000n))).toBeNull();
    expect(bidWarning(150_000n, fixed(100_000n))).toBeNull();
  });

  it("warns under half an hourly job's lowest rate", () => {
    expect(bidWarning(999n, hourly(2_000n))).toMatchObject({ code: "BID_BELOW_RATE_SHARE" });
    expect(bidWarning(999n, hourly(2_000n))?.sentence).toContain("$9.99 an hour is under half the client's lowest rate of $20.00.");
    expect(bidWarning(1_000n, hourly(2_000n))).toBeNull();
  });

  it("warns under the $5.00 floor whatever the budget", () => {
    expect(bidWarning(499n, fixed(1_000n))).toMatchObject({ code: "BID_BELOW_FLOOR", sentence: "$4.99 is a very small bid. Check the amount before you send it." });
    expect(bidWarning(300n, hourly(400n))).toMatchObject({ code: "BID_BELOW_FLOOR", sentence: "$3.00 an hour is a very small bid. Check the amount before you send it." });
    expect(bidWarning(500n, fixed(1_000n))).toBeNull();
    expect(bidWarning(499n, { type: "FIXED", budgetMinor: null, hourlyMinMinor: null })).toMatchObject({ code: "BID_BELOW_FLOOR" });
  });

  it("leaves what is not a bid to the form's refusal", () => {
    expect(bidWarning(0n, fixed(100_000n))).toBeNull();
  });
});

describe("withdrawalWarning (economy.md §12.2)", () => {
  it("warns when the fee takes 20% or more", () => {
    expect(withdrawalWarning({ amountMinor: 1_000n, feeMinor: 200n })).toEqual({
      code: "WITHDRAWAL_FEE_SHARE",
      sentence: "The $2.00 fee takes 20% of this withdrawal: $8.00 of the $10.00 reaches you. Withdrawing more at once, or by a method with a smaller fee, loses less.",
    });
    expect(withdrawalWarning({ amountMinor: 10_000n, feeMinor: 3_000n })?.sentence).toContain("takes 30% of this withdrawal: $70.00 of the $100.00");
    expect(withdrawalWarning({ amountMinor: 1_001n, feeMinor: 200n })).toBeNull();
  });

  it("says nothing without a fee, or where the rules refuse (not above the fee)", () => {
    expect(withdrawalWarning({ amountMinor: 100n, feeMinor: 0n })).toBeNull();
    expect(withdrawalWarning({ amountMinor: 200n, feeMinor: 200n })).toBeNull();
    expect(withdrawalWarning({ amountMinor: 0n, feeMinor: 200n })).toBeNull();
  });

  it("rounds the share half up to a whole percent", () => {
    // $2.00 of $3.00 is 66.67%.
    expect(withdrawalWarning({ amountMinor: 300n, feeMinor: 200n })?.sentence).toContain("takes 67%");
  });
});
