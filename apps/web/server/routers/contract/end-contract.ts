import { EndContractInput, endContract } from "@fairlance/db/services";
import { ZEndedContract } from "./contract.schema";
import { partyProcedure } from "../../trpc";

export const endContractProcedure = partyProcedure
  .input(EndContractInput)
  .output(ZEndedContract)
  .mutation(({ ctx, input }) => endContract(ctx.prisma, { ...input, ...ctx.caller }));
