import { TRPCError } from "@trpc/server";
import { advanceClockAndQueue, movableClockEnabled, pendingEconomyJobs } from "@fairlance/db";
import { protectedProcedure } from "../../trpc";
import { ZAdvanceClockInput, ZClock } from "./clock.schema";

/** Demo and test deployments only: moves the marketplace's time forward a day at a time and hands each day to the job runner. */
export const advanceClockProcedure = protectedProcedure
  .input(ZAdvanceClockInput)
  .output(ZClock)
  .mutation(async ({ ctx, input }) => {
    if (!movableClockEnabled()) {
      throw new TRPCError({ code: "FORBIDDEN", message: "The clock only moves in a demo started with FAIRLANCE_MOVABLE_CLOCK=1." });
    }
    const now = await advanceClockAndQueue(ctx.prisma, input.days);
    return { movable: true, now, pendingJobs: await pendingEconomyJobs(ctx.prisma) };
  });
