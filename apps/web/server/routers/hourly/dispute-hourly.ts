import { disputeHourlyWeek } from "@fairlance/db/services";
import { clientProcedure } from "../../trpc";
import { ZDisputedWeek, ZDisputeWeekInput } from "./hourly.schema";

export const disputeHourlyProcedure = clientProcedure
  .input(ZDisputeWeekInput)
  .output(ZDisputedWeek)
  .mutation(({ ctx, input }) => disputeHourlyWeek(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
