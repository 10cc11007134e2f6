import { describe, expect, it } from "vitest";
import { expectViolation, utc } from "../test-utils";
import { agedAvailableMinor, autoWithdrawalDecision, isAutoWithdrawalDay, nextAutoWithdrawalDate, type AutoWithdrawalSchedule } from "./auto-withdrawal";
import { DEFAULT_SETTINGS } from "../settings/defaults";
import { RuleViolation } from "../errors";
import { checkWithdrawalAmount, isPayoutMethodUsable, payoutMethodFee, payoutMethodUsableAt, planManualWithdrawal, smallestWithdrawal } from "./withdrawals";

const now = utc("2024-06-10T12:00:00Z");
const paypal = { kind: "paypal", usableFrom: payoutMethodUsableAt(utc("2024-06-01")) } as const;

describe("manual withdrawal (economy.md §4)", () => {
  it("deducts the method fee from the amount", () => {
    expect(planManualWithdrawal({ amountMinor: 10_000n, availableMinor: 10_000n, method: paypal, now })).toEqual({
      amountMinor: 10_000n,
      feeMinor: 200n,
      netMinor: 9_800n,
    });
    expect(planManualWithdrawal({ amountMinor: 100n, availableMinor: 500n, method: { ...paypal, kind: "ach" }, now })).toEqual({
      amountMinor: 100n,
      feeMinor: 0n,
      netMinor: 100n,
    });
  });

  it.each([
    [0n, 1_000n, paypal, "AMOUNT_NOT_POSITIVE"],
    [99n, 1_000n, { ...paypal, kind: "ach" }, "WITHDRAWAL_BELOW_MINIMUM"],
    [1_001n, 1_000n, paypal, "WITHDRAWAL_EXCEEDS_AVAILABLE"],
    [500n, -5n, paypal, "WITHDRAWAL_EXCEEDS_AVAILABLE"],
    [200n, 1_000n, paypal, "WITHDRAWAL_NOT_ABOVE_FEE"],
    [3_000n, 5_000n, { ...paypal, kind: "wire" }, "WITHDRAWAL_NOT_ABOVE_FEE"],
    [500n, 1_000n, { kind: "ach", usableFrom: payoutMethodUsableAt(utc("2024-06-08T12:00:01Z")) }, "PAYOUT_METHOD_NOT_YET_USABLE"],
  ] as const)("refuses %s of %s available", (amountMinor, availableMinor, method, code) => {
    expectViolation(() => planManualWithdrawal({ amountMinor, availableMinor, method, now }), code);
  });

  it("refuses a withdrawal that pays less than the smallest useful payout, saying the net and the minimum", () => {
    // $2.01 to PayPal would pay $0.01 after its $2.00 fee.
    expectViolation(() => planManualWithdrawal({ amountMinor: 201n, availableMinor: 1_000n, method: paypal, now }), "WITHDRAWAL_NET_TOO_SMALL");
    try {
      planManualWithdrawal({ amountMinor: 201n, availableMinor: 1_000n, method: paypal, now });
    } catch (error) {
      expect((error as RuleViolation).message).toBe(
        "This withdrawal would pay $0.01 after the method's $2.00 fee; a withdrawal must pay at least $1.00. Withdraw $3.00 or more to this method.",
      );
    }
    expect(planManualWithdrawal({ amountMinor: 300n, availableMinor: 1_000n, method: paypal, now }).netMinor).toBe(100n);
    // The admin's minimum decides; at $0 any amount above the fee pays.
    const settings = { ...DEFAULT_SETTINGS, minWithdrawalNetMinor: 0n };
    expect(planManualWithdrawal({ amountMinor: 201n, availableMinor: 1_000n, method: paypal, now, settings }).netMinor).toBe(1n);
  });

  it("names the smallest withdrawal to each method", () => {
    expect(smallestWithdrawal("ach")).toBe(100n);
    expect(smallestWithdrawal("paypal")).toBe(300n);
    expect(smallestWithdrawal("wire")).toBe(3_100n);
    expect(smallestWithdrawal("ach", { ...DEFAULT_SETTINGS, withdrawalMinimumMinor: 500n })).toBe(500n);
  });

  it("makes a payout method usable 3 days after it is added", () => {
    expect(payoutMethodUsableAt(utc("2024-06-07T12:00:00Z"))).toEqual(now);
    expect(isPayoutMethodUsable({ usableFrom: payoutMethodUsableAt(utc("2024-06-07T12:00:00Z")) }, now)).toBe(true);
    expect(payoutMethodFee("local_bank")).toBe(99n);
    expect(payoutMethodFee("instant")).toBe(200n);
  });
});

describe("automatic withdrawal schedules", () => {
  it.each<[AutoWithdrawalSchedule, string, string]>([
    ["weekly", "2024-05-13", "2024-05-15"],
    ["weekly", "2024-05-15T00:00:00Z", "2024-05-22"], // a run day's own start is not "after now"
    ["weekly", "2024-05-14T23:59:59Z", "2024-05-15"],
    ["twice_monthly", "2024-05-01T08:00:00Z", "2024-05-15"],
    ["twice_monthly", "2024-05-15T08:00:00Z", "2024-06-05"],
    ["twice_monthly", "2024-04-30", "2024-05-01"],
    ["monthly", "2024-05-01", "2024-05-29"],
    ["monthly", "2024-05-29T01:00:00Z", "2024-06-26"],
    ["quarterly", "2024-05-01", "2024-06-26"],
    ["quarterly", "2024-06-26T01:00:00Z", "2024-09-25"],
    ["quarterly", "2024-12-25T01:00:00Z", "2025-03-26"],
  ])("%s after %s is %s", (schedule, from, next) => {
    expect(nextAutoWithdrawalDate(schedule, utc(from))).toEqual(utc(next));
  });

  it("knows its run days", () => {
    expect(isAutoWithdrawalDay("weekly", utc("2024-05-22T17:00:00Z"))).toBe(true);
    expect(isAutoWithdrawalDay("weekly", utc("2024-05-23"))).toBe(false);
    expect(isAutoWithdrawalDay("twice_monthly", utc("2024-05-08"))).toBe(false);
    expect(isAutoWithdrawalDay("monthly", utc("2024-05-22"))).toBe(false);
    expect(isAutoWithdrawalDay("quarterly", utc("2024-05-29"))).toBe(false);
    expect(isAutoWithdrawalDay("quarterly", utc("2024-12-25"))).toBe(true);
  });

  it("pays the whole balance at or above the threshold, never below the $100 floor", () => {
    const base = { agedMinor: 0n, methodKind: "paypal", freelancerThresholdMinor: 5_000n } as const;
    expect(autoWithdrawalDecision({ ...base, availableMinor: 10_000n })).toEqual({
      payout: true,
      reason: "threshold_met",
      amountMinor: 10_000n,
      feeMinor: 200n,
      netMinor: 9_800n,
      thresholdMinor: 10_000n,
    });
    expect(autoWithdrawalDecision({ ...base, availableMinor: 9_999n })).toMatchObject({ payout: false, reason: "below_threshold", thresholdMinor: 10_000n });
    expect(autoWithdrawalDecision({ ...base, freelancerThresholdMinor: 50_000n, availableMinor: 49_999n }).reason).toBe("below_threshold");
    expect(autoWithdrawalDecision({ ...base, availableMinor: 0n }).reason).toBe("nothing_available");
  });

  it("pays money older than 180 days regardless of the threshold", () => {
    const base = { methodKind: "ach", freelancerThresholdMinor: 10_000n } as const;
    expect(autoWithdrawalDecision({ ...base, availableMinor: 3_000n, agedMinor: 1_000n })).toMatchObject({
      payout: true,
      reason: "aged_balance",
      amountMinor: 1_000n,
      netMinor: 1_000n,
    });
    expect(autoWithdrawalDecision({ ...base, availableMinor: 500n, agedMinor: 1_000n }).amountMinor).toBe(500n);
    expect(autoWithdrawalDecision({ ...base, methodKind: "wire", availableMinor: 3_000n, agedMinor: 3_000n })).toMatchObject({
      payout: false,
      reason: "not_above_fee",
    });
    // $2.50 aged on PayPal would pay $0.50: below the $1.00 smallest useful payout, nothing is sent.
    expect(autoWithdrawalDecision({ ...base, methodKind: "paypal", availableMinor: 250n, agedMinor: 250n })).toMatchObject({
      payout: false,
      reason: "net_below_minimum",
    });
  });

  it("ages available money oldest first", () => {
    const credits = [
      { amountMinor: 5_000n, availableAt: utc("2024-05-01") },
      { amountMinor: 1_000n, availableAt: utc("2023-01-01") },
      { amountMinor: 2_000n, availableAt: utc("2023-06-01") },
    ];
    expect(agedAvailableMinor({ credits, debitedMinor: 0n, now })).toBe(3_000n);
    expect(agedAvailableMinor({ credits, debitedMinor: 1_500n, now })).toBe(1_500n);
    expect(agedAvailableMinor({ credits, debitedMinor: 4_000n, now })).toBe(0n);
    // 180 days before now is 2023-12-13T12:00Z.
    expect(agedAvailableMinor({ credits: [{ amountMinor: 7n, availableAt: utc("2023-12-13T12:00:00Z") }], debitedMinor: 0n, now })).toBe(7n);
    expect(agedAvailableMinor({ credits: [{ amountMinor: 7n, availableAt: utc("2023-12-13T12:00:01Z") }], debitedMinor: 0n, now })).toBe(0n);
  });
});

describe("checkWithdrawalAmount: the amount rules the withdraw form checks before sending", () => {
  const settings = { withdrawalMinimumMinor: 100n, minWithdrawalNetMinor: 100n };
  it("gives the quote, or the same refusals as planManualWithdrawal", () => {
    expect(checkWithdrawalAmount({ amountMinor: 1_000n, availableMinor: 5_000n, feeMinor: 200n, settings })).toEqual({ amountMinor: 1_000n, feeMinor: 200n, netMinor: 800n });
    expectViolation(() => checkWithdrawalAmount({ amountMinor: 6_000n, availableMinor: 5_000n, feeMinor: 200n, settings }), "WITHDRAWAL_EXCEEDS_AVAILABLE");
    expectViolation(() => checkWithdrawalAmount({ amountMinor: 99n, availableMinor: 5_000n, feeMinor: 0n, settings }), "WITHDRAWAL_BELOW_MINIMUM");
    expectViolation(() => checkWithdrawalAmount({ amountMinor: 201n, availableMinor: 5_000n, feeMinor: 200n, settings }), "WITHDRAWAL_NET_TOO_SMALL");
  });
});
