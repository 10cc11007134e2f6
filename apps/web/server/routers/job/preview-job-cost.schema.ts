import { z } from "zod";

const Cents = z.bigint().nonnegative().max(100_000_000_00n, "That amount is too large.");

export const ZPreviewJobCostInput = z.object({
  pricing: z.discriminatedUnion("type", [
    z.object({ type: z.literal("fixed"), budgetMinor: Cents }),
    z.object({ type: z.literal("hourly"), maxHourlyRateMinor: Cents, estimatedHours: z.int().nonnegative().max(10_000) }),
  ]),
  durationDays: z.int().min(1, "A job lasts at least 1 day.").max(3_650),
});

export const ZPreviewJobCostOutput = z.object({
  projectedValueMinor: z.bigint(),
  connectCost: z.number().int(),
  connectPriceMinor: z.bigint(),
});
