// Read models: what each page shows, computed in one place; they never change anything.
export { sessionActor, type SessionActor } from "./session";
export * from "./dashboard";
export * from "./connects-overview";
export * from "./job-pages";
export * from "./flagged-messages";
export * from "./reports";
export * from "./messages";
export * from "./inbox";
export * from "./attachments";
export * from "./account-notices";
export * from "./account";
export * from "./contract-view";
export * from "./earnings";
export * from "./search-jobs";
export * from "./proposal-fee-preview";
export * from "./job-cost-preview";
export * from "./client-jobs";
export * from "./connects-checkout";
export * from "./connects-roi";
export * from "./billing";
export * from "./billing-statement";
export * from "./earnings-history";
export * from "./contract-pages";
export * from "./payout-pages";
export * from "./admin-settings";
export * from "./admin-impact";
export * from "./admin-users";
export * from "./admin-ledger";
export * from "./admin-audit";
export * from "./admin-moderation";
export * from "./admin-job-runs";
export * from "./public-terms";export { loadSettings, type SettingsInForce } from "../settings/load-settings";
export { checkInvariants, formatInvariantReport, INVARIANT_CHECKS, ledgerSize, runInvariantCheck, type InvariantCheck, type InvariantReport } from "../ledger/invariants";
export * from "./disputes";
export * from "./reputation";
// Profiles (issue 15)
export * from "./freelancer-profile";
export * from "./client-profile";
export * from "./my-profile";

export * from "./search-freelancers";
export * from "./invitations";
export * from "./saved";
export * from "./freelancer-summary";
// The bell and the notifications page (issue 16)
export * from "./notifications";
// Notification preferences, unsubscribe links and the demo mailbox (README, "Email").
export * from "./notification-preferences";
export * from "./mailbox";
export { describeUnsubscribe } from "../services/preferences/unsubscribe";
