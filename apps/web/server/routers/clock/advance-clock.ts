import { TRPCError } from "@trpc/server";
import { advanceClockAndQueue, pendingEconomyJobs } from "@fairlance/db/runner";
import { movableClockEnabled } from "@fairlance/db";
import { protectedProcedure } from "../../trpc";
import { ZAdvanceClockInput, ZClock } from "./clock.schema";

/**
 * Demo and test deployments only: moves the marketplace's time forward a day at a time and hands
 * each day to the job runner. Who may: in a demo started with FAIRLANCE_MOVABLE_CLOCK=1, any
 * signed-in person (playing a month in a minute is what the demo is for); anywhere else, nobody.
 * Who is asking is checked before what is asked, so a refusal never depends on the input.
 */
export const advanceClockProcedure = protectedProcedure
  .use(({ next }) => {
    if (!movableClockEnabled()) {
      throw new TRPCError({ code: "FORBIDDEN", message: "The clock only moves in a demo started with FAIRLANCE_MOVABLE_CLOCK=1." });
    }
    return next();
  })
  .input(ZAdvanceClockInput)
  .output(ZClock)
  .mutation(async ({ ctx, input }) => {
    const now = await advanceClockAndQueue(ctx.prisma, input.days);
    return { movable: true, now, pendingJobs: await pendingEconomyJobs(ctx.prisma) };
  });
