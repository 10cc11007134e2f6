import { withdraw } from "@fairlance/db/services";
import { freelancerProcedure } from "../../trpc";
import { ZWithdrawal, ZWithdrawInput } from "./payout.schema";

export const withdrawPayoutProcedure = freelancerProcedure
  .input(ZWithdrawInput)
  .output(ZWithdrawal)
  .mutation(({ ctx, input }) => withdraw(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
