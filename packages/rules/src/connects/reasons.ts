/** Why a connects ledger entry happened; every entry carries one (economy.md §0.3, §2.2). */
export const CONNECT_ENTRY_REASONS = {
  signup_grant: "Granted on sign-up",
  rising_talent_grant: "Granted with the Rising Talent badge",
  membership_grant: "Freelancer Plus monthly connects",
  purchase: "Bought",
  admin_grant: "Granted by an admin",
  admin_revoke: "Taken back by an admin",
  proposal_spend: "Spent on a proposal",
  boost_spend: "Spent on a boost",
  refund_job_closed: "Refunded: the client closed the job without hiring",
  refund_job_removed: "Refunded: the job was removed for breaking the rules",
  refund_job_expired_unviewed: "Refunded: the job expired before any proposal was viewed",
  refund_boost_outbid: "Refunded: the boost did not win a top slot",
  refund_reissued: "Refunded into a new lot because the original one had expired",
  lot_expired: "Expired",
  rollover_cap: "Expired: above the rollover cap at the membership renewal",
} as const;

export type ConnectEntryReason = keyof typeof CONNECT_ENTRY_REASONS;
