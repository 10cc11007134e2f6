import { accountKey } from "@fairlance/rules";
import type { Db } from "../client";
import { loadEarningsHistory, sameStates, type EarningsHistory } from "./earnings-history";

/** The states of a freelancer's money and the date each amount moves on (economy.md §4, §9.3): the top of the earnings page, and the dashboard's. */
export interface EarningsBalances {
  balances: {
    inEscrowMinor: bigint;
    inReviewMinor: bigint;
    /** Escrow frozen by an open dispute (economy.md §9.3). */
    inDisputeMinor: bigint;
    pendingMinor: bigint;
    availableMinor: bigint;
    withdrawingMinor: bigint;
    withdrawnMinor: bigint;
  };
  /** Money in the security period, each with the date it becomes available. */
  pending: { paymentId: string; netMinor: bigint; availableAt: Date; contractId: string; contractTitle: string }[];
  /** Funded milestones, with the date they are approved automatically once submitted. */
  escrow: { milestoneId: string; title: string; contractTitle: string; amountMinor: bigint; status: string; reviewDeadline: Date | null }[];
  /** Hourly invoices the client can still dispute, with their release date. */
  inReview: { weekId: string; contractTitle: string; amountMinor: bigint; disputeDeadline: Date | null }[];
  /** Money held by open disputes, each with the date it was opened. */
  inDispute: { disputeId: string; contractTitle: string; what: string; amountMinor: bigint; openedAt: Date }[];
}

export interface EarningsOverview extends EarningsBalances {
  /**
   * Every payment (gross, fee by band, net) and every change of state, newest first, with a
   * running balance per state; its closing balances are the balances above.
   */
  history: EarningsHistory;
  /** The history's closing balances equal the balances above (they always should: both come from the ledger). */
  reconciles: boolean;
}

/** The balances by state with what is in each (no history): read once for the earnings page and the dashboard. */
export async function loadEarningsBalances(db: Db, freelancerId: string): Promise<EarningsBalances> {
  const key = (kind: "freelancer_pending" | "freelancer_available" | "freelancer_payout_clearing") => accountKey({ kind, userId: freelancerId });
  const keys = [key("freelancer_pending"), key("freelancer_available"), key("freelancer_payout_clearing")];
  const [accounts, pending, escrow, inReview, withdrawn, disputes] = await Promise.all([
    db.ledgerAccount.findMany({ where: { key: { in: keys } }, select: { id: true, key: true, balanceMinor: true } }),
    db.payment.findMany({
      where: { freelancerId, clearedAt: null },
      orderBy: { availableAt: "asc" },
      select: { id: true, netMinor: true, availableAt: true, contractId: true, contract: { select: { title: true } } },
    }),
    db.milestone.findMany({
      where: { contract: { freelancerId }, status: { in: ["FUNDED", "SUBMITTED", "CHANGES_REQUESTED", "REFUND_REQUESTED"] } },
      orderBy: { fundedAt: "asc" },
      select: { id: true, title: true, amountMinor: true, status: true, reviewDeadline: true, contract: { select: { title: true } } },
    }),
    db.hourlyWeek.findMany({
      where: { contract: { freelancerId }, status: "INVOICED" },
      select: { id: true, amountMinor: true, disputeDeadline: true, contract: { select: { title: true } } },
    }),
    db.withdrawal.aggregate({ where: { userId: freelancerId, status: "SENT" }, _sum: { netMinor: true } }),
    db.dispute.findMany({
      where: { status: "OPEN", contract: { freelancerId } },
      orderBy: { openedAt: "asc" },
      select: { id: true, amountMinor: true, openedAt: true, contract: { select: { title: true } }, milestone: { select: { title: true } }, hourlyWeek: { select: { weekStart: true } } },
    }),
  ]);
  const balance = (kind: Parameters<typeof key>[0]) => accounts.find((a) => a.key === key(kind))?.balanceMinor ?? 0n;
  const balances = {
    inEscrowMinor: escrow.reduce((sum, m) => sum + m.amountMinor, 0n),
    inReviewMinor: inReview.reduce((sum, w) => sum + w.amountMinor, 0n),
    inDisputeMinor: disputes.reduce((sum, d) => sum + d.amountMinor, 0n),
    pendingMinor: balance("freelancer_pending"),
    availableMinor: balance("freelancer_available"),
    withdrawingMinor: balance("freelancer_payout_clearing"),
    withdrawnMinor: withdrawn._sum.netMinor ?? 0n,
  };
  return {
    balances,
    pending: pending.map((p) => ({ paymentId: p.id, netMinor: p.netMinor, availableAt: p.availableAt, contractId: p.contractId, contractTitle: p.contract.title })),
    escrow: escrow.map((m) => ({ milestoneId: m.id, title: m.title, contractTitle: m.contract.title, amountMinor: m.amountMinor, status: m.status, reviewDeadline: m.reviewDeadline })),
    inReview: inReview.map((w) => ({ weekId: w.id, contractTitle: w.contract.title, amountMinor: w.amountMinor, disputeDeadline: w.disputeDeadline })),
    inDispute: disputes.map((d) => ({
      disputeId: d.id,
      contractTitle: d.contract.title,
      what: d.milestone ? d.milestone.title : `Week of ${d.hourlyWeek!.weekStart.toISOString().slice(0, 10)}`,
      amountMinor: d.amountMinor,
      openedAt: d.openedAt,
    })),
  };
}

export async function getEarnings(db: Db, freelancerId: string): Promise<EarningsOverview> {
  const [earnings, history] = await Promise.all([loadEarningsBalances(db, freelancerId), loadEarningsHistory(db, freelancerId)]);
  return { ...earnings, history, reconciles: sameStates(history.closing, earnings.balances) };
}
