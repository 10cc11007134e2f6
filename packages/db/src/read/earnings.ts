import { accountKey } from "@fairlance/rules";
import type { Db } from "../client";

export interface EarningsOverview {
  balances: {
    inEscrowMinor: bigint;
    inReviewMinor: bigint;
    pendingMinor: bigint;
    availableMinor: bigint;
    withdrawingMinor: bigint;
    withdrawnMinor: bigint;
  };
  /** Money in the security period, each with the date it becomes available. */
  pending: { paymentId: string; netMinor: bigint; availableAt: Date; contractTitle: string }[];
  /** Funded milestones, with the date they are approved automatically once submitted. */
  escrow: { milestoneId: string; title: string; contractTitle: string; amountMinor: bigint; status: string; reviewDeadline: Date | null }[];
  /** Hourly invoices the client can still dispute, with their release date. */
  inReview: { weekId: string; contractTitle: string; amountMinor: bigint; disputeDeadline: Date | null }[];
  /** Every money line, newest first; the fee of each payment is a line of its own. */
  history: { id: bigint; at: Date; kind: string; memo: string; amountMinor: bigint; contractId: string | null }[];
}

export async function getEarnings(db: Db, freelancerId: string): Promise<EarningsOverview> {
  const key = (kind: "freelancer_pending" | "freelancer_available" | "freelancer_payout_clearing") => accountKey({ kind, userId: freelancerId });
  const keys = [key("freelancer_pending"), key("freelancer_available"), key("freelancer_payout_clearing")];
  const [accounts, pending, escrow, inReview, withdrawn] = await Promise.all([
    db.ledgerAccount.findMany({ where: { key: { in: keys } }, select: { id: true, key: true, balanceMinor: true } }),
    db.payment.findMany({
      where: { freelancerId, clearedAt: null },
      orderBy: { availableAt: "asc" },
      select: { id: true, netMinor: true, availableAt: true, contract: { select: { title: true } } },
    }),
    db.milestone.findMany({
      where: { contract: { freelancerId }, status: { in: ["FUNDED", "SUBMITTED", "CHANGES_REQUESTED"] } },
      orderBy: { fundedAt: "asc" },
      select: { id: true, title: true, amountMinor: true, status: true, reviewDeadline: true, contract: { select: { title: true } } },
    }),
    db.hourlyWeek.findMany({
      where: { contract: { freelancerId }, status: { in: ["INVOICED", "DISPUTED"] } },
      select: { id: true, amountMinor: true, disputeDeadline: true, contract: { select: { title: true } } },
    }),
    db.withdrawal.aggregate({ where: { userId: freelancerId, status: "SENT" }, _sum: { netMinor: true } }),
  ]);
  const balance = (kind: Parameters<typeof key>[0]) => accounts.find((a) => a.key === key(kind))?.balanceMinor ?? 0n;
  const accountIds = accounts.map((a) => a.id);
  const sign = new Map(accountIds.map((id) => [id, true]));

  const transfers = await db.ledgerTransfer.findMany({
    where: {
      OR: [
        { debitAccountId: { in: accountIds } },
        { creditAccountId: { in: accountIds } },
        // The service fee leaves escrow for revenue: it is shown as its own line.
        { kind: "service_fee", contractId: { in: await contractIds(db, freelancerId) } },
      ],
    },
    orderBy: { id: "desc" },
    take: 200,
    select: { id: true, createdAt: true, kind: true, memo: true, amountMinor: true, contractId: true, creditAccountId: true, debitAccountId: true },
  });
  return {
    balances: {
      inEscrowMinor: escrow.reduce((sum, m) => sum + m.amountMinor, 0n),
      inReviewMinor: inReview.reduce((sum, w) => sum + w.amountMinor, 0n),
      pendingMinor: balance("freelancer_pending"),
      availableMinor: balance("freelancer_available"),
      withdrawingMinor: balance("freelancer_payout_clearing"),
      withdrawnMinor: withdrawn._sum.netMinor ?? 0n,
    },
    pending: pending.map((p) => ({ paymentId: p.id, netMinor: p.netMinor, availableAt: p.availableAt, contractTitle: p.contract.title })),
    escrow: escrow.map((m) => ({ milestoneId: m.id, title: m.title, contractTitle: m.contract.title, amountMinor: m.amountMinor, status: m.status, reviewDeadline: m.reviewDeadline })),
    inReview: inReview.map((w) => ({ weekId: w.id, contractTitle: w.contract.title, amountMinor: w.amountMinor, disputeDeadline: w.disputeDeadline })),
    history: transfers
      // Moves between the freelancer's own accounts (pending → available) are shown once, as a plus.
      .map((t) => ({
        id: t.id,
        at: t.createdAt,
        kind: t.kind,
        memo: t.memo,
        amountMinor: t.kind === "service_fee" ? -t.amountMinor : sign.has(t.creditAccountId) && !sign.has(t.debitAccountId) ? t.amountMinor : sign.has(t.debitAccountId) && !sign.has(t.creditAccountId) ? -t.amountMinor : t.amountMinor,
        contractId: t.contractId,
      })),
  };
}

async function contractIds(db: Db, freelancerId: string) {
  const contracts = await db.contract.findMany({ where: { freelancerId }, select: { id: true } });
  return contracts.map((c) => c.id);
}
