import { setAutoWithdrawal } from "@fairlance/db/services";
import { freelancerProcedure } from "../../trpc";
import { ZAutoSetting, ZSetAutoInput } from "./payout.schema";

export const setAutoPayoutProcedure = freelancerProcedure
  .input(ZSetAutoInput)
  .output(ZAutoSetting)
  .mutation(({ ctx, input }) => setAutoWithdrawal(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
