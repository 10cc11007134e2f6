import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectViolation, utc } from "../test-utils";
import { addDays } from "../time";
import { connectBalance, expireLots, lotExpiresAt, lotsExpiringWithin, planSpend, type ConnectLot, type LotTake } from "./lots";
import { planRefund } from "./refunds";

/** Applies a plan to lots: a new list, the originals untouched. */
function applyTakes(lots: readonly ConnectLot[], takes: readonly LotTake[], sign: 1 | -1 = -1): ConnectLot[] {
  return lots.map((lot) => {
    const delta = takes.filter((take) => take.lotId === lot.id).reduce((total, take) => total + take.connects, 0);
    return delta === 0 ? lot : { ...lot, remaining: lot.remaining + sign * delta };
  });
}

const now = utc("2024-06-01T12:00:00Z");
const lots: ConnectLot[] = [
  { id: "late", expiresAt: utc("2025-01-01"), remaining: 10 },
  { id: "soon", expiresAt: utc("2024-06-10"), remaining: 3 },
  { id: "expired", expiresAt: utc("2024-06-01T12:00:00Z"), remaining: 50 },
  { id: "empty", expiresAt: utc("2024-06-05"), remaining: 0 },
  { id: "mid", expiresAt: utc("2024-09-01"), remaining: 4 },
];

describe("planSpend", () => {
  it("takes from the lot expiring first, skipping expired and empty lots", () => {
    expect(planSpend(lots, 6, now)).toEqual([
      { lotId: "soon", connects: 3 },
      { lotId: "mid", connects: 3 },
    ]);
    expect(planSpend(lots, 17, now)).toHaveLength(3);
    expect(planSpend(lots, 0, now)).toEqual([]);
  });

  it("refuses a spend larger than the usable balance, naming both numbers", () => {
    expect(connectBalance(lots, now)).toBe(17);
    expectViolation(() => planSpend(lots, 18, now), "INSUFFICIENT_CONNECTS");
    expectViolation(() => planSpend(lots, -1, now), "CONNECTS_AMOUNT_INVALID");
    expectViolation(() => planSpend(lots, 1.5, now), "CONNECTS_AMOUNT_INVALID");
    expectViolation(() => planSpend(lots, 1, new Date(Number.NaN)), "INVALID_DATE");
  });

  it("orders lots expiring together by id", () => {
    const twins = [
      { id: "b", expiresAt: utc("2025-01-01"), remaining: 1 },
      { id: "a", expiresAt: utc("2025-01-01"), remaining: 1 },
      { id: "a", expiresAt: utc("2025-01-01"), remaining: 1 },
    ];
    expect(planSpend(twins, 3, now).map((take) => take.lotId)).toEqual(["a", "a", "b"]);
  });
});

describe("lot expiry", () => {
  it("expires lots at their expiry instant", () => {
    expect(expireLots(lots, now)).toEqual([{ lotId: "expired", connects: 50, reason: "lot_expired" }]);
    expect(expireLots(lots, utc("2024-06-01T11:59:59Z"))).toEqual([]);
  });

  it("lists lots expiring within 30 days and dates new lots", () => {
    expect(lotsExpiringWithin(lots, now).map((lot) => lot.id)).toEqual(["soon"]);
    expect(lotsExpiringWithin(lots, now, 100).map((lot) => lot.id)).toEqual(["soon", "mid"]);
    expect(lotExpiresAt(utc("2024-01-01"))).toEqual(utc("2024-12-31"));
  });
});

describe("connects properties", () => {
  const lotArb = fc.record({
    id: fc.constantFrom("a", "b", "c", "d", "e", "f"),
    expiresAt: fc.integer({ min: -20, max: 400 }).map((days) => addDays(now, days)),
    remaining: fc.nat({ max: 60 }),
  });
  const lotsArb: fc.Arbitrary<ConnectLot[]> = fc.uniqueArray(lotArb, { selector: (lot) => lot.id, maxLength: 6 });

  it("a spend never takes more than the lots hold, nor a later-expiring lot before an earlier one", () => {
    fc.assert(
      fc.property(lotsArb, fc.nat({ max: 200 }), (generated, connects) => {
        const balance = connectBalance(generated, now);
        if (connects > balance) {
          expectViolation(() => planSpend(generated, connects, now), "INSUFFICIENT_CONNECTS");
          return;
        }
        const takes = planSpend(generated, connects, now);
        expect(takes.reduce((total, take) => total + take.connects, 0)).toBe(connects);
        const byId = new Map(generated.map((lot) => [lot.id, lot]));
        const taken = takes.map((take) => ({ lot: byId.get(take.lotId) as ConnectLot, take }));
        for (const { lot, take } of taken) {
          expect(take.connects).toBeGreaterThan(0);
          expect(take.connects).toBeLessThanOrEqual(lot.remaining);
          expect(lot.expiresAt.getTime()).toBeGreaterThan(now.getTime());
        }
        for (let index = 1; index < taken.length; index += 1) {
          const previous = taken[index - 1]?.lot.expiresAt.getTime() ?? 0;
          expect(taken[index]?.lot.expiresAt.getTime()).toBeGreaterThanOrEqual(previous);
        }
        // Every lot before the last one taken is emptied, and nothing usable expiring earlier is skipped.
        const lastTaken = taken[taken.length - 1];
        for (const lot of generated) {
          const usable = lot.remaining > 0 && lot.expiresAt > now;
          const takeOfLot = takes.find((take) => take.lotId === lot.id)?.connects ?? 0;
          if (usable && lastTaken && lot.expiresAt < lastTaken.lot.expiresAt) expect(takeOfLot).toBe(lot.remaining);
        }
      }),
    );
  });

  it("spends followed by refunds never make a lot negative nor exceed what it held", () => {
    fc.assert(
      fc.property(lotsArb, fc.array(fc.tuple(fc.nat({ max: 40 }), fc.nat({ max: 40 }), fc.integer({ min: 0, max: 400 })), { maxLength: 6 }), (generated, steps) => {
        let state = generated;
        for (const [spend, refund, laterDays] of steps) {
          if (spend > connectBalance(state, now)) continue;
          const takes = planSpend(state, spend, now);
          state = applyTakes(state, takes);
          const held = takes.map((take) => ({ ...take, expiresAt: (state.find((lot) => lot.id === take.lotId) as ConnectLot).expiresAt }));
          const later = addDays(now, laterDays);
          const plan = planRefund({ held, connects: Math.min(refund, spend), now: later });
          state = applyTakes(state, plan.toLots, 1);
          for (const back of plan.toLots) {
            const take = takes.find((t) => t.lotId === back.lotId);
            expect(back.connects).toBeLessThanOrEqual(take?.connects ?? 0);
          }
          const returned = plan.toLots.reduce((total, back) => total + back.connects, 0) + (plan.reissue?.connects ?? 0);
          expect(returned).toBe(Math.min(refund, spend));
          for (const lot of state) expect(lot.remaining).toBeGreaterThanOrEqual(0);
        }
        for (const lot of state) {
          const original = generated.find((candidate) => candidate.id === lot.id) as ConnectLot;
          expect(lot.remaining).toBeLessThanOrEqual(original.remaining);
        }
      }),
    );
  });
});
