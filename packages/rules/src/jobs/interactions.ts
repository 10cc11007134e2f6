import { compareIds } from "../order";
import { topBoostSlots, type BoostBid } from "../connects/boost";
import type { ProposalStatus } from "../contracts/lifecycles";
import { DEFAULT_SETTINGS } from "../settings/defaults";
import type { MarketplaceSettings } from "../settings/settings";

/**
 * The one definition of what a client's interaction with a proposal is, and of what counts as
 * activity on a job (economy.md §2.3, §3.1). Services record them through these tables, in the
 * transaction of the action; the boost auction and the job expiry read what was recorded.
 */

/** Everything a client can do to a proposal on their job. */
export const PROPOSAL_INTERACTIONS = {
  viewed: "opened the proposal",
  messaged: "wrote to the freelancer",
  shortlisted: "shortlisted it",
  interviewed: "invited the freelancer to interview",
  declined: "declined it",
  offered: "sent the freelancer an offer (hiring)",
} as const;
export type ProposalInteraction = keyof typeof PROPOSAL_INTERACTIONS;
export const PROPOSAL_INTERACTION_KINDS = Object.keys(PROPOSAL_INTERACTIONS) as ProposalInteraction[];

/** Who does something on a job. */
export type JobActor = "client" | "freelancer" | "marketplace";

interface ActivityDefinition {
  by: JobActor;
  /** Whether it moves the job's last activity, and so its expiry, `jobExpiryDays` later. */
  counts: boolean;
  /** How the job page names it, in the list of what counts. */
  words: string;
  /** Why it counts or not. */
  why: string;
}

/**
 * Every kind of activity on a job. Anything the client does on the job counts: the job is alive
 * while its owner acts on it. A freelancer's new proposal counts too: the job is still drawing
 * interest (each costs connects, one per freelancer, at most `maxProposalsPerJob`, so nobody can
 * keep a job open by themselves for ever). An offer that ends without a hire counts: the job is
 * open again and its client gets a whole period to hire someone else. What a freelancer does on
 * their own side (writing to the client, withdrawing, declining an invitation) does not count:
 * it says nothing about whether the client still wants the job done, and writing is unlimited.
 */
export const JOB_ACTIVITIES = {
  published: { by: "client", counts: true, words: "publishing it", why: "The job starts its life." },
  edited: { by: "client", counts: true, words: "editing it", why: "The client is working on the job." },
  invited: { by: "client", counts: true, words: "inviting a freelancer", why: "The client is looking for someone for the job." },
  proposal_viewed: { by: "client", counts: true, words: "opening a proposal", why: "The client is reading the job's proposals." },
  proposer_messaged: { by: "client", counts: true, words: "writing to a proposer", why: "The client is talking to a candidate." },
  proposal_shortlisted: { by: "client", counts: true, words: "shortlisting", why: "The client is choosing." },
  proposal_interviewed: { by: "client", counts: true, words: "inviting to interview", why: "The client is choosing." },
  proposal_declined: { by: "client", counts: true, words: "declining a proposal", why: "The client is choosing." },
  offer_sent: { by: "client", counts: true, words: "sending an offer", why: "The client is hiring." },
  proposal_received: { by: "freelancer", counts: true, words: "a new proposal", why: "The job still draws interest; each proposal costs connects and is one per freelancer." },
  offer_declined: { by: "freelancer", counts: true, words: "an offer being declined", why: "The job is open again: its client gets a whole period to hire someone else." },
  offer_expired: { by: "marketplace", counts: true, words: "an offer expiring unanswered", why: "The job is open again: its client gets a whole period to hire someone else." },
  freelancer_messaged: { by: "freelancer", counts: false, words: "a freelancer writing to you", why: "It says nothing about whether the client still wants the job done, and writing is unlimited." },
  proposal_withdrawn: { by: "freelancer", counts: false, words: "a proposal withdrawn", why: "A freelancer leaving is not activity of the job." },
  invitation_declined: { by: "freelancer", counts: false, words: "an invitation declined", why: "A freelancer saying no is not activity of the job." },
} as const satisfies Record<string, ActivityDefinition>;
export type JobActivity = keyof typeof JOB_ACTIVITIES;
export const JOB_ACTIVITY_KINDS = Object.keys(JOB_ACTIVITIES) as JobActivity[];

/** The job activity each client interaction with a proposal is. */
export const INTERACTION_ACTIVITY: Record<ProposalInteraction, JobActivity> = {
  viewed: "proposal_viewed",
  messaged: "proposer_messaged",
  shortlisted: "proposal_shortlisted",
  interviewed: "proposal_interviewed",
  declined: "proposal_declined",
  offered: "offer_sent",
};

/** Does this activity move the job's expiry (economy.md §3.1)? Only while the job is open: an ended job does not expire. */
export function countsAsJobActivity(kind: JobActivity, jobStatus: "draft" | "open" | "hired" | "closed" | "expired" | "removed" = "open"): boolean {
  return jobStatus === "open" && JOB_ACTIVITIES[kind].counts;
}

/** "publishing it, editing it, …, and an offer expiring unanswered": what counts, for the job pages. */
export function jobActivityWords(): string {
  const counted = JOB_ACTIVITY_KINDS.filter((kind) => JOB_ACTIVITIES[kind].counts).map((kind) => JOB_ACTIVITIES[kind].words);
  return `${counted.slice(0, -1).join(", ")} and ${counted.at(-1)}`;
}

/** What a proposal's boost needs to know about it. */
export interface BoostState {
  boostConnects: number;
  /** When the auction settled it (kept or refunded); null while it is still in play. */
  boostSettledAt: Date | null;
  /** Its boost connects came back (the auction, or the job closed or removed). */
  boostRefunded?: boolean;
}

/** The proposal is boosted, its boost was not refunded, and its auction has not settled it yet. */
export const isBoostInPlay = (proposal: BoostState): boolean => proposal.boostConnects > 0 && proposal.boostSettledAt === null && proposal.boostRefunded !== true;

/**
 * Does this interaction keep the proposal's boost (economy.md §2.3)? Every client interaction does
 * (viewing, messaging, shortlisting, inviting to interview, declining, hiring), while the proposal
 * is boosted and its auction has not settled it.
 */
export function interactionKeepsBoost(_interaction: ProposalInteraction, proposal: BoostState): boolean {
  return isBoostInPlay(proposal);
}

/** A proposal as the boost auction and the client's list see it. */
export interface RankedProposal {
  id: string;
  status: Uppercase<ProposalStatus> | ProposalStatus;
  boostConnects: number;
  boostRefunded: boolean;
  submittedAt: Date;
}

/**
 * Whether a proposal's boost bids in its job's auction (economy.md §2.3): boosted, not refunded, and
 * not withdrawn (a withdrawn proposal gives up its slot).
 */
export function boostBidOf(proposal: RankedProposal): BoostBid | null {
  if (proposal.boostConnects <= 0 || proposal.boostRefunded || proposal.status.toLowerCase() === "withdrawn") return null;
  return { proposalId: proposal.id, boostConnects: proposal.boostConnects, boostedAt: proposal.submittedAt };
}

/**
 * The client's proposal list (economy.md §2.3): the top `boostSlots` boosts as the auction settles
 * them (higher bid first, the earlier on a tie), then every other proposal oldest first, boosted or
 * not. `topSlot` tells the page (and the freelancer) which proposals hold a slot now.
 */
export function rankProposals<P extends RankedProposal>(
  proposals: readonly P[],
  settings: Pick<MarketplaceSettings, "boostSlots"> = DEFAULT_SETTINGS,
): (P & { topSlot: boolean })[] {
  const bids = proposals.flatMap((proposal) => {
    const bid = boostBidOf(proposal);
    return bid ? [bid] : [];
  });
  const slots = topBoostSlots(bids, settings).map((bid) => bid.proposalId);
  const slotOf = new Map(slots.map((id, index) => [id, index]));
  const top = proposals.filter((proposal) => slotOf.has(proposal.id)).sort((a, b) => slotOf.get(a.id)! - slotOf.get(b.id)!);
  const rest = proposals
    .filter((proposal) => !slotOf.has(proposal.id))
    .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || compareIds(a.id, b.id));
  return [...top.map((proposal) => ({ ...proposal, topSlot: true })), ...rest.map((proposal) => ({ ...proposal, topSlot: false }))];
}

/** The sentence the client's proposal list states its order with. */
export function rankingRule(settings: Pick<MarketplaceSettings, "boostSlots"> = DEFAULT_SETTINGS): string {
  const slots = settings.boostSlots === 1 ? "The highest boost is shown first" : `The ${settings.boostSlots} highest boosts are shown first`;
  return `${slots} (a higher bid first, the earlier one on a tie), then every other proposal oldest first.`;
}
