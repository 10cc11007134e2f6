import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../settings/defaults";
import type { FeeSchedule } from "../settings/schemas";
import { expectViolation } from "../test-utils";
import { computeClientFee } from "./client-fee";
import { rangeHolding } from "./fee-bands";
import { nextBand, previewHourlyWeek, previewPaymentSequence, previewServiceFee } from "./preview";
import { computeServiceFee } from "./service-fee";

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

describe("a sequence of milestone payments (economy.md §3.5)", () => {
  it("previews $300 then $900 with a new client the way they are billed: $240 + $790 = $1,030, like one $1,200 payment", () => {
    const preview = previewPaymentSequence({ amountsMinor: [30_000n, 90_000n] });
    expect(preview.payments.map((p) => [p.priorBilledMinor, p.feeMinor, p.netMinor])).toEqual([
      [0n, 6_000n, 24_000n],
      [30_000n, 11_000n, 79_000n],
    ]);
    expect([preview.grossMinor, preview.feeMinor, preview.netMinor]).toEqual([120_000n, 17_000n, 103_000n]);
    expect(preview.netMinor).toBe(previewServiceFee({ amountMinor: 120_000n }).netMinor);
    expect(preview.bands.map((b) => [b.rateBps, b.partMinor, b.feeMinor])).toEqual([
      [2_000, 50_000n, 10_000n],
      [1_000, 70_000n, 7_000n],
    ]);
    expect(preview.splitDependsOnOrder).toBe(true);
    // In the other order the split changes and the total does not.
    const reversed = previewPaymentSequence({ amountsMinor: [90_000n, 30_000n] });
    expect(reversed.payments.map((p) => p.netMinor)).toEqual([76_000n, 27_000n]);
    expect(reversed.netMinor).toBe(103_000n);
  });

  it("says when the split cannot depend on the order", () => {
    expect(previewPaymentSequence({ amountsMinor: [30_000n] }).splitDependsOnOrder).toBe(false);
    expect(previewPaymentSequence({ amountsMinor: [30_000n, 30_000n] }).splitDependsOnOrder).toBe(false);
    expect(previewPaymentSequence({ amountsMinor: [30_000n, 90_000n], schedule: { model: "flat", rateBps: 1_000 } }).splitDependsOnOrder).toBe(false);
  });

  it("previews an hourly week as rate × weekly limit, by band", () => {
    const week = previewHourlyWeek({ priorBilledMinor: 40_000n, hourlyRateMinor: 5_000n, weeklyLimitHours: 10 });
    expect(week).toMatchObject({ amountMinor: 50_000n, feeMinor: 2_000n + 4_000n, netMinor: 44_000n, weeklyLimitHours: 10 });
    expect(week.bands.map((b) => [b.rateBps, b.partMinor])).toEqual([
      [2_000, 10_000n],
      [1_000, 40_000n],
    ]);
    expectViolation(() => previewHourlyWeek({ hourlyRateMinor: 5_000n, weeklyLimitHours: 1.5 }), "HOURS_INVALID");
  });

  const amount = fc.bigInt({ min: 0n, max: 2_000_000n });
  const tiered = fc
    .uniqueArray(fc.bigInt({ min: 1n, max: 3_000_000n }), { minLength: 1, maxLength: 4 })
    .chain((edges) =>
      fc.tuple(fc.constant([...edges].sort((a, b) => (a < b ? -1 : 1))), fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: edges.length + 1, maxLength: edges.length + 1 })),
    )
    .map(([edges, rates]): FeeSchedule => ({ model: "tiered", bands: rates.map((rateBps, index) => ({ upToMinor: edges[index] ?? null, rateBps })) }));
  const schedule = fc.oneof(
    fc.constant(DEFAULT_SETTINGS.feeSchedule),
    tiered,
    fc.integer({ min: 0, max: 10_000 }).map((rateBps): FeeSchedule => ({ model: "flat", rateBps })),
    tiered.map((s): FeeSchedule => ({ model: "variable", bands: s.model === "tiered" ? s.bands : [] })),
  );

  it("equals, line by line, the fees charged when the milestones are released in that order", () => {
    fc.assert(
      fc.property(schedule, amount, fc.array(amount, { maxLength: 8 }), (s, prior, amounts) => {
        const preview = previewPaymentSequence({ priorBilledMinor: prior, amountsMinor: amounts, schedule: s });
        // What releasing does (release-payment.ts): the fee on lifetime billings, then billings grow by the gross.
        let billed = prior;
        const charged = amounts.map((amountMinor) => {
          const fee = computeServiceFee({ priorBilledMinor: billed, amountMinor, schedule: s });
          const line = { priorBilledMinor: billed, amountMinor, feeMinor: fee.feeMinor, netMinor: fee.netMinor, bands: fee.bands };
          billed += amountMinor;
          return line;
        });
        expect(preview.payments.map((p) => ({ priorBilledMinor: p.priorBilledMinor, amountMinor: p.amountMinor, feeMinor: p.feeMinor, netMinor: p.netMinor, bands: p.bands }))).toEqual(charged);
        expect(preview.feeMinor).toBe(charged.reduce((sum, line) => sum + line.feeMinor, 0n));
        expect(preview.netMinor).toBe(charged.reduce((sum, line) => sum + line.netMinor, 0n));
        expect(preview.bands.reduce((sum, band) => sum + band.feeMinor, 0n)).toBe(preview.feeMinor);
        expect(preview.bands.reduce((sum, band) => sum + band.partMinor, 0n)).toBe(preview.grossMinor);
      }),
    );
  });

  it("keeps one total for the contract, in any order, except under a variable schedule where each payment stands alone", () => {
    fc.assert(
      fc.property(schedule, amount, fc.array(amount, { maxLength: 6 }), fc.integer({ min: 0, max: 1_000 }), (s, prior, amounts, seed) => {
        const shuffled = [...amounts].sort((a, b) => Number(((a + BigInt(seed)) * 7919n) % 101n) - Number(((b + BigInt(seed)) * 7919n) % 101n));
        const one = previewPaymentSequence({ priorBilledMinor: prior, amountsMinor: amounts, schedule: s });
        const other = previewPaymentSequence({ priorBilledMinor: prior, amountsMinor: shuffled, schedule: s });
        expect(other.feeMinor).toBe(one.feeMinor);
        if (s.model !== "variable") expect(one.feeMinor).toBe(computeServiceFee({ priorBilledMinor: prior, amountMinor: one.grossMinor, schedule: s }).feeMinor);
      }),
    );
  });
});
