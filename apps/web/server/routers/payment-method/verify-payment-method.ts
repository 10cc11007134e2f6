import { verifyPaymentMethod } from "@fairlance/db/services";
import { memberProcedure } from "../contract/member-procedure";
import { ZPaymentMethod, ZVerifyPaymentMethodInput } from "./payment-method.schema";

export const verifyPaymentMethodProcedure = memberProcedure
  .input(ZVerifyPaymentMethodInput)
  .output(ZPaymentMethod)
  .mutation(({ ctx, input }) => verifyPaymentMethod(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
