import { compareIds } from "../order";
import { DEFAULT_SETTINGS } from "../settings/defaults";
import type { MarketplaceSettings } from "../settings/settings";
import { addDays, minDate } from "../time";

export interface BoostBid {
  proposalId: string;
  boostConnects: number;
  boostedAt: Date;
}

/** Boosted proposals by bid, highest first; ties go to the earlier bid (then the proposal id). */
export function rankBoostBids<Bid extends BoostBid>(bids: readonly Bid[]): Bid[] {
  return bids
    .filter((bid) => bid.boostConnects > 0)
    .sort(
      (a, b) =>
        b.boostConnects - a.boostConnects ||
        a.boostedAt.getTime() - b.boostedAt.getTime() ||
        compareIds(a.proposalId, b.proposalId),
    );
}

/** The boosted proposals in the top slots (economy.md §2.3: 4 by default). */
export function topBoostSlots<Bid extends BoostBid>(
  bids: readonly Bid[],
  settings: Pick<MarketplaceSettings, "boostSlots"> = DEFAULT_SETTINGS,
): Bid[] {
  return rankBoostBids(bids).slice(0, settings.boostSlots);
}

/** The auction closes at posted + 7 days or at the first hire, whichever comes first. */
export function boostAuctionClosesAt(input: {
  postedAt: Date;
  firstHireAt?: Date | null;
  settings?: Pick<MarketplaceSettings, "boostAuctionDays">;
}): Date {
  const { postedAt, firstHireAt, settings = DEFAULT_SETTINGS } = input;
  const scheduled = addDays(postedAt, settings.boostAuctionDays);
  return firstHireAt ? minDate(scheduled, firstHireAt) : scheduled;
}

export interface BoostSettlement {
  proposalId: string;
  boostConnects: number;
  outcome: "kept" | "refunded";
  why: "top_slot" | "client_interacted" | "outbid";
}

/**
 * At the auction's close, each boost bid is kept if its proposal ranks in the top slots or the
 * client interacted with it while it was boosted; otherwise its boost connects are refunded.
 */
export function settleBoostAuction(
  bids: readonly (BoostBid & { clientInteractedWhileBoosted: boolean })[],
  settings: Pick<MarketplaceSettings, "boostSlots"> = DEFAULT_SETTINGS,
): BoostSettlement[] {
  const winners = new Set(topBoostSlots(bids, settings).map((bid) => bid.proposalId));
  return rankBoostBids(bids).map((bid): BoostSettlement => {
    const base = { proposalId: bid.proposalId, boostConnects: bid.boostConnects };
    if (winners.has(bid.proposalId)) return { ...base, outcome: "kept", why: "top_slot" };
    if (bid.clientInteractedWhileBoosted) return { ...base, outcome: "kept", why: "client_interacted" };
    return { ...base, outcome: "refunded", why: "outbid" };
  });
}
