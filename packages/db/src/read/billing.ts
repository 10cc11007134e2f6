import { accountKey } from "@fairlance/rules";
import type { Db, PaymentMethodStatus } from "../client";

export interface PaymentMethodView {
  id: string;
  brand: string;
  last4: string;
  status: PaymentMethodStatus;
  verifiedAt: Date | null;
  createdAt: Date;
}

/** The signed-in person's cards, newest first, and whether they are payment verified (economy.md §1). */
export async function listPaymentMethods(db: Db, userId: string): Promise<{ methods: PaymentMethodView[]; paymentVerified: boolean }> {
  const methods = await db.paymentMethod.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, brand: true, last4: true, status: true, verifiedAt: true, createdAt: true },
  });
  return { methods, paymentVerified: methods.some((method) => method.status === "VERIFIED") };
}

export interface BillingLine {
  id: string;
  at: Date;
  kind: "charge" | "refund";
  /** A sentence naming what was paid for (the milestone, the contract, connects…). */
  description: string;
  /** Positive: charged to the card; negative: refunded to it. */
  amountMinor: bigint;
  card: string | null;
}

/**
 * A person's billing history (economy.md §0.6, §8 "plain reasons"): every card charge with its purpose,
 * and every refund to their card from the ledger, newest first.
 */
export async function getBillingHistory(db: Db, userId: string): Promise<BillingLine[]> {
  const [charges, refunds] = await Promise.all([
    db.charge.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take: 200 }),
    db.ledgerTransfer.findMany({
      where: { kind: "client_refund", debitAccount: { key: accountKey({ kind: "client_funding", userId }) } },
      orderBy: { id: "desc" },
      take: 200,
      select: { id: true, createdAt: true, amountMinor: true, milestoneId: true, contractId: true },
    }),
  ]);
  const cards = await db.paymentMethod.findMany({ where: { userId }, select: { id: true, brand: true, last4: true } });
  const cardName = new Map(cards.map((card) => [card.id, `${card.brand} …${card.last4}`]));
  const ids = (prefix: string) => charges.filter((c) => c.purpose.startsWith(`${prefix}:`)).map((c) => c.purpose.slice(prefix.length + 1));
  const [milestones, contracts, weeks, refundMilestones] = await Promise.all([
    db.milestone.findMany({ where: { id: { in: ids("milestone") } }, select: { id: true, title: true, contract: { select: { title: true } } } }),
    db.contract.findMany({ where: { id: { in: ids("bonus") } }, select: { id: true, title: true } }),
    db.hourlyWeek.findMany({ where: { id: { in: ids("hourly_week") } }, select: { id: true, weekStart: true, contract: { select: { title: true } } } }),
    db.milestone.findMany({
      where: { id: { in: refunds.flatMap((r) => (r.milestoneId ? [r.milestoneId] : [])) } },
      select: { id: true, title: true, contract: { select: { title: true } } },
    }),
  ]);
  const describe = (purpose: string): string => {
    const [kind, id] = purpose.split(":");
    if (kind === "milestone") {
      const m = milestones.find((x) => x.id === id);
      return m ? `Escrow for milestone "${m.title}" (${m.contract.title}), with the client fee` : "Escrow for a milestone";
    }
    if (kind === "bonus") return `Bonus on "${contracts.find((x) => x.id === id)?.title ?? "a contract"}", with the client fee`;
    if (kind === "hourly_week") {
      const w = weeks.find((x) => x.id === id);
      return w ? `Hourly invoice for the week of ${w.weekStart.toISOString().slice(0, 10)} (${w.contract.title}), with the client fee` : "Hourly invoice";
    }
    if (kind === "connects_purchase") return "Connects bundle";
    if (kind === "membership") return "Freelancer Plus membership";
    return purpose;
  };
  const lines: BillingLine[] = [
    ...charges.map((c) => ({ id: c.id, at: c.createdAt, kind: "charge" as const, description: describe(c.purpose), amountMinor: c.amountMinor, card: cardName.get(c.paymentMethodId) ?? null })),
    ...refunds.map((r) => {
      const m = refundMilestones.find((x) => x.id === r.milestoneId);
      return {
        id: `refund-${r.id}`,
        at: r.createdAt,
        kind: "refund" as const,
        description: m ? `Refund of milestone "${m.title}" (${m.contract.title}) and its client fee` : "Refund to your card",
        amountMinor: -r.amountMinor,
        card: null,
      };
    }),
  ];
  return lines.sort((a, b) => b.at.getTime() - a.at.getTime());
}
