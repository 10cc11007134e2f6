import { z } from "zod";

export const ZBillingHistory = z.array(
  z.object({
    id: z.string(),
    at: z.date(),
    kind: z.enum(["charge", "refund"]),
    description: z.string(),
    amountMinor: z.bigint(),
    card: z.string().nullable(),
  }),
);

const ZClientStates = z.object({ chargedMinor: z.bigint(), refundedMinor: z.bigint(), inEscrowMinor: z.bigint(), paidMinor: z.bigint(), clientFeesMinor: z.bigint() });

/** The client's statement: each money event of their contracts with the running amounts, ending at the summary (economy.md §3.3). */
export const ZBillingStatement = z.object({
  events: z.array(
    z.object({
      id: z.string(),
      at: z.date(),
      kind: z.enum(["funded", "bonus", "released", "refunded", "other"]),
      detail: z.string(),
      contractId: z.string().nullable(),
      change: ZClientStates,
      balance: ZClientStates,
    }),
  ),
  closing: ZClientStates,
  ledgerEscrowMinor: z.bigint(),
  reconciles: z.boolean(),
  inDispute: z.array(z.object({ disputeId: z.string(), detail: z.string(), amountMinor: z.bigint(), openedAt: z.date() })),
});
