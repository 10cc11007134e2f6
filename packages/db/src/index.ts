export { createPrismaClient, getPrisma, Prisma, PrismaClient, type Db, type Tx } from "./client";
export type * from "./generated/prisma/enums";
export { DomainError, isDomainError, DOMAIN_ERROR_CODES, type DomainErrorCode } from "./errors";
export { IdempotencyKey } from "./idempotency";
export { currentTime, advanceClock, movableClockEnabled } from "./clock";
export { advanceClockAndQueue, enqueueEconomySql, pendingEconomyJobs } from "./runner/enqueue";
export { listJobRuns, failedEconomyJobs, type JobRunView } from "./runner/runs";
export { runAllTasks } from "./runner/record-run";
export { loadSettings, type SettingsInForce } from "./settings/load-settings";
export { checkInvariants, formatInvariantReport, type InvariantReport } from "./ledger/invariants";
export type { PaymentGateway } from "./gateway/gateway";
export { SandboxGateway, getGateway, SANDBOX_CARDS, SANDBOX_VERIFICATION_CODE } from "./gateway/sandbox";

// People
export { signUp, SignUpInput, SIGN_UP_THROTTLE, signUpThrottle, type SignedUpUser } from "./services/sign-up";
export { verifyCredentials, LOGIN_THROTTLE, type AuthenticatedUser } from "./services/verify-credentials";
export { revokeSessions } from "./services/sessions/revoke-sessions";
export { endSessions, EndSessionsInput, type EndedSessions } from "./services/sessions/end-sessions";
export { changePassword, ChangePasswordInput, type ChangedPassword } from "./services/sessions/change-password";
export { signOutEverywhere } from "./services/sessions/sign-out-everywhere";
export * from "./read/dashboard";

// Connects and membership
export * from "./services/connects/admin-grant-connects";
export * from "./services/connects/admin-revoke-connects";
export * from "./services/connects/buy-connects";
export * from "./services/connects/cancel-membership";
export * from "./services/connects/expire-connect-lots";
export * from "./services/connects/grant-rising-talent";
export * from "./services/connects/read-connects";
export * from "./services/connects/renew-memberships";
export * from "./services/connects/subscribe-membership";

// Jobs, proposals, messages
export * from "./services/jobs/close-boost-auctions";
export * from "./services/jobs/close-job";
export * from "./services/jobs/decline-proposal";
export * from "./services/jobs/edit-job";
export * from "./services/jobs/expire-jobs";
export * from "./services/jobs/invite-freelancer";
export * from "./services/jobs/mark-proposal-viewed";
export * from "./services/jobs/post-job";
export * from "./services/jobs/publish-job";
export * from "./services/jobs/read-jobs";
export * from "./services/jobs/remove-job";
export * from "./services/jobs/shortlist-proposal";
export * from "./services/jobs/submit-proposal";
export * from "./services/jobs/withdraw-proposal";
export * from "./services/messages/list-flagged-messages";
export * from "./services/messages/list-messages";
export * from "./services/messages/mark-flag-reviewed";
export * from "./services/messages/send-message";

// Payment methods, contracts, milestones, hourly, bonuses
export * from "./services/payments/add-payment-method";
export * from "./services/payments/verify-payment-method";
export { isPaymentVerified } from "./services/payments/payment-verified";
export * from "./services/contracts/accept-offer";
export * from "./services/contracts/add-milestone";
export * from "./services/contracts/approve-milestone";
export * from "./services/contracts/auto-approve-milestones";
export * from "./services/contracts/decline-offer";
export * from "./services/contracts/dispute-hourly-week";
export * from "./services/contracts/end-contract";
export * from "./services/contracts/fund-milestone";
export * from "./services/contracts/hire-proposal";
export * from "./services/contracts/invoice-hourly-weeks";
export * from "./services/contracts/log-time";
export * from "./services/contracts/make-direct-offer";
export * from "./services/contracts/pay-bonus";
export * from "./services/contracts/read-contracts";
export * from "./services/contracts/refund-milestone";
export * from "./services/contracts/release-hourly-weeks";
export * from "./services/contracts/request-changes";
export * from "./services/contracts/resolve-dispute";
export * from "./services/contracts/submit-work";

// Earnings and payouts
export * from "./services/payouts/add-payout-method";
export * from "./services/payouts/clear-pending";
export * from "./services/payouts/read-earnings";
export * from "./services/payouts/run-auto-withdrawals";
export * from "./services/payouts/set-auto-withdrawal";
export { settleProcessingWithdrawals, type SettledWithdrawal } from "./services/payouts/settle-withdrawal";
export * from "./services/payouts/withdraw";

// Read models of the jobs, proposals and connects pages
export * from "./read/search-jobs";
export * from "./read/proposal-fee-preview";
export * from "./read/job-cost-preview";
export * from "./read/client-jobs";
export * from "./read/connects-checkout";
export * from "./read/connects-roi";
export * from "./read/billing";
export * from "./read/contract-pages";
export * from "./read/payout-pages";

// Admin console
export * from "./services/admin/change-setting";
export * from "./services/admin/suspend-user";
export * from "./read/admin-settings";
export * from "./read/admin-impact";
export * from "./read/admin-users";
export * from "./read/admin-ledger";
export * from "./read/admin-audit";
export * from "./read/admin-moderation";
export * from "./read/admin-job-runs";

// The one typed-JSON codec (the API's wire format, stored replays) and the API edge's decoder
export { encodeTyped, decodeTyped, isTypedJson, type TypedJson } from "./codec/typed-json";
export { decodeUntrusted, describePath, textProblem, WIRE_TYPES, MAX_DEPTH, type InputProblem, type InputPath } from "./codec/untrusted";
