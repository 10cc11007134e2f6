import { SetAutoWithdrawalInput, setAutoWithdrawal } from "@fairlance/db/services";
import { freelancerProcedure } from "../../trpc";
import { ZAutoSetting } from "./payout.schema";

export const setAutoPayoutProcedure = freelancerProcedure
  .input(SetAutoWithdrawalInput)
  .output(ZAutoSetting)
  .mutation(({ ctx, input }) => setAutoWithdrawal(ctx.prisma, { ...input, ...ctx.caller }));
