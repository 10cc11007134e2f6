import { verifyPaymentMethod } from "@fairlance/db/services";
import { partyProcedure } from "../../trpc";
import { ZPaymentMethod, ZVerifyPaymentMethodInput } from "./payment-method.schema";

export const verifyPaymentMethodProcedure = partyProcedure
  .input(ZVerifyPaymentMethodInput)
  .output(ZPaymentMethod)
  .mutation(({ ctx, input }) => verifyPaymentMethod(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
