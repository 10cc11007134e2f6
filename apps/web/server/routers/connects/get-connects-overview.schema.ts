import { z } from "zod";

export const ZConnectsOverview = z.object({
  balance: z.number().int(),
  lotsExpiringSoon: z.array(z.object({ lotId: z.string(), connects: z.number().int(), expiresAt: z.date() })),
  history: z.array(
    z.object({
      id: z.bigint(),
      kind: z.string(),
      delta: z.number().int(),
      reason: z.string(),
      label: z.string(),
      note: z.string().nullable(),
      jobId: z.string().nullable(),
      jobTitle: z.string().nullable(),
      purchase: z.object({ priceMinor: z.bigint(), connectPriceMinor: z.bigint(), paidWith: z.string() }).nullable(),
      createdAt: z.date(),
      balanceAfter: z.number().int(),
      recorded: z.boolean(),
    }),
  ),
  reconciles: z.boolean(),
  bundles: z.array(z.object({ size: z.number().int(), priceMinor: z.bigint() })),
  membership: z.object({
    status: z.enum(["NONE", "ACTIVE", "CANCELLED", "LAPSED"]),
    activeUntil: z.date().nullable(),
    nextGrantAt: z.date().nullable(),
    monthlyConnects: z.number().int(),
    priceMinor: z.bigint(),
    rolloverCap: z.number().int().nullable(),
  }),
});
