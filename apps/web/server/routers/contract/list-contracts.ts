import { listContracts } from "@fairlance/db/read";
import { ZContractList } from "./contract.schema";
import { partyProcedure } from "../../trpc";

export const listContractsProcedure = partyProcedure
  .output(ZContractList)
  .query(({ ctx }) => listContracts(ctx.prisma, ctx.user.id, ctx.now()));
