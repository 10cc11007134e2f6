import { z } from "zod";

export const ZFeePreviewInput = z.object({
  jobId: z.uuid("That job does not exist."),
  bidMinor: z.bigint().nonnegative("A bid cannot be negative.").max(100_000_000_00n, "Your bid is too large."),
});

const ZBandRange = z.object({ index: z.number().int(), fromMinor: z.bigint(), toMinor: z.bigint().nullable(), rateBps: z.number().int() });
const ZStanding = z.object({ current: ZBandRange.nullable(), next: ZBandRange.nullable(), remainingToNextMinor: z.bigint().nullable() });

export const ZFeePreviewOutput = z.object({
  jobType: z.enum(["FIXED", "HOURLY"]),
  priorBilledMinor: z.bigint(),
  amountMinor: z.bigint(),
  feeMinor: z.bigint(),
  netMinor: z.bigint(),
  bands: z.array(ZBandRange.extend({ partMinor: z.bigint(), feeMinor: z.bigint() })),
  before: ZStanding,
  after: ZStanding,
});
