import { membershipCycleAt, prorateMembership } from "@fairlance/rules";
import type { Db } from "../client";
import { balanceOf } from "../ledger/post-transfers";
import { loadSettings } from "../settings/load-settings";

export interface ConnectsCheckout {
  /** The freelancer's cards that can be charged now (verified). */
  cards: { id: string; brand: string; last4: string }[];
  /** Cards still waiting for verification (they cannot pay yet). */
  unverifiedCards: number;
  /** Whether paying from Available earnings is allowed by the settings in force (economy.md §2.1). */
  earningsAllowed: boolean;
  availableMinor: bigint;
  /**
   * What subscribing to Freelancer Plus now would charge and grant, by the same rules as
   * subscribeMembership: a first upgrade is a full cycle; a lapsed one rejoins its running cycle,
   * prorated; a cancelled one still paid resumes free. Null while a membership is active.
   */
  membershipQuote: { chargeMinor: bigint; connects: number; resumes: boolean; cycleEndsAt: Date } | null;
}

/** How a freelancer can pay for connects or Freelancer Plus right now, and what Plus would cost. */
export async function getConnectsCheckout(db: Db, freelancerId: string, now: Date): Promise<ConnectsCheckout> {
  const [methods, { settings }, availableMinor, membership] = await Promise.all([
    db.paymentMethod.findMany({ where: { userId: freelancerId }, orderBy: { createdAt: "asc" }, select: { id: true, brand: true, last4: true, status: true } }),
    loadSettings(db, now),
    balanceOf(db, { kind: "freelancer_available", userId: freelancerId }),
    db.membership.findUnique({ where: { userId: freelancerId }, select: { status: true, anchorAt: true, currentPeriodEnd: true } }),
  ]);
  const resumes = membership?.status === "CANCELLED" && membership.currentPeriodEnd.getTime() > now.getTime();
  const cycle = membershipCycleAt(membership?.anchorAt ?? now, now);
  const proration = prorateMembership({ cycle, at: now, settings });
  return {
    cards: methods.filter((method) => method.status === "VERIFIED").map(({ id, brand, last4 }) => ({ id, brand, last4 })),
    unverifiedCards: methods.filter((method) => method.status !== "VERIFIED").length,
    earningsAllowed: settings.allowConnectPurchaseFromEarnings,
    availableMinor,
    membershipQuote:
      membership?.status === "ACTIVE"
        ? null
        : resumes
          ? { chargeMinor: 0n, connects: 0, resumes: true, cycleEndsAt: membership.currentPeriodEnd }
          : { chargeMinor: proration.priceMinor, connects: proration.connects, resumes: false, cycleEndsAt: cycle.endsAt },
  };
}
