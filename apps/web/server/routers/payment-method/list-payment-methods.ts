import { listPaymentMethods } from "@fairlance/db/read";
import { partyProcedure } from "../../trpc";
import { ZListPaymentMethodsOutput } from "./payment-method.schema";

export const listPaymentMethodsProcedure = partyProcedure
  .output(ZListPaymentMethodsOutput)
  .query(({ ctx }) => listPaymentMethods(ctx.prisma, ctx.user.id));
