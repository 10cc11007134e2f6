import { endContract } from "@fairlance/db/services";
import { ZEndContractInput, ZEndedContract } from "./contract.schema";
import { memberProcedure } from "./member-procedure";

export const endContractProcedure = memberProcedure
  .input(ZEndContractInput)
  .output(ZEndedContract)
  .mutation(({ ctx, input }) => endContract(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
