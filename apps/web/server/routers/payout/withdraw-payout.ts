import { WithdrawInput, withdraw } from "@fairlance/db/services";
import { freelancerProcedure } from "../../trpc";
import { ZWithdrawal } from "./payout.schema";

export const withdrawPayoutProcedure = freelancerProcedure
  .input(WithdrawInput)
  .output(ZWithdrawal)
  .mutation(({ ctx, input }) => withdraw(ctx.prisma, { ...input, ...ctx.caller }));
