import { z } from "zod";

export const ZClock = z.object({
  movable: z.boolean(),
  now: z.date(),
  /** Economy jobs the runner has not finished yet (0 = caught up). */
  pendingJobs: z.number().int(),
});

export const ZAdvanceClockInput = z.strictObject({
  days: z.number().int("Move the clock by whole days.").min(1, "Move the clock by at least 1 day.").max(60, "Move the clock by at most 60 days at a time."),
});
