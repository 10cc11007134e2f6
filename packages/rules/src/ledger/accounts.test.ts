import { describe, expect, it } from "vitest";
import { expectViolation } from "../test-utils";
import { accountKey, isExternalAccount, parseAccountKey, type AccountRef } from "./accounts";

const refs: AccountRef[] = [
  { kind: "card_gateway" },
  { kind: "payout_gateway" },
  { kind: "client_funding", userId: "c1" },
  { kind: "escrow_milestone", milestoneId: "m:1" },
  { kind: "escrow_hourly_invoice", invoiceId: "i1" },
  { kind: "freelancer_pending", userId: "f1" },
  { kind: "freelancer_available", userId: "f1" },
  { kind: "freelancer_payout_clearing", userId: "f1" },
  { kind: "platform_revenue", revenue: "connect_sales" },
];

describe("account keys", () => {
  it("are stable strings that parse back", () => {
    expect(refs.map(accountKey)).toEqual([
      "card_gateway",
      "payout_gateway",
      "client_funding:c1",
      "escrow_milestone:m:1",
      "escrow_hourly_invoice:i1",
      "freelancer_pending:f1",
      "freelancer_available:f1",
      "freelancer_payout_clearing:f1",
      "platform_revenue:connect_sales",
    ]);
    for (const ref of refs) expect(parseAccountKey(accountKey(ref))).toEqual(ref);
  });

  it.each(["", "bank", "card_gateway2", "freelancer_available", "freelancer_available:", "platform_revenue:tips", "nope:x"])("refuses %j", (key) => {
    expectViolation(() => parseAccountKey(key), "LEDGER_ACCOUNT_KEY_INVALID");
  });

  it("lets only external accounts go negative", () => {
    expect(refs.filter(isExternalAccount).map((ref) => ref.kind)).toEqual(["card_gateway", "payout_gateway"]);
  });
});
