import { LogTimeInput, logTime } from "@fairlance/db/services";
import { freelancerProcedure } from "../../trpc";
import { ZLoggedTime } from "./hourly.schema";

export const logHourlyProcedure = freelancerProcedure
  .input(LogTimeInput)
  .output(ZLoggedTime)
  .mutation(({ ctx, input }) => logTime(ctx.prisma, { ...input, ...ctx.caller }));
