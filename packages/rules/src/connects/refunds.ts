import { formatConnects } from "../text/count";
import { RuleViolation } from "../errors";
import { DEFAULT_SETTINGS } from "../settings/defaults";
import type { MarketplaceSettings } from "../settings/settings";
import { addDays, assertValidDate } from "../time";
import { assertConnectsAmount, type LotTake } from "./lots";
import type { ConnectEntryReason } from "./reasons";

/** What a proposal still holds from one lot: spent minus already refunded, with the lot's expiry. */
export interface HeldFromLot extends LotTake {
  expiresAt: Date;
}

export interface RefundPlan {
  /** Connects going back to their original, unexpired lots. */
  toLots: LotTake[];
  /** Connects whose lot has expired, re-issued as one new lot; `null` when there are none. */
  reissue: { connects: number; expiresAt: Date } | null;
}

/**
 * Where a refund of `connects` goes (economy.md §2.5): back to the lots the proposal took from, in
 * proportion to what each still holds — largest remainders get the odd connects, ties going to
 * the lot listed first — so no lot gets back more than it gave. A share whose lot expired by
 * `now` is re-issued in one new lot expiring `connectRefundReissueExpiryDays` after `now`.
 * `connects` defaults to everything held (a full refund).
 */
export function planRefund(input: {
  held: readonly HeldFromLot[];
  connects?: number;
  now: Date;
  settings?: Pick<MarketplaceSettings, "connectRefundReissueExpiryDays">;
}): RefundPlan {
  const { held, now, settings = DEFAULT_SETTINGS } = input;
  assertValidDate(now, "current time");
  held.forEach((lot) => assertConnectsAmount(lot.connects, "connects held"));
  const totalHeld = held.reduce((total, lot) => total + lot.connects, 0);
  const connects = input.connects ?? totalHeld;
  assertConnectsAmount(connects);
  if (connects > totalHeld) {
    throw new RuleViolation("CONNECTS_REFUND_EXCEEDS_SPEND", `Only ${formatConnects(totalHeld)} can be refunded here.`, {
      connects,
      totalHeld,
    });
  }
  const toLots: LotTake[] = [];
  let reissued = 0;
  for (const { item: lot, share } of proportionalShares(held, connects)) {
    if (share === 0) continue;
    if (lot.expiresAt.getTime() <= now.getTime()) reissued += share;
    else toLots.push({ lotId: lot.lotId, connects: share });
  }
  const reissue = reissued > 0 ? { connects: reissued, expiresAt: addDays(now, settings.connectRefundReissueExpiryDays) } : null;
  return { toLots, reissue };
}

/** Splits `amount` over the items' connects by largest remainder; requires amount ≤ their sum. */
function proportionalShares<Item extends LotTake>(items: readonly Item[], amount: number): { item: Item; share: number }[] {
  const total = items.reduce((sum, item) => sum + item.connects, 0);
  const shares = items.map((item, index) => ({
    item,
    index,
    share: total === 0 ? 0 : Math.floor((item.connects * amount) / total),
    remainder: total === 0 ? 0 : (item.connects * amount) % total,
  }));
  const left = amount - shares.reduce((sum, entry) => sum + entry.share, 0);
  const byRemainder = [...shares].sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const entry of byRemainder.slice(0, left)) entry.share += 1;
  return shares;
}

export type ProposalEndReason =
  | "job_closed_without_hire"
  | "job_removed_by_admin"
  | "proposal_withdrawn"
  | "proposal_removed_by_admin"
  | "proposal_declined"
  | "other_freelancer_hired"
  | "job_expired";

export type ConnectRefundDecision =
  | { refund: true; reason: ConnectEntryReason; explanation: string }
  | { refund: false; explanation: string };

/**
 * Whether a proposal's connects (boost included) come back when it ends (economy.md §2.5). A job that
 * expires refunds only when the admin rule is on and no proposal on it was ever viewed.
 */
export function connectRefundPolicy(
  reason: ProposalEndReason,
  settings: Pick<MarketplaceSettings, "refundConnectsOnExpiryWithNoView"> = DEFAULT_SETTINGS,
  context: { anyProposalViewed?: boolean } = {},
): ConnectRefundDecision {
  switch (reason) {
    case "job_closed_without_hire":
      return { refund: true, reason: "refund_job_closed", explanation: "The client closed the job without hiring." };
    case "job_removed_by_admin":
      return { refund: true, reason: "refund_job_removed", explanation: "The job was removed for breaking the rules." };
    case "proposal_withdrawn":
      return { refund: false, explanation: "Connects are not refunded when you withdraw a proposal." };
    case "proposal_removed_by_admin":
      return { refund: false, explanation: "Connects are not refunded when Fairlance removes a proposal for breaking the rules." };
    case "proposal_declined":
      return { refund: false, explanation: "Connects are not refunded when the client declines a proposal." };
    case "other_freelancer_hired":
      return { refund: false, explanation: "Connects are not refunded when another freelancer is hired." };
    case "job_expired":
      if (settings.refundConnectsOnExpiryWithNoView && context.anyProposalViewed === false) {
        return { refund: true, reason: "refund_job_expired_unviewed", explanation: "The job expired before the client viewed any proposal." };
      }
      return { refund: false, explanation: "Connects are not refunded when a job expires." };
  }
}
