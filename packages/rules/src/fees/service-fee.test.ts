import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../settings/defaults";
import type { FeeSchedule } from "../settings/schemas";
import { expectViolation } from "../test-utils";
import { computeServiceFee, computeServiceFeeRefund } from "./service-fee";

const fee = (amountMinor: bigint, priorBilledMinor = 0n, schedule?: FeeSchedule) =>
  computeServiceFee({ amountMinor, priorBilledMinor, schedule }).feeMinor;

describe("computeServiceFee (tiered, economy.md §3.5)", () => {
  it("charges $150 on a first payment of $1,000: $500 x 20% + $500 x 10%", () => {
    const result = computeServiceFee({ priorBilledMinor: 0n, amountMinor: 100_000n });
    expect(result).toEqual({
      amountMinor: 100_000n,
      feeMinor: 15_000n,
      netMinor: 85_000n,
      bands: [
        { index: 0, fromMinor: 0n, toMinor: 50_000n, rateBps: 2000, partMinor: 50_000n, feeMinor: 10_000n },
        { index: 1, fromMinor: 50_000n, toMinor: 1_000_000n, rateBps: 1000, partMinor: 50_000n, feeMinor: 5_000n },
      ],
    });
  });

  it.each([
    // lifetime billings b -> F(b)
    [49_999n, 10_000n], // 9,999.8 rounds up
    [50_000n, 10_000n],
    [50_001n, 10_000n], // 10,000.1
    [999_999n, 105_000n], // 10,000 + 94,999.9
    [1_000_000n, 105_000n],
    [1_000_001n, 105_000n], // 105,000.05 rounds half up
    [1_000_010n, 105_001n], // 105,000.5 rounds half up
    [2_000_000n, 155_000n],
  ])("F(%s) = %s at the band boundaries", (billed, expected) => {
    expect(fee(billed)).toBe(expected);
  });

  it("splits a payment across every band it touches", () => {
    const result = computeServiceFee({ priorBilledMinor: 40_000n, amountMinor: 1_000_000n });
    expect(result.bands.map((band) => [band.index, band.partMinor, band.feeMinor])).toEqual([
      [0, 10_000n, 2_000n],
      [1, 950_000n, 95_000n],
      [2, 40_000n, 2_000n],
    ]);
    expect(result.feeMinor).toBe(99_000n);
  });

  it("charges a later payment at the band the client relationship has reached", () => {
    expect(fee(10_000n, 50_000n)).toBe(1_000n);
    expect(fee(10_000n, 1_000_000n)).toBe(500n);
    expect(fee(1n, 49_999n)).toBe(0n); // F(50,000) − F(49,999) = 10,000 − 10,000
    expect(fee(3n, 49_997n)).toBe(1n); // F(50,000) − F(49,997) = 10,000 − round(9,999.4)
  });

  it("keeps band fees within a cent of their exact share and summing to the fee", () => {
    const result = computeServiceFee({ priorBilledMinor: 49_999n, amountMinor: 950_003n });
    expect(result.bands.reduce((sum, band) => sum + band.feeMinor, 0n)).toBe(result.feeMinor);
    expect(result.bands.map((band) => band.partMinor)).toEqual([1n, 950_000n, 2n]);
  });

  it("has no bands for a zero payment", () => {
    expect(computeServiceFee({ amountMinor: 0n })).toEqual({ amountMinor: 0n, feeMinor: 0n, netMinor: 0n, bands: [] });
  });

  it("refuses negative amounts and broken schedules", () => {
    expectViolation(() => computeServiceFee({ amountMinor: -1n }), "AMOUNT_NEGATIVE");
    expectViolation(() => computeServiceFee({ amountMinor: 1n, priorBilledMinor: -1n }), "AMOUNT_NEGATIVE");
    const unsorted = { model: "tiered", bands: [{ upToMinor: 10n, rateBps: 1 }, { upToMinor: 5n, rateBps: 1 }, { upToMinor: null, rateBps: 1 }] } as const;
    expectViolation(() => computeServiceFee({ amountMinor: 1n, schedule: unsorted as unknown as FeeSchedule }), "FEE_SCHEDULE_INVALID");
  });
});

describe("computeServiceFee (flat and variable)", () => {
  const flat: FeeSchedule = { model: "flat", rateBps: 1000 };
  const variable: FeeSchedule = { model: "variable", bands: DEFAULT_SETTINGS.feeSchedule.model === "tiered" ? DEFAULT_SETTINGS.feeSchedule.bands : [] };

  it("charges one rate on a flat schedule, whatever was billed before", () => {
    expect(computeServiceFee({ amountMinor: 100_000n, priorBilledMinor: 5_000_000n, schedule: flat })).toMatchObject({
      feeMinor: 10_000n,
      bands: [{ index: 0, fromMinor: 0n, toMinor: null, rateBps: 1000, partMinor: 100_000n, feeMinor: 10_000n }],
    });
    expect(fee(5n, 0n, flat) + fee(5n, 5n, flat)).toBe(fee(10n, 0n, flat)); // 0.5 + 0.5 → 1 cent in total
  });

  it("charges a variable schedule by the payment's own size, edges belonging to the lower band", () => {
    expect(fee(50_000n, 0n, variable)).toBe(10_000n); // $500 → 20%
    expect(fee(50_001n, 0n, variable)).toBe(5_000n); // $500.01 → 10%
    expect(fee(1_000_000n, 9_999_999n, variable)).toBe(100_000n); // $10,000 → 10%
    expect(fee(1_000_001n, 0n, variable)).toBe(50_000n); // 5%: 50,000.05 rounds down
    expect(computeServiceFee({ amountMinor: 3n, schedule: variable }).bands).toEqual([
      { index: 0, fromMinor: 0n, toMinor: 50_000n, rateBps: 2000, partMinor: 3n, feeMinor: 1n },
    ]);
  });
});

describe("computeServiceFeeRefund", () => {
  it("gives back F(prior) − F(prior − refund): refunds reduce lifetime billings", () => {
    // $2,000 billed: F = 100 + 95 ... = $250. Refunding $1,500 leaves $500: F = $100.
    expect(computeServiceFeeRefund({ priorBilledMinor: 200_000n, refundMinor: 150_000n })).toMatchObject({
      refundMinor: 150_000n,
      feeRefundMinor: 15_000n,
      netRefundMinor: 135_000n,
    });
    expect(computeServiceFeeRefund({ priorBilledMinor: 100_000n, refundMinor: 100_000n }).feeRefundMinor).toBe(15_000n);
  });

  it("refuses refunds beyond billings", () => {
    expectViolation(() => computeServiceFeeRefund({ priorBilledMinor: 10n, refundMinor: 11n }), "FEE_REFUND_EXCEEDS_BILLINGS");
    expectViolation(() => computeServiceFeeRefund({ priorBilledMinor: 10n, refundMinor: -1n }), "AMOUNT_NEGATIVE");
  });

  it("gives back a variable payment's fee at that payment's rate, to the cent over partial refunds", () => {
    const variable: FeeSchedule = { model: "variable", bands: [{ upToMinor: 1_000n, rateBps: 2000 }, { upToMinor: null, rateBps: 1500 }] };
    const payment = { amountMinor: 1_003n, refundedMinor: 0n };
    const charged = fee(1_003n, 0n, variable); // 150.45 → 150
    const first = computeServiceFeeRefund({ priorBilledMinor: 5_000n, refundMinor: 3n, schedule: variable, payment });
    const second = computeServiceFeeRefund({
      priorBilledMinor: 4_997n,
      refundMinor: 1_000n,
      schedule: variable,
      payment: { ...payment, refundedMinor: 3n },
    });
    expect(first.feeRefundMinor + second.feeRefundMinor).toBe(charged);
    expect(second.bands).toEqual([{ index: 1, fromMinor: 1_000n, toMinor: null, rateBps: 1500, partMinor: 1_000n, feeMinor: second.feeRefundMinor }]);
    expect(computeServiceFeeRefund({ priorBilledMinor: 5_000n, refundMinor: 0n, schedule: variable, payment }).bands).toEqual([]);
    const empty = { amountMinor: 0n, refundedMinor: 0n };
    expect(computeServiceFeeRefund({ priorBilledMinor: 5n, refundMinor: 0n, schedule: variable, payment: empty }).feeRefundMinor).toBe(0n);
    expectViolation(() => computeServiceFeeRefund({ priorBilledMinor: 5_000n, refundMinor: 1n, schedule: variable }), "FEE_REFUND_NEEDS_PAYMENT");
    expectViolation(
      () => computeServiceFeeRefund({ priorBilledMinor: 5_000n, refundMinor: 1_001n, schedule: variable, payment: { ...payment, refundedMinor: 3n } }),
      "FEE_REFUND_EXCEEDS_BILLINGS",
    );
  });
});

describe("service fee properties", () => {
  const amount = fc.bigInt({ min: 0n, max: 5_000_000n });
  const tiered = fc
    .uniqueArray(fc.bigInt({ min: 1n, max: 3_000_000n }), { maxLength: 4 })
    .chain((edges) =>
      fc.tuple(
        fc.constant([...edges].sort((a, b) => (a < b ? -1 : 1))),
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: edges.length + 1, maxLength: edges.length + 1 }),
      ),
    )
    .map(([edges, rates]) => ({
      model: "tiered" as const,
      bands: rates.map((rateBps, index) => ({ upToMinor: edges[index] ?? null, rateBps })),
    }));
  const schedule = fc.oneof(
    fc.constant(DEFAULT_SETTINGS.feeSchedule),
    tiered,
    fc.integer({ min: 0, max: 10_000 }).map((rateBps): FeeSchedule => ({ model: "flat", rateBps })),
  );

  it("fees of any split of a total add up exactly to the fee of the total", () => {
    fc.assert(
      fc.property(schedule, amount, fc.array(amount, { maxLength: 8 }), (s, prior, parts) => {
        let billed = prior;
        let total = 0n;
        for (const part of parts) {
          total += fee(part, billed, s);
          billed += part;
        }
        expect(total).toBe(fee(billed - prior, prior, s));
      }),
    );
  });

  it("fee is between 0 and the amount, net + fee = amount, band fees sum to the fee", () => {
    fc.assert(
      fc.property(fc.oneof(schedule, tiered.map((s): FeeSchedule => ({ model: "variable", bands: s.bands }))), amount, amount, (s, prior, a) => {
        const result = computeServiceFee({ priorBilledMinor: prior, amountMinor: a, schedule: s });
        expect(result.feeMinor >= 0n && result.feeMinor <= a).toBe(true);
        expect(result.netMinor + result.feeMinor).toBe(a);
        expect(result.bands.reduce((sum, band) => sum + band.feeMinor, 0n)).toBe(result.feeMinor);
        expect(result.bands.reduce((sum, band) => sum + band.partMinor, 0n)).toBe(a);
        for (const band of result.bands) expect(band.feeMinor >= 0n).toBe(true);
      }),
    );
  });

  it("fee is non-decreasing in the amount", () => {
    fc.assert(
      fc.property(schedule, amount, amount, amount, (s, prior, a, b) => {
        const [low, high] = a < b ? [a, b] : [b, a];
        expect(fee(low, prior, s) <= fee(high, prior, s)).toBe(true);
      }),
    );
  });

  it("paying then refunding the same amount gives the whole fee back", () => {
    fc.assert(
      fc.property(schedule, amount, amount, (s, prior, a) => {
        const refund = computeServiceFeeRefund({ priorBilledMinor: prior + a, refundMinor: a, schedule: s });
        expect(refund.feeRefundMinor).toBe(fee(a, prior, s));
      }),
    );
  });
});
