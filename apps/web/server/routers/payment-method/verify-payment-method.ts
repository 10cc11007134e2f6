import { VerifyPaymentMethodInput, verifyPaymentMethod } from "@fairlance/db/services";
import { partyProcedure } from "../../trpc";
import { ZPaymentMethod } from "./payment-method.schema";

export const verifyPaymentMethodProcedure = partyProcedure
  .input(VerifyPaymentMethodInput)
  .output(ZPaymentMethod)
  .mutation(({ ctx, input }) => verifyPaymentMethod(ctx.prisma, { ...input, ...ctx.caller }));
