import { listContracts } from "@fairlance/db/read";
import { ZContractList } from "./contract.schema";
import { memberProcedure } from "./member-procedure";

export const listContractsProcedure = memberProcedure
  .output(ZContractList)
  .query(({ ctx }) => listContracts(ctx.prisma, ctx.user.id, ctx.now()));
