import { getContractPage } from "@fairlance/db/read";
import { ZContractId, ZContractPage } from "./contract.schema";
import { memberProcedure } from "./member-procedure";

export const getContractProcedure = memberProcedure
  .input(ZContractId)
  .output(ZContractPage)
  .query(({ ctx, input }) => getContractPage(ctx.prisma, input.contractId, ctx.user.id, ctx.now()));
