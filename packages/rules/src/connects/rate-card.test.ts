import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../settings/defaults";
import { expectViolation } from "../test-utils";
import { assertConnectPurchaseSource, bundlePrice, connectBundles } from "./bundles";
import { jobConnectCost, projectedJobValue, proposalConnectCost, rateCardImpact, rateCardTier } from "./rate-card";

describe("jobConnectCost (economy.md §2.3 rate card)", () => {
  it.each([
    // value, days, connects
    [0n, 1, 1],
    [5_000n, 1, 1], // $50.00, a day
    [5_000n, 2, 2], // $50.00, two days
    [5_001n, 6, 3], // $50.01 moves to the middle tier; under a week
    [5_001n, 7, 4],
    [60_000n, 6, 3], // $600.00 still middle
    [60_000n, 7, 4],
    [60_001n, 29, 5], // $600.01 top tier; under a month
    [60_001n, 30, 6],
    [10_000_000n, 365, 6],
    [4_999n, 30, 2],
  ])("%s cents over %s days costs %s", (projectedValueMinor, durationDays, connects) => {
    expect(jobConnectCost({ projectedValueMinor, durationDays })).toBe(connects);
  });

  it("uses the rate card it is given", () => {
    const rateCard = { tiers: [{ upToMinor: null, connects: 9, shortConnects: 8, shortMaxDays: 0 }] };
    expect(jobConnectCost({ projectedValueMinor: 1n, durationDays: 1, rateCard })).toBe(9);
    expectViolation(() => rateCardTier({ tiers: [{ upToMinor: 10n, connects: 1, shortConnects: 1, shortMaxDays: 0 }] }, 11n), "SETTING_INVALID_VALUE");
  });

  it("refuses impossible durations and values", () => {
    expectViolation(() => jobConnectCost({ projectedValueMinor: 1n, durationDays: 0 }), "JOB_DURATION_INVALID");
    expectViolation(() => jobConnectCost({ projectedValueMinor: 1n, durationDays: 1.5 }), "JOB_DURATION_INVALID");
    expectViolation(() => jobConnectCost({ projectedValueMinor: -1n, durationDays: 3 }), "AMOUNT_NEGATIVE");
  });

  it("projects a job's value from a fixed budget or max rate × hours", () => {
    expect(projectedJobValue({ type: "fixed", budgetMinor: 12_345n })).toBe(12_345n);
    expect(projectedJobValue({ type: "hourly", maxHourlyRateMinor: 4_000n, estimatedHours: 20 })).toBe(80_000n);
    expectViolation(() => projectedJobValue({ type: "hourly", maxHourlyRateMinor: 4_000n, estimatedHours: 2.5 }), "HOURS_INVALID");
    expectViolation(() => projectedJobValue({ type: "hourly", maxHourlyRateMinor: -1n, estimatedHours: 2 }), "AMOUNT_NEGATIVE");
    expectViolation(() => projectedJobValue({ type: "fixed", budgetMinor: -1n }), "AMOUNT_NEGATIVE");
  });

  it("prices a proposal: job cost (0 when invited) plus boost", () => {
    expect(proposalConnectCost({ jobConnectCost: 4, boostConnects: 10 })).toEqual({ baseConnects: 4, boostConnects: 10, totalConnects: 14 });
    expect(proposalConnectCost({ jobConnectCost: 4, invited: true })).toEqual({ baseConnects: 0, boostConnects: 0, totalConnects: 0 });
    expectViolation(() => proposalConnectCost({ jobConnectCost: 4, boostConnects: -1 }), "CONNECTS_AMOUNT_INVALID");
    expectViolation(() => proposalConnectCost({ jobConnectCost: 1.5 }), "CONNECTS_AMOUNT_INVALID");
  });

  it("shows the impact of a rate card change on open jobs", () => {
    const after = { tiers: [{ upToMinor: null, connects: 8, shortConnects: 8, shortMaxDays: 0 }] };
    expect(
      rateCardImpact({ jobs: [{ jobId: "j1", projectedValueMinor: 100n, durationDays: 1 }], before: DEFAULT_SETTINGS.connectRateCard, after }),
    ).toEqual([{ jobId: "j1", beforeConnects: 1, afterConnects: 8 }]);
  });
});

describe("bundles", () => {
  it("prices offered bundles at $0.15 a connect", () => {
    expect(bundlePrice(10)).toBe(150n);
    expect(bundlePrice(80)).toBe(1_200n);
    expect(connectBundles({ connectBundleSizes: [40, 10], connectPriceMinor: 20n })).toEqual([
      { size: 10, priceMinor: 200n },
      { size: 40, priceMinor: 800n },
    ]);
    expectViolation(() => bundlePrice(15), "BUNDLE_SIZE_NOT_OFFERED");
  });

  it("allows paying from earnings only when the setting is on", () => {
    expectViolation(() => assertConnectPurchaseSource("earnings"), "CONNECTS_FROM_EARNINGS_DISABLED");
    expect(() => assertConnectPurchaseSource("card")).not.toThrow();
    expect(() => assertConnectPurchaseSource("earnings", { allowConnectPurchaseFromEarnings: true })).not.toThrow();
  });
});
