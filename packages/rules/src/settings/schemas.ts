import { z } from "zod";
import { MAX_AMOUNT_MINOR } from "../money/parse";
import { VERIFICATION_ACTIONS } from "../accounts/account-tokens";

/** Building blocks of the settings schema, shared by the fee, connect and payout rules. */

export const MinorSchema = z
  .bigint("Enter an amount in cents.")
  .nonnegative("An amount cannot be negative.")
  .max(MAX_AMOUNT_MINOR, "An amount cannot be more than $100,000,000.00.");

export const RateBpsSchema = z
  .int("A rate is a whole number of basis points.")
  .min(0, "A rate cannot be below 0%.")
  .max(10_000, "A rate cannot be above 100%.");

// Upper bounds keep every value inside the INTEGER columns and date arithmetic it feeds.
export const ConnectsCountSchema = z
  .int("Connects are whole numbers.")
  .nonnegative("A number of connects cannot be negative.")
  .max(100_000, "At most 100,000 connects.");

export const DaysSchema = z.int("Days are whole numbers.").nonnegative("A number of days cannot be negative.").max(3_650, "At most 3,650 days (10 years).");

export const PositiveDaysSchema = z.int("Days are whole numbers.").positive("Use at least 1 day.").max(3_650, "At most 3,650 days (10 years).");

/** Ranges given by their upper edges: ascending, all bounded except the last, which is open. */
function refineUpperEdges(edges: readonly (bigint | null)[], context: z.RefinementCtx): void {
  edges.forEach((edge, index) => {
    const isLast = index === edges.length - 1;
    if (isLast && edge !== null) {
      context.addIssue({ code: "custom", path: [index, "upToMinor"], message: "The last band must be open-ended." });
    }
    if (!isLast && edge === null) {
      context.addIssue({ code: "custom", path: [index, "upToMinor"], message: "Only the last band can be open-ended." });
    }
    const previous = index > 0 ? edges[index - 1] : undefined;
    if (edge !== null && typeof previous === "bigint" && edge <= previous) {
      context.addIssue({ code: "custom", path: [index, "upToMinor"], message: "Bands must go up in amount." });
    }
  });
}

const UpperEdgeSchema = z
  .bigint("Enter an amount in cents.")
  .positive("A band edge must be above $0.00.")
  .max(MAX_AMOUNT_MINOR, "A band edge cannot be more than $100,000,000.00.")
  .nullable();

export const FeeBandSchema = z.object({ upToMinor: UpperEdgeSchema, rateBps: RateBpsSchema }, "Each band needs an upper edge and a rate.");

const FeeBandsSchema = z
  .array(FeeBandSchema, "Enter the bands as a list.")
  .min(1, "A fee schedule needs at least one band.")
  .superRefine((bands, context) => refineUpperEdges(bands.map((band) => band.upToMinor), context));

export const FEE_MODELS = ["tiered", "flat", "variable"] as const;
export type FeeModel = (typeof FEE_MODELS)[number];

/**
 * - `tiered`: bands over the lifetime billings between one freelancer and one client (economy.md §3.5).
 * - `flat`: one rate on every payment.
 * - `variable`: the band the single payment's size falls in sets the rate for the whole payment.
 */
export const FeeScheduleSchema = z.discriminatedUnion(
  "model",
  [
    z.object({ model: z.literal("tiered"), bands: FeeBandsSchema }),
    z.object({ model: z.literal("variable"), bands: FeeBandsSchema }),
    z.object({ model: z.literal("flat"), rateBps: RateBpsSchema }),
  ],
  "Choose a fee model: tiered, variable or flat.",
);

export type FeeBand = z.infer<typeof FeeBandSchema>;
export type FeeSchedule = z.infer<typeof FeeScheduleSchema>;
export type BandedFeeSchedule = Extract<FeeSchedule, { bands: unknown }>;

/** A tier costs `connects`, or `shortConnects` when the job lasts at most `shortMaxDays` days. */
export const RateCardTierSchema = z.object(
  {
    upToMinor: UpperEdgeSchema,
    connects: ConnectsCountSchema,
    shortConnects: ConnectsCountSchema,
    shortMaxDays: DaysSchema,
  },
  "Each tier needs an upper edge, connects, short connects and short days.",
);

export const RateCardSchema = z.object({
  tiers: z
    .array(RateCardTierSchema, "Enter the tiers as a list.")
    .min(1, "A rate card needs at least one tier.")
    .superRefine((tiers, context) => refineUpperEdges(tiers.map((tier) => tier.upToMinor), context)),
}, "Enter a rate card with its tiers.");

export type RateCardTier = z.infer<typeof RateCardTierSchema>;
export type RateCard = z.infer<typeof RateCardSchema>;

export const PAYOUT_METHOD_KINDS = ["ach", "local_bank", "paypal", "instant", "wire"] as const;
export type PayoutMethodKind = (typeof PAYOUT_METHOD_KINDS)[number];

export const PayoutMethodFeesSchema = z.object(
  {
    ach: MinorSchema,
    local_bank: MinorSchema,
    paypal: MinorSchema,
    instant: MinorSchema,
    wire: MinorSchema,
  },
  "Enter a fee for each payout method.",
);
export type PayoutMethodFees = z.infer<typeof PayoutMethodFeesSchema>;

export const BundleSizesSchema = z
  .array(
    z.int("A bundle is a whole number of connects.").positive("A bundle holds at least 1 connect.").max(100_000, "A bundle holds at most 100,000 connects."),
    "Enter the bundle sizes as a list.",
  )
  .min(1, "Offer at least one bundle.")
  .max(20, "Offer at most 20 bundles.")
  .refine((sizes) => new Set(sizes).size === sizes.length, "Each bundle size can be offered once.");

function compiles(pattern: { source: string; flags: string }): boolean {
  try {
    new RegExp(pattern.source, pattern.flags);
    return true;
  } catch {
    return false;
  }
}

/** `contact` patterns only matter before a contract exists; `payment` patterns always do. */
export const ScamPatternSchema = z
  .object(
    {
      id: z.string("Give the pattern an id.").max(60, "Keep the id under 60 characters.").regex(/^[a-z][a-z0-9_]*$/, "Use a lowercase id like off_platform_payment."),
      label: z.string("Give the pattern a label.").trim().min(1, "Give the pattern a label.").max(200, "Keep the label under 200 characters."),
      category: z.enum(["contact", "payment"], "Choose the category contact or payment."),
      // Every message is scanned with every pattern: keep them short.
      source: z.string("Enter the pattern.").min(1, "A pattern cannot be empty.").max(1_000, "Keep a pattern under 1,000 characters."),
      flags: z.string("Enter the flags (or none).").regex(/^[imsu]*$/, "Use only the flags i, m, s and u."),
    },
    "Each pattern needs an id, label, category, source and flags.",
  )
  .refine(compiles, { message: "The pattern is not a valid regular expression.", path: ["source"] });

export const ScamPatternsSchema = z
  .array(ScamPatternSchema, "Enter the patterns as a list.")
  .max(200, "At most 200 patterns.")
  .refine((patterns) => new Set(patterns.map((p) => p.id)).size === patterns.length, "Pattern ids must be unique.");

export type ScamPattern = z.infer<typeof ScamPatternSchema>;

/** What waits for a confirmed email: a list of distinct actions among propose, post_job, withdraw (empty: nothing waits). */
export const VerificationActionsSchema = z
  .array(z.enum(VERIFICATION_ACTIONS, "Use only propose, post_job and withdraw."), "Enter the actions as a list.")
  .max(VERIFICATION_ACTIONS.length, "List each action at most once.")
  .refine((actions) => new Set(actions).size === actions.length, "List each action at most once.");
