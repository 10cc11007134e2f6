import type { Db } from "../client";
import { balanceOf } from "../ledger/post-transfers";
import { loadSettings } from "../settings/load-settings";

export interface ConnectsCheckout {
  /** The freelancer's cards that can be charged now (verified). */
  cards: { id: string; brand: string; last4: string }[];
  /** Cards still waiting for verification (they cannot pay yet). */
  unverifiedCards: number;
  /** Whether paying from Available earnings is allowed by the settings in force (RULES 2.1). */
  earningsAllowed: boolean;
  availableMinor: bigint;
}

/** How a freelancer can pay for connects or Freelancer Plus right now. */
export async function getConnectsCheckout(db: Db, freelancerId: string, now: Date): Promise<ConnectsCheckout> {
  const [methods, { settings }, availableMinor] = await Promise.all([
    db.paymentMethod.findMany({ where: { userId: freelancerId }, orderBy: { createdAt: "asc" }, select: { id: true, brand: true, last4: true, status: true } }),
    loadSettings(db, now),
    balanceOf(db, { kind: "freelancer_available", userId: freelancerId }),
  ]);
  return {
    cards: methods.filter((method) => method.status === "VERIFIED").map(({ id, brand, last4 }) => ({ id, brand, last4 })),
    unverifiedCards: methods.filter((method) => method.status !== "VERIFIED").length,
    earningsAllowed: settings.allowConnectPurchaseFromEarnings,
    availableMinor,
  };
}
