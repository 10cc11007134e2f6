import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assertChangeRequestAllowed, splitEscrow } from "./disputes";

describe("splitEscrow (economy.md §6.3)", () => {
  it("refunds the client fee in proportion to the refunded part, half up to the cent", () => {
    expect(splitEscrow({ amountMinor: 100_000n, clientFeeMinor: 3_000n, releaseMinor: 60_000n })).toEqual({
      releaseMinor: 60_000n,
      refundMinor: 40_000n,
      clientFeeRefundMinor: 1_200n,
      clientFeeKeptMinor: 1_800n,
    });
    // $1.00 fee on $3.00: refunding $1.00 gives back 33.3… cents → 33; refunding $1.50 gives 50.
    expect(splitEscrow({ amountMinor: 300n, clientFeeMinor: 100n, releaseMinor: 200n }).clientFeeRefundMinor).toBe(33n);
    expect(splitEscrow({ amountMinor: 300n, clientFeeMinor: 100n, releaseMinor: 150n }).clientFeeRefundMinor).toBe(50n);
    expect(splitEscrow({ amountMinor: 200n, clientFeeMinor: 3n, releaseMinor: 100n }).clientFeeRefundMinor).toBe(2n); // 1.5 → 2
  });

  it("releasing everything refunds no fee; refunding everything refunds all of it", () => {
    expect(splitEscrow({ amountMinor: 5_000n, clientFeeMinor: 150n, releaseMinor: 5_000n })).toMatchObject({ refundMinor: 0n, clientFeeRefundMinor: 0n, clientFeeKeptMinor: 150n });
    expect(splitEscrow({ amountMinor: 5_000n, clientFeeMinor: 150n, releaseMinor: 0n })).toMatchObject({ refundMinor: 5_000n, clientFeeRefundMinor: 150n, clientFeeKeptMinor: 0n });
  });

  it("refuses a part outside the escrow, and an empty escrow", () => {
    expect(() => splitEscrow({ amountMinor: 5_000n, clientFeeMinor: 150n, releaseMinor: 5_001n })).toThrow("The part paid to the freelancer must be between $0.00 and the $50.00 in escrow.");
    expect(() => splitEscrow({ amountMinor: 5_000n, clientFeeMinor: 150n, releaseMinor: -1n })).toThrow(/between \$0\.00/);
    expect(() => splitEscrow({ amountMinor: 0n, clientFeeMinor: 0n, releaseMinor: 0n })).toThrow("There is no money in escrow to divide.");
  });

  it("never creates or loses a cent, and the fee refund grows with the refund (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.bigInt({ min: 0n, max: 10n ** 10n }), fc.double({ min: 0, max: 1, noNaN: true }), (amount, fee, share) => {
        const release = (amount * BigInt(Math.round(share * 1_000_000))) / 1_000_000n;
        const split = splitEscrow({ amountMinor: amount, clientFeeMinor: fee, releaseMinor: release });
        expect(split.releaseMinor + split.refundMinor).toBe(amount);
        expect(split.clientFeeRefundMinor + split.clientFeeKeptMinor).toBe(fee);
        expect(split.clientFeeRefundMinor >= 0n && split.clientFeeRefundMinor <= fee).toBe(true);
        if (release > 0n) {
          const more = splitEscrow({ amountMinor: amount, clientFeeMinor: fee, releaseMinor: release - 1n });
          expect(more.clientFeeRefundMinor >= split.clientFeeRefundMinor).toBe(true);
        }
      }),
    );
  });
});

describe("assertChangeRequestAllowed (economy.md §3.3)", () => {
  it("allows requests until the limit, then names it", () => {
    expect(() => assertChangeRequestAllowed(2, 3)).not.toThrow();
    expect(() => assertChangeRequestAllowed(3, 3)).toThrow("You have asked for changes 3 times, the most for one milestone: approve the work or open a dispute.");
    expect(() => assertChangeRequestAllowed(1, 1)).toThrow(/changes once,/);
    expect(() => assertChangeRequestAllowed(0, 0)).toThrow(/changes 0 times/);
  });
});
