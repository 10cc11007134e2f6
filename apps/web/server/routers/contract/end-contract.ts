import { endContract } from "@fairlance/db/services";
import { ZEndContractInput, ZEndedContract } from "./contract.schema";
import { partyProcedure } from "../../trpc";

export const endContractProcedure = partyProcedure
  .input(ZEndContractInput)
  .output(ZEndedContract)
  .mutation(({ ctx, input }) => endContract(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
