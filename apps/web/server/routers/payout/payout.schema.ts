import { z } from "zod";
import { WithdrawInput } from "@fairlance/db/services";

const ZKind = z.enum(["ACH", "LOCAL_BANK", "PAYPAL", "INSTANT", "WIRE"]);
const ZSchedule = z.enum(["WEEKLY", "TWICE_MONTHLY", "MONTHLY", "QUARTERLY"]);
const ZWithdrawalStatus = z.enum(["PROCESSING", "SENT", "FAILED"]);

/** The runner's next run (nextAutoWithdrawalRun) and what it would send with today's Available balance (economy.md §4). */
const ZAutoNextRun = z.object({
  runAt: z.date(),
  due: z.boolean(),
  waitsForMethod: z.boolean(),
  methodUsableAt: z.date(),
  wouldSend: z.object({
    payout: z.boolean(),
    reason: z.enum(["threshold_met", "aged_balance", "below_threshold", "nothing_available", "not_above_fee", "net_below_minimum"]),
    amountMinor: z.bigint(),
    feeMinor: z.bigint(),
    netMinor: z.bigint(),
    thresholdMinor: z.bigint(),
  }),
});

export const ZPayoutsOverview = z.object({
  /** An admin's hold on this freelancer's payouts (economy.md §5.3). */
  payoutsHeld: z.object({ since: z.date(), reason: z.string() }).nullable(),
  availableMinor: z.bigint(),
  withdrawalMinimumMinor: z.bigint(),
  minimumNetMinor: z.bigint(),
  autoWithdrawalMaxAgeDays: z.number().int(),
  autoThresholdMinimumMinor: z.bigint(),
  waitingDays: z.number().int(),
  feesByKind: z.array(z.object({ kind: z.string(), feeMinor: z.bigint() })),
  methods: z.array(z.object({ id: z.string(), kind: ZKind, label: z.string(), usableFrom: z.date(), usable: z.boolean(), feeMinor: z.bigint(), smallestMinor: z.bigint() })),
  auto: z.object({ schedule: ZSchedule, thresholdMinor: z.bigint(), payoutMethodId: z.string(), nextRunAt: z.date(), nextRun: ZAutoNextRun }).nullable(),
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

export const ZAddedPayoutMethod = z.object({ id: z.string(), kind: z.string(), label: z.string(), usableFrom: z.date() });

/** The withdraw form before sending: the withdrawal's own fields, without its key. */
export const ZWithdrawalQuoteInput = WithdrawInput.omit({ idempotencyKey: true });
export const ZWithdrawalQuote = z.object({ amountMinor: z.bigint(), feeMinor: z.bigint(), netMinor: z.bigint(), methodLabel: z.string(), availableMinor: z.bigint() });

export const ZWithdrawal = z.object({
  id: z.string(),
  status: ZWithdrawalStatus,
  amountMinor: z.bigint(),
  feeMinor: z.bigint(),
  netMinor: z.bigint(),
  failureReason: z.string().nullable(),
  createdAt: z.date(),
});

export const ZAutoSetting = z.object({ schedule: ZSchedule, thresholdMinor: z.bigint(), payoutMethodId: z.string(), nextRun: ZAutoNextRun }).nullable();
