import { listPaymentMethods } from "@fairlance/db/read";
import { memberProcedure } from "../contract/member-procedure";
import { ZListPaymentMethodsOutput } from "./payment-method.schema";

export const listPaymentMethodsProcedure = memberProcedure
  .output(ZListPaymentMethodsOutput)
  .query(({ ctx }) => listPaymentMethods(ctx.prisma, ctx.user.id));
