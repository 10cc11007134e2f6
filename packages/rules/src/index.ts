/**
 * @fairlance/rules — the marketplace's economy as pure functions (see README.md).
 * No clock, no randomness, no I/O: `now` and settings are arguments.
 */
export * from "./errors";
export * from "./time";
export * from "./codec/typed-json";
export * from "./codec/legacy";

export * from "./money/arithmetic";
export * from "./money/format";
export * from "./money/parse";
export * from "./text/count";
export * from "./text/fields";
export * from "./text/limits";
export * from "./text/roles";

export * from "./accounts/account-tokens";

export * from "./settings/schemas";
export * from "./settings/definitions";
export * from "./settings/settings";
export * from "./settings/defaults";
export * from "./settings/json";
export * from "./settings/versions";

export * from "./fees/fee-bands";
export * from "./fees/service-fee";
export * from "./fees/preview";
export * from "./fees/client-fee";

export * from "./connects/rate-card";
export * from "./connects/bundles";
export * from "./connects/reasons";
export * from "./connects/lots";
export * from "./connects/refunds";
export * from "./connects/boost";
export * from "./connects/membership";
export * from "./connects/roi";

export * from "./contracts/lifecycle";
export * from "./contracts/lifecycles";
export * from "./contracts/work-start-gate";
export * from "./contracts/guards";
export * from "./contracts/disputes";
export * from "./jobs/interactions";

export * from "./payouts/timeline";
export * from "./payouts/withdrawals";
export * from "./payouts/auto-withdrawal";

export * from "./ledger/accounts";
export * from "./ledger/transfers";
export * from "./ledger/escrow-entries";
export * from "./ledger/freelancer-entries";

export * from "./trust/reports";
export * from "./trust/scam-shield";
export * from "./trust/trust-panel";
export * from "./trust/warnings";
export * from "./trust/suspension";

export * from "./reputation/feedback";
export * from "./reputation/job-success";
export * from "./reputation/profile-completeness";
export * from "./reputation/images";
export * from "./reputation/profile-entries";
export * from "./notifications/catalogue";
export * from "./notifications/reminders";

export * from "./inbox/attachments";
