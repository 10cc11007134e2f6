import { z } from "zod";

export const ZConnectsRoiReport = z.object({
  roi: z.object({
    connectsSpent: z.number().int(),
    proposals: z.number().int(),
    viewed: z.number().int(),
    interviews: z.number().int(),
    hires: z.number().int(),
    spentMinor: z.bigint(),
    costPerViewMinor: z.bigint().nullable(),
    costPerInterviewMinor: z.bigint().nullable(),
    costPerHireMinor: z.bigint().nullable(),
  }),
  connectPriceMinor: z.bigint(),
  weeks: z.array(
    z.object({ weekStartsAt: z.date(), proposals: z.number().int(), connectsSpent: z.number().int(), viewed: z.number().int(), hires: z.number().int() }),
  ),
});
