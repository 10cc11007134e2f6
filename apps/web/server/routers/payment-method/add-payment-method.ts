import { addPaymentMethod } from "@fairlance/db/services";
import { memberProcedure } from "../contract/member-procedure";
import { ZAddPaymentMethodInput, ZPaymentMethod } from "./payment-method.schema";

export const addPaymentMethodProcedure = memberProcedure
  .input(ZAddPaymentMethodInput)
  .output(ZPaymentMethod)
  .mutation(({ ctx, input }) => addPaymentMethod(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
