import { describe, expect, it } from "vitest";
import { expectViolation } from "../test-utils";
import { computeClientFee } from "./client-fee";
import { rangeHolding } from "./fee-bands";
import { nextBand, previewServiceFee } from "./preview";

describe("nextBand", () => {
  it.each([
    [0n, 0, 50_000n],
    [49_999n, 0, 1n],
    [50_000n, 1, 950_000n],
    [50_001n, 1, 949_999n],
    [999_999n, 1, 1n],
  ])("after %s billed: band %s, %s to the next", (prior, index, remaining) => {
    const result = nextBand({ priorBilledMinor: prior });
    expect(result.current?.index).toBe(index);
    expect(result.next?.index).toBe(index + 1);
    expect(result.remainingToNextMinor).toBe(remaining);
  });

  it("has no next band in the last band", () => {
    expect(nextBand({ priorBilledMinor: 1_000_000n })).toEqual({
      current: { index: 2, fromMinor: 1_000_000n, toMinor: null, rateBps: 500 },
      next: null,
      remainingToNextMinor: null,
    });
  });

  it("treats flat schedules as one band and variable ones as none", () => {
    expect(nextBand({ priorBilledMinor: 5n, schedule: { model: "flat", rateBps: 700 } })).toEqual({
      current: { index: 0, fromMinor: 0n, toMinor: null, rateBps: 700 },
      next: null,
      remainingToNextMinor: null,
    });
    const variable = { model: "variable" as const, bands: [{ upToMinor: null, rateBps: 1 }] };
    expect(nextBand({ priorBilledMinor: 5n, schedule: variable })).toEqual({ current: null, next: null, remainingToNextMinor: null });
    expectViolation(() => nextBand({ priorBilledMinor: -5n }), "AMOUNT_NEGATIVE");
  });
});

describe("previewServiceFee", () => {
  it("shows the fee by band and the standing before and after", () => {
    const preview = previewServiceFee({ priorBilledMinor: 40_000n, amountMinor: 20_000n });
    expect(preview.feeMinor).toBe(3_000n); // $100 x 20% + $100 x 10%
    expect(preview.netMinor).toBe(17_000n);
    expect(preview.before.current?.index).toBe(0);
    expect(preview.before.remainingToNextMinor).toBe(10_000n);
    expect(preview.after.current?.index).toBe(1);
    expect(preview.after.remainingToNextMinor).toBe(940_000n);
    expect(previewServiceFee({ amountMinor: 1n }).before.remainingToNextMinor).toBe(50_000n);
  });
});

describe("fee band ranges", () => {
  it("refuses an amount no band holds", () => {
    expectViolation(() => rangeHolding([], 0n), "FEE_SCHEDULE_INVALID");
    expectViolation(() => rangeHolding([{ index: 0, fromMinor: 0n, toMinor: 10n, rateBps: 1 }], 10n), "FEE_SCHEDULE_INVALID");
    expect(rangeHolding([{ index: 0, fromMinor: 0n, toMinor: 10n, rateBps: 1 }], 9n).index).toBe(0);
  });
});

describe("computeClientFee", () => {
  it("adds 3% on top, rounded half up", () => {
    expect(computeClientFee({ amountMinor: 100_000n, rateBps: 300 })).toEqual({ amountMinor: 100_000n, feeMinor: 3_000n, totalMinor: 103_000n });
    expect(computeClientFee({ amountMinor: 50n })).toEqual({ amountMinor: 50n, feeMinor: 2n, totalMinor: 52n }); // 1.5 → 2
    expect(computeClientFee({ amountMinor: 49n }).feeMinor).toBe(1n); // 1.47 → 1
    expect(computeClientFee({ amountMinor: 500n, rateBps: 0 }).feeMinor).toBe(0n);
    expectViolation(() => computeClientFee({ amountMinor: -1n }), "AMOUNT_NEGATIVE");
  });
});
