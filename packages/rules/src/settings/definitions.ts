import { z } from "zod";
import { ATTACHMENT_RULES } from "../inbox/attachments";
import {
  BundleSizesSchema,
  ConnectsCountSchema,
  DaysSchema,
  FeeScheduleSchema,
  MinorSchema,
  PayoutMethodFeesSchema,
  PositiveDaysSchema,
  RateBpsSchema,
  RateCardSchema,
  ScamPatternsSchema,
  VerificationActionsSchema,
} from "./schemas";

export type SettingGroup = "connects" | "jobs" | "fees" | "payouts" | "trust";

/** How an admin page should read and edit a value. */
export type SettingUnit =
  | "connects"
  | "money"
  | "days"
  | "bps"
  | "boolean"
  | "count"
  | "bundle_sizes"
  | "rate_card"
  | "fee_schedule"
  | "payout_fees"
  | "scam_patterns"
  | "verification_actions";

export interface SettingDefinition<Schema extends z.ZodType = z.ZodType> {
  label: string;
  description: string;
  group: SettingGroup;
  unit: SettingUnit;
  schema: Schema;
}

function define<Schema extends z.ZodType>(definition: SettingDefinition<Schema>): SettingDefinition<Schema> {
  return definition;
}

/** Every [admin] value of economy.md: the explicit set of keys stored, versioned, in the database. */
export const SETTING_DEFINITIONS = {
  signupConnects: define({
    label: "Sign-up connects",
    description: "Connects a freelancer gets once, on sign-up.",
    group: "connects",
    unit: "connects",
    schema: ConnectsCountSchema,
  }),
  risingTalentConnects: define({
    label: "Rising Talent connects",
    description: "Connects granted once with the Rising Talent badge.",
    group: "connects",
    unit: "connects",
    schema: ConnectsCountSchema,
  }),
  membershipMonthlyConnects: define({
    label: "Freelancer Plus connects",
    description: "Connects granted at the start of each membership billing cycle.",
    group: "connects",
    unit: "connects",
    schema: ConnectsCountSchema,
  }),
  membershipPriceMinor: define({
    label: "Freelancer Plus price",
    description: "Price of one monthly membership cycle.",
    group: "connects",
    unit: "money",
    schema: MinorSchema,
  }),
  connectBundleSizes: define({
    label: "Connect bundles",
    description: "Bundle sizes a freelancer can buy.",
    group: "connects",
    unit: "bundle_sizes",
    schema: BundleSizesSchema,
  }),
  connectPriceMinor: define({
    label: "Connect price",
    description: "Price of one purchased connect.",
    group: "connects",
    unit: "money",
    schema: MinorSchema,
  }),
  allowConnectPurchaseFromEarnings: define({
    label: "Buy connects from earnings",
    description: "Whether a freelancer may pay for connects from their Available balance.",
    group: "connects",
    unit: "boolean",
    schema: z.boolean("Choose on or off."),
  }),
  connectLotExpiryDays: define({
    label: "Connect expiry",
    description: "Days after issue when a granted or bought lot of connects expires.",
    group: "connects",
    unit: "days",
    schema: PositiveDaysSchema,
  }),
  connectRolloverCap: define({
    label: "Rollover cap",
    description: "Most unspent connects kept at a membership cycle boundary; empty means no cap.",
    group: "connects",
    unit: "connects",
    schema: ConnectsCountSchema.nullable(),
  }),
  connectRefundReissueExpiryDays: define({
    label: "Re-issued connects expiry",
    description: "Days a refunded connect lasts when its original lot has already expired.",
    group: "connects",
    unit: "days",
    schema: PositiveDaysSchema,
  }),
  connectRateCard: define({
    label: "Connect rate card",
    description: "What a proposal to a job costs, by projected value and duration.",
    group: "connects",
    unit: "rate_card",
    schema: RateCardSchema,
  }),
  boostSlots: define({
    label: "Boost slots",
    description: "How many boosted proposals rank at the top of a job.",
    group: "connects",
    unit: "count",
    schema: z.int("Slots are whole numbers.").min(0, "Slots cannot be negative.").max(1_000, "At most 1,000 boost slots."),
  }),
  boostAuctionDays: define({
    label: "Boost auction length",
    description: "Days after posting when the boost auction closes (or at the first hire).",
    group: "connects",
    unit: "days",
    schema: DaysSchema,
  }),
  maxProposalsPerJob: define({
    label: "Proposals per job",
    description: "Most proposals one job accepts.",
    group: "jobs",
    unit: "count",
    schema: z.int("Proposals per job is a whole number.").positive("A job must accept at least one proposal.").max(10_000, "A job accepts at most 10,000 proposals."),
  }),
  refundConnectsOnExpiryWithNoView: define({
    label: "Refund on unviewed expiry",
    description: "Refund proposals' connects when a job expires with no proposal ever viewed.",
    group: "connects",
    unit: "boolean",
    schema: z.boolean("Choose on or off."),
  }),
  jobExpiryDays: define({
    label: "Job expiry",
    description: "Days without activity after which an open job expires.",
    group: "jobs",
    unit: "days",
    schema: PositiveDaysSchema,
  }),
  offerExpiryDays: define({
    label: "Offer expiry",
    description: "Days a freelancer has to accept or decline an offer before it expires.",
    group: "jobs",
    unit: "days",
    schema: PositiveDaysSchema,
  }),
  milestoneMinimumMinor: define({
    label: "Milestone minimum",
    description: "Smallest amount of a milestone.",
    group: "jobs",
    unit: "money",
    schema: MinorSchema,
  }),
  clientFeeBps: define({
    label: "Client marketplace fee",
    description: "Fee a client pays on top of each funding, invoice and bonus.",
    group: "fees",
    unit: "bps",
    schema: RateBpsSchema,
  }),
  reviewWindowDays: define({
    label: "Review window",
    description: "Days a client has to review submitted work before it is approved automatically.",
    group: "jobs",
    unit: "days",
    schema: PositiveDaysSchema,
  }),
  maxChangeRequests: define({
    label: "Change requests per milestone",
    description: "Times a client may send submitted work back for changes; after that only approval or a dispute remain.",
    group: "jobs",
    unit: "count",
    schema: z.int("Change requests are a whole number.").min(0, "Change requests cannot be negative.").max(20, "At most 20 change requests per milestone."),
  }),
  refundRequestDays: define({
    label: "Refund request answer time",
    description: "Days a freelancer has to accept or dispute a client's request to refund a funded milestone before it is accepted automatically.",
    group: "jobs",
    unit: "days",
    schema: PositiveDaysSchema,
  }),
  feeSchedule: define({
    label: "Freelancer service fee",
    description: "Fee bands over lifetime billings with each client (for new contracts).",
    group: "fees",
    unit: "fee_schedule",
    schema: FeeScheduleSchema,
  }),
  securityPeriodDays: define({
    label: "Security period",
    description: "Days released money stays pending before it becomes available.",
    group: "payouts",
    unit: "days",
    schema: DaysSchema,
  }),
  withdrawalMinimumMinor: define({
    label: "Withdrawal minimum",
    description: "Smallest manual withdrawal.",
    group: "payouts",
    unit: "money",
    schema: MinorSchema,
  }),
  minWithdrawalNetMinor: define({
    label: "Smallest useful payout",
    description: "Least a withdrawal must pay after its payout method's fee; a withdrawal that would pay less is refused.",
    group: "payouts",
    unit: "money",
    schema: MinorSchema,
  }),
  payoutMethodFeesMinor: define({
    label: "Payout method fees",
    description: "Fee of one withdrawal, by payout method.",
    group: "payouts",
    unit: "payout_fees",
    schema: PayoutMethodFeesSchema,
  }),
  payoutMethodWaitingDays: define({
    label: "New payout method wait",
    description: "Days after it is added before a payout method can be used.",
    group: "payouts",
    unit: "days",
    schema: DaysSchema,
  }),
  autoWithdrawalMinimumThresholdMinor: define({
    label: "Automatic withdrawal threshold floor",
    description: "Lowest threshold a freelancer can set for automatic withdrawals.",
    group: "payouts",
    unit: "money",
    schema: MinorSchema,
  }),
  autoWithdrawalMaxAgeDays: define({
    label: "Automatic withdrawal age",
    description: "Available money older than this is paid out regardless of the threshold.",
    group: "payouts",
    unit: "days",
    schema: PositiveDaysSchema,
  }),
  scamShieldPatterns: define({
    label: "Scam shield patterns",
    description: "Message patterns that warn the recipient and flag the conversation for admins.",
    group: "trust",
    unit: "scam_patterns",
    schema: ScamPatternsSchema,
  }),
  // Reputation (economy.md §10). In the "trust" group: the admin page lists a fixed set of groups.
  feedbackWindowDays: define({
    label: "Feedback window",
    description: "Days after a contract ends during which each side may leave feedback; feedback still hidden is revealed when it closes.",
    group: "trust",
    unit: "days",
    schema: PositiveDaysSchema,
  }),
  jssMinContracts: define({
    label: "Job Success Score minimum",
    description: "Contracts that paid the freelancer, ended within the score's window, needed before a freelancer has a Job Success Score.",
    group: "trust",
    unit: "count",
    schema: z.int("Contracts are a whole number.").positive("At least 1 contract.").max(100, "At most 100 contracts."),
  }),
  jssWindowMonths: define({
    label: "Job Success Score window (months)",
    description: "Months back from today over which ended contracts count towards the Job Success Score.",
    group: "trust",
    unit: "count",
    schema: z.int("Months are a whole number.").positive("Use at least 1 month.").max(120, "At most 120 months (10 years)."),
  }),
  jssLongTermContracts: define({
    label: "Long-term client: contracts",
    description: "Paid contracts with one client, within the score's window, that make them a long-term client (one more good outcome).",
    group: "trust",
    unit: "count",
    schema: z.int("Contracts are a whole number.").min(2, "A long-term client has at least 2 contracts.").max(100, "At most 100 contracts."),
  }),
  jssLongTermPaidMinor: define({
    label: "Long-term client: amount paid",
    description: "Paid to the freelancer by one client, within the score's window, that makes them a long-term client (one more good outcome).",
    group: "trust",
    unit: "money",
    schema: MinorSchema.positive("The amount must be more than $0.00."),
  }),
  // Accounts (economy.md §13): what waits until a person has confirmed their email.
  verificationRequiredFor: define({
    label: "Needs a confirmed email",
    description: "What a person may do only after following the link sent to their email: send proposals (propose), post or publish jobs (post_job), withdraw money (withdraw).",
    group: "trust",
    unit: "verification_actions",
    schema: VerificationActionsSchema,
  }),
  // The inbox (issue 16, economy.md §5.1).
  attachmentMaxBytes: define({
    label: "Attachment size limit (bytes)",
    description: "Largest file, in bytes, that can be attached to a message or to submitted work (10 MB is 10,485,760; at most 25 MB, 26,214,400).",
    group: "trust",
    unit: "count",
    schema: z
      .int("The limit is a whole number of bytes.")
      .min(ATTACHMENT_RULES.floorBytes, `At least ${ATTACHMENT_RULES.floorBytes.toLocaleString("en-US")} bytes (100 KB).`)
      .max(ATTACHMENT_RULES.ceilingBytes, `At most ${ATTACHMENT_RULES.ceilingBytes.toLocaleString("en-US")} bytes (25 MB): the API reads no larger upload.`),
  }),
};

export type SettingDefinitions = typeof SETTING_DEFINITIONS;
export type SettingKey = keyof SettingDefinitions;

export const SETTING_KEYS: readonly SettingKey[] = Object.freeze(Object.keys(SETTING_DEFINITIONS) as SettingKey[]);

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(SETTING_DEFINITIONS, key);
}
