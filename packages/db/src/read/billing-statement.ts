import { accountKey, parseAccountKey, type AccountRef } from "@fairlance/rules";
import type { Db } from "../client";

/**
 * Where a client's money is (economy.md §3.3, §3.6): charged to the card, refunded to it, held in
 * escrow, paid to freelancers (the gross: the freelancer's service fee comes out of it), and
 * client fees. Always: charged − refunded = in escrow + paid to freelancers + client fees.
 */
export interface ClientStates {
  chargedMinor: bigint;
  refundedMinor: bigint;
  inEscrowMinor: bigint;
  paidMinor: bigint;
  clientFeesMinor: bigint;
}

export type BillingEventKind = "funded" | "bonus" | "released" | "refunded" | "other";

export interface BillingEvent {
  id: string;
  at: Date;
  kind: BillingEventKind;
  detail: string;
  contractId: string | null;
  change: ClientStates;
  /** Each amount after this event: the running balance of escrow, the running totals of the rest. */
  balance: ClientStates;
}

export interface BillingStatement {
  /** Newest first. */
  events: BillingEvent[];
  /** After the newest event: the summary at the top of the billing page. */
  closing: ClientStates;
  /** The ledger's escrow of the client's milestones and hourly invoices, read on its own. */
  ledgerEscrowMinor: bigint;
  /** The history adds up: its escrow is the ledger's, and charged − refunded = escrow + paid + fees. */
  reconciles: boolean;
  /** The part of the escrow frozen by open disputes (economy.md §9.3), each with the date it was opened. */
  inDispute: { disputeId: string; detail: string; amountMinor: bigint; openedAt: Date }[];
}

const ZERO: ClientStates = { chargedMinor: 0n, refundedMinor: 0n, inEscrowMinor: 0n, paidMinor: 0n, clientFeesMinor: 0n };
const FIELDS = ["chargedMinor", "refundedMinor", "inEscrowMinor", "paidMinor", "clientFeesMinor"] as const;
const add = (a: ClientStates, b: ClientStates): ClientStates => FIELDS.reduce((sum, field) => ({ ...sum, [field]: a[field] + b[field] }), ZERO);

type Side = "card" | "funding" | "escrow" | "fee" | "freelancer" | "other";

function sideOf(ref: AccountRef, clientId: string): Side {
  switch (ref.kind) {
    case "card_gateway":
      return "card";
    case "client_funding":
      return ref.userId === clientId ? "funding" : "other";
    case "escrow_milestone":
    case "escrow_hourly_invoice":
      return "escrow";
    case "freelancer_pending":
      return "freelancer";
    case "platform_revenue":
      return ref.revenue === "client_fee" ? "fee" : ref.revenue === "service_fee" ? "freelancer" : "other";
    default:
      return "other";
  }
}

/** What one transfer does to the client's amounts (only money that came from this client's card counts). */
function effectOf(from: Side, to: Side, amountMinor: bigint): ClientStates {
  const own = (side: Side) => side === "funding" || side === "escrow";
  return {
    chargedMinor: from === "card" && to === "funding" ? amountMinor : 0n,
    refundedMinor: from === "funding" && to === "card" ? amountMinor : 0n,
    inEscrowMinor: (to === "escrow" ? amountMinor : 0n) - (from === "escrow" ? amountMinor : 0n),
    paidMinor: to === "freelancer" && own(from) ? amountMinor : 0n,
    clientFeesMinor: (to === "fee" && own(from) ? amountMinor : 0n) - (from === "fee" && to === "funding" ? amountMinor : 0n),
  };
}

/**
 * The client's billing statement: every money event of their contracts, one per ledger operation,
 * with what it charged, refunded, put in or took out of escrow, paid to the freelancer, and the
 * client fee; and the running amounts after each. Built from the ledger, so it ends at the
 * summary the page shows.
 */
export async function getBillingStatement(db: Db, clientId: string): Promise<BillingStatement> {
  const contracts = await db.contract.findMany({
    where: { clientId },
    select: { id: true, title: true, milestones: { select: { id: true, title: true } }, hourlyWeeks: { select: { id: true, weekStart: true } } },
  });
  const fundingKey = accountKey({ kind: "client_funding", userId: clientId });
  const escrowKeys = contracts.flatMap((c) => [
    ...c.milestones.map((m) => accountKey({ kind: "escrow_milestone", milestoneId: m.id })),
    ...c.hourlyWeeks.map((w) => accountKey({ kind: "escrow_hourly_invoice", invoiceId: w.id })),
  ]);
  const [funding, escrowAccounts] = await Promise.all([
    db.ledgerAccount.findUnique({ where: { key: fundingKey }, select: { id: true, balanceMinor: true } }),
    db.ledgerAccount.findMany({ where: { key: { in: escrowKeys } }, select: { id: true, balanceMinor: true } }),
  ]);
  const escrowIds = escrowAccounts.map((a) => a.id);
  const ownIds = [...(funding ? [funding.id] : []), ...escrowIds];
  const transfers = ownIds.length === 0 ? [] : await db.ledgerTransfer.findMany({
    where: { OR: [{ debitAccountId: { in: ownIds } }, { creditAccountId: { in: ownIds } }] },
    orderBy: { id: "asc" },
    select: {
      id: true,
      idempotencyKey: true,
      createdAt: true,
      kind: true,
      memo: true,
      amountMinor: true,
      contractId: true,
      milestoneId: true,
      debitAccount: { select: { key: true } },
      creditAccount: { select: { key: true } },
    },
  });
  const contractTitle = new Map(contracts.map((c) => [c.id, c.title]));
  const milestoneTitle = new Map(contracts.flatMap((c) => c.milestones.map((m) => [m.id, m.title] as const)));

  const groups = new Map<string, typeof transfers>();
  for (const t of transfers) {
    const key = t.idempotencyKey.replace(/#\d+$/, "");
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  let balance = ZERO;
  const events: BillingEvent[] = [];
  for (const [id, group] of groups) {
    const change = group
      .map((t) => effectOf(sideOf(parseAccountKey(t.debitAccount.key), clientId), sideOf(parseAccountKey(t.creditAccount.key), clientId), t.amountMinor))
      .reduce(add, ZERO);
    if (FIELDS.every((field) => change[field] === 0n)) continue;
    balance = add(balance, change);
    const kinds = new Set(group.map((t) => t.kind));
    const kind: BillingEventKind = kinds.has("bonus") ? "bonus"
      : change.refundedMinor > 0n ? "refunded"
      : change.inEscrowMinor > 0n ? "funded"
      : change.paidMinor > 0n ? "released"
      : "other";
    const first = group[0]!;
    const withMilestone = group.find((t) => t.milestoneId);
    const contract = first.contractId ? contractTitle.get(first.contractId) : undefined;
    const milestone = withMilestone?.milestoneId ? milestoneTitle.get(withMilestone.milestoneId) : undefined;
    const detail = contract ? (milestone ? `“${milestone}” — ${contract}` : contract) : first.memo;
    events.push({ id, at: first.createdAt, kind, detail, contractId: first.contractId, change, balance });
  }
  const ledgerEscrowMinor = escrowAccounts.reduce((sum, a) => sum + a.balanceMinor, 0n);
  const reconciles =
    balance.inEscrowMinor === ledgerEscrowMinor &&
    (funding?.balanceMinor ?? 0n) === 0n &&
    balance.chargedMinor - balance.refundedMinor === balance.inEscrowMinor + balance.paidMinor + balance.clientFeesMinor;
  const disputes = await db.dispute.findMany({
    where: { status: "OPEN", contract: { clientId } },
    orderBy: { openedAt: "asc" },
    select: { id: true, amountMinor: true, openedAt: true, contract: { select: { title: true } }, milestone: { select: { title: true } }, hourlyWeek: { select: { weekStart: true } } },
  });
  const inDispute = disputes.map((d) => ({
    disputeId: d.id,
    detail: `${d.milestone ? `“${d.milestone.title}”` : `Week of ${d.hourlyWeek!.weekStart.toISOString().slice(0, 10)}`} — ${d.contract.title}`,
    amountMinor: d.amountMinor,
    openedAt: d.openedAt,
  }));
  return { events: events.reverse(), closing: balance, ledgerEscrowMinor, reconciles, inDispute };
}
