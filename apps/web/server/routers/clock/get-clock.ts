import { movableClockEnabled } from "@fairlance/db";
import { pendingEconomyJobs } from "@fairlance/db/runner";
import { publicProcedure } from "../../trpc";
import { ZClock } from "./clock.schema";

export const getClockProcedure = publicProcedure.output(ZClock).query(async ({ ctx }) => {
  const movable = movableClockEnabled();
  return { movable, now: ctx.now(), pendingJobs: movable ? await pendingEconomyJobs(ctx.prisma).catch(() => 0) : 0 };
});
