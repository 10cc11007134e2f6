import { AddPaymentMethodInput, addPaymentMethod } from "@fairlance/db/services";
import { partyProcedure } from "../../trpc";
import { ZPaymentMethod } from "./payment-method.schema";

export const addPaymentMethodProcedure = partyProcedure
  .input(AddPaymentMethodInput)
  .output(ZPaymentMethod)
  .mutation(({ ctx, input }) => addPaymentMethod(ctx.prisma, { ...input, ...ctx.caller }));
