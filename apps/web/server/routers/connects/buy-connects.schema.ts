import { z } from "zod";

export const ZBuyConnectsOutput = z.object({
  purchaseId: z.string(),
  connects: z.number().int(),
  connectPriceMinor: z.bigint(),
  priceMinor: z.bigint(),
  paidWith: z.enum(["card", "earnings"]),
  settingsVersion: z.number().int(),
  lotId: z.string(),
  expiresAt: z.date(),
  chargeRef: z.string().nullable(),
});
