import { DisputeHourlyWeekInput, disputeHourlyWeek } from "@fairlance/db/services";
import { clientProcedure } from "../../trpc";
import { ZDisputedWeek } from "./hourly.schema";

export const disputeHourlyProcedure = clientProcedure
  .input(DisputeHourlyWeekInput)
  .output(ZDisputedWeek)
  .mutation(({ ctx, input }) => disputeHourlyWeek(ctx.prisma, { ...input, ...ctx.caller }));
