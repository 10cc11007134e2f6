import { z } from "zod";
import { IdempotencyKey } from "@fairlance/db";

export const ZBuyConnectsInput = z.object({
  idempotencyKey: IdempotencyKey,
  bundleSize: z.int("Choose a bundle.").positive("Choose a bundle."),
  paidWith: z.enum(["card", "earnings"], "Pay with a card or with your Available earnings."),
  paymentMethodId: z.uuid("Choose a card.").optional(),
});

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
