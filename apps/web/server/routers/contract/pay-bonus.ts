import { payBonus } from "@fairlance/db/services";
import { clientProcedure } from "../../trpc";
import { ZPaidBonus, ZPayBonusInput } from "./contract.schema";

export const payBonusProcedure = clientProcedure
  .input(ZPayBonusInput)
  .output(ZPaidBonus)
  .mutation(({ ctx, input }) => payBonus(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
