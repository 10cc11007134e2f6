import { z } from "zod";
import { DurationDays } from "@fairlance/db/services";

const Cents = z.bigint().nonnegative().max(100_000_000_00n, "That amount is too large.");

export const ZPreviewJobCostInput = z.strictObject({
  pricing: z.discriminatedUnion("type", [
    z.strictObject({ type: z.literal("fixed"), budgetMinor: Cents }),
    z.strictObject({ type: z.literal("hourly"), maxHourlyRateMinor: Cents, estimatedHours: z.int().nonnegative().max(10_000) }),
  ]),
  durationDays: DurationDays,
});

export const ZPreviewJobCostOutput = z.object({
  projectedValueMinor: z.bigint(),
  connectCost: z.number().int(),
  connectPriceMinor: z.bigint(),
});
