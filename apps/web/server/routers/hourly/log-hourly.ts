import { logTime } from "@fairlance/db/services";
import { freelancerProcedure } from "../../trpc";
import { ZLoggedTime, ZLogTimeInput } from "./hourly.schema";

export const logHourlyProcedure = freelancerProcedure
  .input(ZLogTimeInput)
  .output(ZLoggedTime)
  .mutation(({ ctx, input }) => logTime(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
