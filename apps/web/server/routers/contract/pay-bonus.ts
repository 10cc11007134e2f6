import { PayBonusInput, payBonus } from "@fairlance/db/services";
import { clientProcedure } from "../../trpc";
import { ZPaidBonus } from "./contract.schema";

export const payBonusProcedure = clientProcedure
  .input(PayBonusInput)
  .output(ZPaidBonus)
  .mutation(({ ctx, input }) => payBonus(ctx.prisma, { ...input, ...ctx.caller }));
