import { z } from "zod";

export const ZPublicTerms = z.object({
  serviceFee: z.object({
    model: z.enum(["tiered", "variable", "flat"]),
    bands: z.array(z.object({ fromMinor: z.bigint(), toMinor: z.bigint().nullable(), rateBps: z.number().int() })),
  }),
  clientFeeBps: z.number().int(),
  withdrawalMinimumMinor: z.bigint(),
  minimumNetMinor: z.bigint(),
  boostSlots: z.number().int(),
  autoWithdrawalMaxAgeDays: z.number().int(),
});
