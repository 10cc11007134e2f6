import { z } from "zod";
import { IdempotencyKey } from "@fairlance/db";
import { MAX_AMOUNT_MINOR } from "@fairlance/rules";

const ZKind = z.enum(["ACH", "LOCAL_BANK", "PAYPAL", "INSTANT", "WIRE"]);
const ZSchedule = z.enum(["WEEKLY", "TWICE_MONTHLY", "MONTHLY", "QUARTERLY"]);
const ZWithdrawalStatus = z.enum(["PROCESSING", "SENT", "FAILED"]);

export const ZPayoutsOverview = z.object({
  availableMinor: z.bigint(),
  withdrawalMinimumMinor: z.bigint(),
  autoThresholdMinimumMinor: z.bigint(),
  waitingDays: z.number().int(),
  feesByKind: z.array(z.object({ kind: z.string(), feeMinor: z.bigint() })),
  methods: z.array(z.object({ id: z.string(), kind: ZKind, label: z.string(), usableFrom: z.date(), usable: z.boolean(), feeMinor: z.bigint() })),
  auto: z.object({ schedule: ZSchedule, thresholdMinor: z.bigint(), payoutMethodId: z.string(), nextRunAt: z.date() }).nullable(),
  withdrawals: z.array(
    z.object({
      id: z.string(),
      createdAt: z.date(),
      amountMinor: z.bigint(),
      feeMinor: z.bigint(),
      netMinor: z.bigint(),
      status: ZWithdrawalStatus,
      automatic: z.boolean(),
      failureReason: z.string().nullable(),
      methodLabel: z.string(),
    }),
  ),
});

export const ZAddPayoutMethodInput = z.object({
  kind: ZKind,
  account: z.string().trim().min(4, "Enter the full account.").max(64, "That account is too long."),
  label: z.string().trim().min(1, "Give the method a name you will recognise.").max(60),
});
export const ZAddedPayoutMethod = z.object({ id: z.string(), kind: z.string(), label: z.string(), usableFrom: z.date() });

export const ZWithdrawalQuoteInput = z.object({ payoutMethodId: z.uuid(), amountMinor: z.bigint().positive("Enter an amount above $0.").max(MAX_AMOUNT_MINOR, "You cannot withdraw more than $100,000,000.00 at once.") });
export const ZWithdrawalQuote = z.object({ amountMinor: z.bigint(), feeMinor: z.bigint(), netMinor: z.bigint(), methodLabel: z.string(), availableMinor: z.bigint() });

export const ZWithdrawInput = ZWithdrawalQuoteInput.extend({ idempotencyKey: IdempotencyKey });
export const ZWithdrawal = z.object({
  id: z.string(),
  status: ZWithdrawalStatus,
  amountMinor: z.bigint(),
  feeMinor: z.bigint(),
  netMinor: z.bigint(),
  failureReason: z.string().nullable(),
  createdAt: z.date(),
});

export const ZSetAutoInput = z.object({
  schedule: ZSchedule.nullable(),
  thresholdMinor: z.bigint().positive("Enter a threshold above $0.").max(MAX_AMOUNT_MINOR, "The threshold cannot be more than $100,000,000.00."),
  payoutMethodId: z.uuid("Choose a payout method."),
});
export const ZAutoSetting = z.object({ schedule: ZSchedule, thresholdMinor: z.bigint(), payoutMethodId: z.string() }).nullable();
