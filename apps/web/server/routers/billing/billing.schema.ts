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
