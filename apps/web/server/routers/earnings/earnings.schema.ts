import { z } from "zod";

export const ZEarnings = z.object({
  balances: z.object({
    inEscrowMinor: z.bigint(),
    inReviewMinor: z.bigint(),
    pendingMinor: z.bigint(),
    availableMinor: z.bigint(),
    withdrawingMinor: z.bigint(),
    withdrawnMinor: z.bigint(),
  }),
  pending: z.array(z.object({ paymentId: z.string(), netMinor: z.bigint(), availableAt: z.date(), contractTitle: z.string() })),
  escrow: z.array(
    z.object({ milestoneId: z.string(), title: z.string(), contractTitle: z.string(), amountMinor: z.bigint(), status: z.string(), reviewDeadline: z.date().nullable() }),
  ),
  inReview: z.array(z.object({ weekId: z.string(), contractTitle: z.string(), amountMinor: z.bigint(), disputeDeadline: z.date().nullable() })),
  history: z.array(z.object({ id: z.bigint(), at: z.date(), kind: z.string(), memo: z.string(), detail: z.string(), amountMinor: z.bigint(), contractId: z.string().nullable() })),
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
