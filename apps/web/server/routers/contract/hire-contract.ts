import { hireProposal } from "@fairlance/db/services";
import { clientProcedure } from "../../trpc";
import { ZContractOffer, ZHireInput } from "./contract.schema";

export const hireContractProcedure = clientProcedure
  .input(ZHireInput)
  .output(ZContractOffer)
  .mutation(({ ctx, input }) => hireProposal(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
