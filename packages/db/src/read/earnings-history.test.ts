import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { days, earn, freshDatabase, makeUser, NOW, type TestDatabase } from "../testing";
import { SandboxGateway } from "../gateway/sandbox";
import { addPayoutMethod } from "../services/payouts/add-payout-method";
import { clearPending } from "../services/payouts/clear-pending";
import { withdraw } from "../services/payouts/withdraw";
import { buildEarningsHistory, loadEarningsHistory, ZERO_STATES, type StateAmounts } from "./earnings-history";
import { getEarningsPage } from "./payout-pages";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.drop());

const FIELDS = ["pendingMinor", "availableMinor", "withdrawingMinor", "withdrawnMinor"] as const;
const sum = (rows: StateAmounts[]) => rows.reduce((a, b) => ({ pendingMinor: a.pendingMinor + b.pendingMinor, availableMinor: a.availableMinor + b.availableMinor, withdrawingMinor: a.withdrawingMinor + b.withdrawingMinor, withdrawnMinor: a.withdrawnMinor + b.withdrawnMinor }), ZERO_STATES);
const total = (s: StateAmounts) => FIELDS.reduce((t, field) => t + s[field], 0n);

/** economy.md §4: the history a freelancer can reconcile with the balances at the top of the page. */
describe("the earnings history", () => {
  it("adds up, state by state, to the balances the page shows", async () => {
    const freelancer = await makeUser(db.prisma, "FREELANCER");
    const [ana, bo] = [await makeUser(db.prisma, "CLIENT"), await makeUser(db.prisma, "CLIENT")];
    // Payments crossing the $500 band edge with one client, and a first payment with another.
    await earn(db.prisma, { clientId: ana.id, freelancerId: freelancer.id, grossMinor: 30_000n, now: NOW });
    await earn(db.prisma, { clientId: ana.id, freelancerId: freelancer.id, grossMinor: 90_000n, now: days(NOW, 1) });
    await earn(db.prisma, { clientId: bo.id, freelancerId: freelancer.id, grossMinor: 20_000n, now: days(NOW, 2) });
    await clearPending(db.prisma, { now: days(NOW, 6) }); // the first two become available
    await earn(db.prisma, { clientId: bo.id, freelancerId: freelancer.id, grossMinor: 10_000n, now: days(NOW, 6) }); // still pending
    const paypal = await addPayoutMethod(db.prisma, { actorId: freelancer.id, idempotencyKey: randomUUID(), kind: "PAYPAL", account: "me@example.com", label: "PayPal", now: NOW });
    const closed = await addPayoutMethod(db.prisma, { actorId: freelancer.id, idempotencyKey: randomUUID(), kind: "ACH", account: "000111110000", label: "Closed", now: NOW });
    await withdraw(db.prisma, { actorId: freelancer.id, payoutMethodId: paypal.id, amountMinor: 50_000n, idempotencyKey: randomUUID(), now: days(NOW, 8) }); // sent
    await withdraw(db.prisma, { actorId: freelancer.id, payoutMethodId: closed.id, amountMinor: 5_000n, idempotencyKey: randomUUID(), now: days(NOW, 8) }); // returned
    const outage = new SandboxGateway();
    outage.failNext("payout");
    await withdraw(db.prisma, { actorId: freelancer.id, payoutMethodId: paypal.id, amountMinor: 10_000n, idempotencyKey: randomUUID(), now: days(NOW, 9) }, { gateway: outage }); // on its way

    const page = await getEarningsPage(db.prisma, freelancer.id);
    const { history, balances } = page;
    const top = { pendingMinor: balances.pendingMinor, availableMinor: balances.availableMinor, withdrawingMinor: balances.withdrawingMinor, withdrawnMinor: balances.withdrawnMinor };
    expect(page.reconciles).toBe(true);
    expect(balances.withdrawingMinor).toBeGreaterThan(0n);
    expect(balances.withdrawnMinor).toBe(49_800n);

    // The whole history is shown: it starts at zero, and each state's changes sum to its balance at the top.
    expect(history.opening).toEqual(ZERO_STATES);
    expect(sum(history.events.map((e) => e.change))).toEqual(top);
    expect(history.closing).toEqual(top);
    // The running balance: the newest event's balance is the top, and each is the one before plus its change.
    expect(history.events[0]!.balance).toEqual(top);
    const oldestFirst = [...history.events].reverse();
    oldestFirst.reduce((before, event) => {
      expect(event.balance).toEqual(sum([before, event.change]));
      return event.balance;
    }, history.opening);

    // Payments: gross, fee by band, net; only they add money, and only to Pending.
    const payments = history.events.filter((e) => e.kind === "payment");
    expect(payments.map((e) => [e.payment!.grossMinor, e.payment!.feeMinor, e.payment!.netMinor]).reverse()).toEqual([
      [30_000n, 6_000n, 24_000n],
      [90_000n, 11_000n, 79_000n],
      [20_000n, 4_000n, 16_000n],
      [10_000n, 2_000n, 8_000n],
    ]);
    for (const e of payments) {
      expect(e.payment!.bands.reduce((t, band) => t + band.feeMinor, 0n)).toBe(e.payment!.feeMinor);
      expect(e.payment!.bands.reduce((t, band) => t + band.partMinor, 0n)).toBe(e.payment!.grossMinor);
      expect(e.change).toEqual({ ...ZERO_STATES, pendingMinor: e.payment!.netMinor });
    }
    expect(payments.find((e) => e.payment!.grossMinor === 90_000n)!.payment!.bands.map((b) => [b.rateBps, b.partMinor])).toEqual([
      [2_000, 20_000n],
      [1_000, 70_000n],
    ]);
    // State changes move money between states and add nothing; a withdrawal's only cost is the method fee.
    for (const e of history.events.filter((x) => x.kind === "cleared" || x.kind === "payout_sent")) expect(total(e.change)).toBe(0n);
    for (const e of history.events.filter((x) => x.kind === "withdrawal")) expect(total(e.change)).toBe(-e.withdrawal!.feeMinor);
    expect(history.events.filter((e) => e.kind === "withdrawal")).toHaveLength(3);
    expect(history.events.filter((e) => e.kind === "payout_sent")).toHaveLength(1);
    expect(history.events.filter((e) => e.kind === "payout_returned")).toHaveLength(1);

    // The totals: what was earned, less the payout fees, is everything the states hold.
    expect(history.totals).toMatchObject({ grossMinor: 150_000n, feeMinor: 23_000n, netMinor: 127_000n, payoutFeesMinor: 400n, connectsMinor: 0n });
    expect(history.totals.netMinor - history.totals.payoutFeesMinor - history.totals.connectsMinor).toBe(total(top));
    expect(history.events.every((e) => typeof e.detail === "string" && e.detail.length > 0)).toBe(true);
  });

  it("shows the newest events with an opening balance that still adds up to the top", async () => {
    const freelancer = await makeUser(db.prisma, "FREELANCER");
    const client = await makeUser(db.prisma, "CLIENT");
    for (let i = 0; i < 4; i++) await earn(db.prisma, { clientId: client.id, freelancerId: freelancer.id, grossMinor: 10_000n, now: days(NOW, i) });
    const history = await loadEarningsHistory(db.prisma, freelancer.id, 2);
    expect(history.events).toHaveLength(2);
    expect(history.opening.pendingMinor).toBe(16_000n);
    expect(sum([history.opening, ...history.events.map((e) => e.change)])).toEqual(history.closing);
  });
});

describe("buildEarningsHistory", () => {
  it("keeps a payment whose fee took all of it (no transfer moved) as a payment that changes no state", () => {
    const at = (h: number) => new Date(NOW.getTime() + h * 3_600_000);
    const payment = (id: string, gross: bigint, net: bigint, releasedAt: Date) => ({
      id, kind: "MILESTONE" as const, contractId: "c1", milestoneId: id, hourlyWeekId: null, grossMinor: gross, feeMinor: gross - net, netMinor: net,
      priorBilledMinor: 0n, feeBands: [], releasedAt, contract: { feeSchedule: { json: { model: "flat", rateBps: 10_000 } } },
    });
    const history = buildEarningsHistory({
      accounts: { pending: "P", available: "A", withdrawing: "W" },
      transfers: [{ id: 1n, idempotencyKey: "k1#0", createdAt: at(2), kind: "escrow_release", memo: "m", amountMinor: 500n, debitAccountId: "E", creditAccountId: "P", contractId: "c1", milestoneId: "m2" }],
      payments: [payment("m1", 1_000n, 0n, at(1)), payment("m2", 1_000n, 500n, at(2))],
    });
    expect(history.events.map((e) => [e.kind, e.payment?.grossMinor, e.change.pendingMinor, e.balance.pendingMinor])).toEqual([
      ["payment", 1_000n, 500n, 500n],
      ["payment", 1_000n, 0n, 0n],
    ]);
    expect(history.totals).toMatchObject({ grossMinor: 2_000n, feeMinor: 1_500n, netMinor: 500n });
  });
});
