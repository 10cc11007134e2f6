import { z } from "zod";

const ZStates = z.object({ pendingMinor: z.bigint(), availableMinor: z.bigint(), withdrawingMinor: z.bigint(), withdrawnMinor: z.bigint() });

/** One event of the earnings history: a payment (gross, fee by band, net) or a change of state, with the running balance per state. */
const ZEarningsEvent = z.object({
  id: z.string(),
  at: z.date(),
  kind: z.enum(["payment", "cleared", "withdrawal", "payout_sent", "payout_returned", "connects_purchase", "other"]),
  memo: z.string(),
  detail: z.string(),
  contractId: z.string().nullable(),
  milestoneId: z.string().nullable(),
  payment: z
    .object({
      paymentId: z.string(),
      kind: z.enum(["MILESTONE", "HOURLY", "BONUS"]),
      hourlyWeekId: z.string().nullable(),
      grossMinor: z.bigint(),
      feeMinor: z.bigint(),
      netMinor: z.bigint(),
      bands: z.array(z.object({ rateBps: z.number().int(), partMinor: z.bigint(), feeMinor: z.bigint() })),
    })
    .nullable(),
  withdrawal: z.object({ amountMinor: z.bigint(), feeMinor: z.bigint(), netMinor: z.bigint() }).nullable(),
  change: ZStates,
  balance: ZStates,
});

export const ZEarnings = z.object({
  balances: z.object({
    inEscrowMinor: z.bigint(),
    inReviewMinor: z.bigint(),
    inDisputeMinor: z.bigint(),
    pendingMinor: z.bigint(),
    availableMinor: z.bigint(),
    withdrawingMinor: z.bigint(),
    withdrawnMinor: z.bigint(),
  }),
  pending: z.array(z.object({ paymentId: z.string(), netMinor: z.bigint(), availableAt: z.date(), contractId: z.string(), contractTitle: z.string() })),
  escrow: z.array(
    z.object({ milestoneId: z.string(), title: z.string(), contractTitle: z.string(), amountMinor: z.bigint(), status: z.string(), reviewDeadline: z.date().nullable() }),
  ),
  inReview: z.array(z.object({ weekId: z.string(), contractTitle: z.string(), amountMinor: z.bigint(), disputeDeadline: z.date().nullable() })),
  inDispute: z.array(z.object({ disputeId: z.string(), contractTitle: z.string(), what: z.string(), amountMinor: z.bigint(), openedAt: z.date() })),
  history: z.object({
    events: z.array(ZEarningsEvent),
    opening: ZStates,
    closing: ZStates,
    totals: z.object({ grossMinor: z.bigint(), feeMinor: z.bigint(), netMinor: z.bigint(), payoutFeesMinor: z.bigint(), connectsMinor: z.bigint() }),
  }),
  reconciles: z.boolean(),
});

const ZBand = z.object({ index: z.number().int(), fromMinor: z.bigint(), toMinor: z.bigint().nullable(), rateBps: z.number().int() });
export const ZLifetimeBillings = z.array(
  z.object({
    clientId: z.string(),
    clientName: z.string(),
    billedMinor: z.bigint(),
    currentBand: ZBand.nullable(),
    nextBand: ZBand.nullable(),
    remainingToNextMinor: z.bigint().nullable(),
  }),
);

export const ZEarningsByWeek = z.array(
  z.object({ weekStart: z.date(), grossMinor: z.bigint(), feeMinor: z.bigint(), netMinor: z.bigint(), heightPermille: z.number().int() }),
);
