/** A rate in basis points as a percentage ("20%", "2.5%"); rates are not money. */
export function formatRate(bps: number): string {
  return bps % 100 === 0 ? `${bps / 100}%` : `${(bps / 100).toFixed(2).replace(/0$/, "")}%`;
}

export { formatMinutes } from "@fairlance/rules";

export const MILESTONE_STATUS_LABEL: Record<string, string> = {
  CREATED: "Not funded",
  FUNDED: "Funded (in escrow)",
  SUBMITTED: "Submitted, in review",
  CHANGES_REQUESTED: "Changes requested",
  APPROVED: "Approved and paid",
  REFUNDED: "Refunded to the client",
  REFUND_REQUESTED: "Refund requested, waiting for the freelancer",
  DISPUTED: "In dispute (escrow frozen)",
  SPLIT: "Split by a dispute's decision",
};

export const CONTRACT_STATUS_LABEL: Record<string, string> = {
  OFFERED: "Offer pending",
  ACTIVE: "Active",
  ENDED: "Ended",
  DECLINED: "Offer declined",
  EXPIRED: "Offer expired",
};

/** Why a contract or an offer ended, when the code stored it rather than a person's words. */
export const ENDED_REASON_LABEL: Record<string, string> = {
  offer_declined: "the freelancer declined the offer",
  offer_expired: "not accepted before it expired",
  job_removed: "the job was removed",
};
