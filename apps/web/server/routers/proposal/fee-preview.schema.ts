import { z } from "zod";
import { Bid, Id } from "@fairlance/db/services";

export const ZFeePreviewInput = z.strictObject({
  jobId: Id("job"),
  /** 0 while the bid is being typed. */
  bidMinor: Bid.nonnegative("A bid cannot be negative."),
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
