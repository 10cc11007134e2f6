import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeClientFee } from "../fees/client-fee";
import { computeServiceFee } from "../fees/service-fee";
import { expectViolation, utc } from "../test-utils";
import {
  bonusEntries,
  fundEscrowEntries,
  hourlyInvoiceEntries,
  refundEscrowEntries,
  refundHourlyInvoiceEntries,
  releaseEscrowEntries,
  releaseHourlyInvoiceEntries,
} from "./escrow-entries";
import {
  clearPendingEntries,
  connectsPurchaseEntries,
  membershipPaymentEntries,
  payoutFailedEntries,
  payoutSettledEntries,
  withdrawalEntries,
} from "./freelancer-entries";
import { isExternalAccount, parseAccountKey, type EscrowRef } from "./accounts";
import { assertBalanced, netEffect, type Transfer } from "./transfers";

/** Accounts other than the external ones whose balance is below zero (economy.md §7.3). */
function findNegativeBalances(balances: Readonly<Record<string, bigint>>): string[] {
  return Object.entries(balances)
    .filter(([key, amount]) => amount < 0n && !isExternalAccount(parseAccountKey(key)))
    .map(([key]) => key);
}

const milestone: EscrowRef = { kind: "escrow_milestone", milestoneId: "m1" };

describe("escrow entries", () => {
  it("funds a $1,000 milestone with the 3% client fee", () => {
    const transfers = fundEscrowEntries({ clientId: "c1", escrow: milestone, amountMinor: 100_000n, clientFeeMinor: 3_000n });
    assertBalanced(transfers);
    expect(netEffect(transfers)).toEqual({
      card_gateway: -103_000n,
      "client_funding:c1": 0n,
      "escrow_milestone:m1": 100_000n,
      "platform_revenue:client_fee": 3_000n,
    });
    expect(transfers.map((t) => t.kind)).toEqual(["client_charge", "escrow_fund", "client_fee"]);
  });

  it("releases it: $150 service fee, $850 to pending", () => {
    const transfers = releaseEscrowEntries({ escrow: milestone, freelancerId: "f1", amountMinor: 100_000n, serviceFeeMinor: 15_000n });
    expect(netEffect(transfers)).toEqual({
      "escrow_milestone:m1": -100_000n,
      "freelancer_pending:f1": 85_000n,
      "platform_revenue:service_fee": 15_000n,
    });
  });

  it("refunds escrow and the client fee back to the card", () => {
    const transfers = refundEscrowEntries({ clientId: "c1", escrow: milestone, amountMinor: 100_000n, clientFeeMinor: 3_000n });
    assertBalanced(transfers);
    expect(netEffect(transfers)).toEqual({
      card_gateway: 103_000n,
      "client_funding:c1": 0n,
      "escrow_milestone:m1": -100_000n,
      "platform_revenue:client_fee": -3_000n,
    });
  });

  it("pays a bonus directly with both fees", () => {
    const transfers = bonusEntries({ clientId: "c1", freelancerId: "f1", contractId: "k1", amountMinor: 10_000n, clientFeeMinor: 300n, serviceFeeMinor: 2_000n });
    assertBalanced(transfers);
    expect(netEffect(transfers)).toMatchObject({ card_gateway: -10_300n, "freelancer_pending:f1": 8_000n, "platform_revenue:service_fee": 2_000n, "platform_revenue:client_fee": 300n });
  });

  it("invoices, releases and refunds hourly weeks through their own escrow", () => {
    const invoice = hourlyInvoiceEntries({ clientId: "c1", invoiceId: "i1", amountMinor: 5_000n, clientFeeMinor: 150n });
    const release = releaseHourlyInvoiceEntries({ invoiceId: "i1", freelancerId: "f1", amountMinor: 5_000n, serviceFeeMinor: 1_000n });
    expect(netEffect([...invoice, ...release])["escrow_hourly_invoice:i1"]).toBe(0n);
    const refund = refundHourlyInvoiceEntries({ clientId: "c1", invoiceId: "i1", amountMinor: 5_000n, clientFeeMinor: 150n });
    expect(netEffect([...invoice, ...refund])).toMatchObject({ card_gateway: 0n, "escrow_hourly_invoice:i1": 0n, "platform_revenue:client_fee": 0n });
  });

  it("skips zero fees and refuses impossible amounts", () => {
    expect(fundEscrowEntries({ clientId: "c1", escrow: milestone, amountMinor: 500n, clientFeeMinor: 0n })).toHaveLength(2);
    expect(releaseEscrowEntries({ escrow: milestone, freelancerId: "f1", amountMinor: 500n, serviceFeeMinor: 500n })).toHaveLength(1);
    expectViolation(() => fundEscrowEntries({ clientId: "c1", escrow: milestone, amountMinor: 0n, clientFeeMinor: 0n }), "AMOUNT_NOT_POSITIVE");
    expectViolation(() => fundEscrowEntries({ clientId: "c1", escrow: milestone, amountMinor: 1n, clientFeeMinor: -1n }), "AMOUNT_NEGATIVE");
    expectViolation(() => releaseEscrowEntries({ escrow: milestone, freelancerId: "f1", amountMinor: 500n, serviceFeeMinor: 501n }), "FEE_EXCEEDS_AMOUNT");
    expectViolation(() => refundEscrowEntries({ clientId: "c1", escrow: milestone, amountMinor: -5n, clientFeeMinor: 0n }), "AMOUNT_NOT_POSITIVE");
  });
});

describe("freelancer entries", () => {
  it("sells connects by card or from earnings, and memberships", () => {
    expect(netEffect(connectsPurchaseEntries({ freelancerId: "f1", connects: 10, priceMinor: 150n, source: "card" }))).toEqual({
      card_gateway: -150n,
      "platform_revenue:connect_sales": 150n,
    });
    expect(netEffect(connectsPurchaseEntries({ freelancerId: "f1", connects: 10, priceMinor: 150n, source: "earnings" }))).toEqual({
      "freelancer_available:f1": -150n,
      "platform_revenue:connect_sales": 150n,
    });
    const membership = membershipPaymentEntries({ freelancerId: "f1", priceMinor: 1_499n, cycleStartsAt: utc("2024-06-01") });
    expect(membership[0]?.memo).toBe("Freelancer Plus for f1 from 2024-06-01");
    expectViolation(() => membershipPaymentEntries({ freelancerId: "f1", priceMinor: 0n, cycleStartsAt: utc("2024-06-01") }), "AMOUNT_NOT_POSITIVE");
  });

  it("clears pending, withdraws with a fee, settles or returns a payout", () => {
    const clear = clearPendingEntries({ freelancerId: "f1", amountMinor: 85_000n });
    const withdraw = withdrawalEntries({ freelancerId: "f1", amountMinor: 10_000n, feeMinor: 200n });
    expect(netEffect([...clear, ...withdraw])).toEqual({
      "freelancer_pending:f1": -85_000n,
      "freelancer_available:f1": 75_000n,
      "freelancer_payout_clearing:f1": 9_800n,
      "platform_revenue:payout_fee": 200n,
    });
    expect(netEffect(payoutSettledEntries({ freelancerId: "f1", netMinor: 9_800n }))).toEqual({ "freelancer_payout_clearing:f1": -9_800n, payout_gateway: 9_800n });
    expect(netEffect([...withdraw, ...payoutFailedEntries({ freelancerId: "f1", netMinor: 9_800n, feeMinor: 200n })])).toEqual({
      "freelancer_available:f1": 0n,
      "freelancer_payout_clearing:f1": 0n,
      "platform_revenue:payout_fee": 0n,
    });
    expectViolation(() => withdrawalEntries({ freelancerId: "f1", amountMinor: 200n, feeMinor: 200n }), "WITHDRAWAL_NOT_ABOVE_FEE");
  });
});

describe("balance checks", () => {
  const ok = fundEscrowEntries({ clientId: "c1", escrow: milestone, amountMinor: 500n, clientFeeMinor: 15n });

  it("refuses zero, negative or self transfers and money stuck in funding", () => {
    const first = ok[0] as Transfer;
    expectViolation(() => assertBalanced([{ ...first, amountMinor: 0n }]), "LEDGER_TRANSFER_INVALID");
    expectViolation(() => assertBalanced([{ ...first, amountMinor: -1n }]), "LEDGER_TRANSFER_INVALID");
    expectViolation(() => assertBalanced([{ ...first, credit: first.debit }]), "LEDGER_TRANSFER_INVALID");
    expectViolation(() => assertBalanced(ok.slice(0, 2)), "LEDGER_UNBALANCED");
  });

  it("finds negative balances outside the external accounts", () => {
    expect(findNegativeBalances({ card_gateway: -5n, "freelancer_available:f1": -1n, "escrow_milestone:m1": 0n })).toEqual(["freelancer_available:f1"]);
  });
});

describe("ledger properties", () => {
  const amount = fc.bigInt({ min: 1n, max: 10_000_000n });
  const id = fc.constantFrom("a", "b", "c");
  const event = fc.oneof(
    fc.record({ clientId: id, milestoneId: id, amountMinor: amount }).map((e) => fundEscrowEntries({ clientId: e.clientId, escrow: { kind: "escrow_milestone", milestoneId: e.milestoneId }, amountMinor: e.amountMinor, clientFeeMinor: computeClientFee({ amountMinor: e.amountMinor }).feeMinor })),
    fc.record({ milestoneId: id, freelancerId: id, amountMinor: amount, prior: amount }).map((e) => releaseEscrowEntries({ escrow: { kind: "escrow_milestone", milestoneId: e.milestoneId }, freelancerId: e.freelancerId, amountMinor: e.amountMinor, serviceFeeMinor: computeServiceFee({ priorBilledMinor: e.prior, amountMinor: e.amountMinor }).feeMinor })),
    fc.record({ clientId: id, invoiceId: id, amountMinor: amount, fee: fc.bigInt({ min: 0n, max: 1_000n }) }).map((e) => refundHourlyInvoiceEntries({ ...e, clientFeeMinor: e.fee })),
    fc.record({ clientId: id, freelancerId: id, amountMinor: amount }).map((e) => bonusEntries({ ...e, contractId: "k", clientFeeMinor: computeClientFee({ amountMinor: e.amountMinor }).feeMinor, serviceFeeMinor: computeServiceFee({ amountMinor: e.amountMinor }).feeMinor })),
    fc.record({ freelancerId: id, priceMinor: amount, card: fc.boolean() }).map((e) => connectsPurchaseEntries({ ...e, connects: 10, source: e.card ? "card" : "earnings" })),
    fc.record({ freelancerId: id, amountMinor: amount, fee: fc.constantFrom(0n, 99n, 200n, 3_000n) }).map((e) => withdrawalEntries({ freelancerId: e.freelancerId, amountMinor: e.amountMinor + e.fee, feeMinor: e.fee })),
    fc.record({ freelancerId: id, amountMinor: amount }).map((e) => clearPendingEntries(e)),
  );

  it("every generated list of entries is balanced and its balances sum to zero", () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 12 }), (events) => {
        const transfers = events.flat();
        for (const entries of events) assertBalanced(entries);
        assertBalanced(transfers);
        expect(Object.values(netEffect(transfers)).reduce((sum, value) => sum + value, 0n)).toBe(0n);
        for (const transfer of transfers) expect(transfer.amountMinor > 0n).toBe(true);
      }),
    );
  });

  it("a contract's money flow keeps every non-external balance at or above zero and revenue equal to fees", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(amount, fc.boolean()), { minLength: 1, maxLength: 6 }), (milestones) => {
        const transfers: Transfer[] = [];
        let billed = 0n;
        let fees = 0n;
        milestones.forEach(([amountMinor, approved], index) => {
          const escrow: EscrowRef = { kind: "escrow_milestone", milestoneId: `m${index}` };
          const clientFeeMinor = computeClientFee({ amountMinor }).feeMinor;
          transfers.push(...fundEscrowEntries({ clientId: "c", escrow, amountMinor, clientFeeMinor }));
          if (approved) {
            const serviceFeeMinor = computeServiceFee({ priorBilledMinor: billed, amountMinor }).feeMinor;
            billed += amountMinor;
            fees += serviceFeeMinor + clientFeeMinor;
            transfers.push(...releaseEscrowEntries({ escrow, freelancerId: "f", amountMinor, serviceFeeMinor }));
            const netMinor = amountMinor - serviceFeeMinor;
            if (netMinor > 0n) transfers.push(...clearPendingEntries({ freelancerId: "f", amountMinor: netMinor }));
          } else {
            transfers.push(...refundEscrowEntries({ clientId: "c", escrow, amountMinor, clientFeeMinor }));
          }
        });
        const balances = netEffect(transfers);
        expect(findNegativeBalances(balances)).toEqual([]);
        const revenue = Object.entries(balances).filter(([key]) => key.startsWith("platform_revenue:")).reduce((sum, [, value]) => sum + value, 0n);
        expect(revenue).toBe(fees);
        expect(balances["freelancer_available:f"] ?? 0n).toBe(billed - (balances["platform_revenue:service_fee"] ?? 0n));
      }),
    );
  });
});
