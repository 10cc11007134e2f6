import { addPaymentMethod } from "@fairlance/db/services";
import { partyProcedure } from "../../trpc";
import { ZAddPaymentMethodInput, ZPaymentMethod } from "./payment-method.schema";

export const addPaymentMethodProcedure = partyProcedure
  .input(ZAddPaymentMethodInput)
  .output(ZPaymentMethod)
  .mutation(({ ctx, input }) => addPaymentMethod(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
