import { acceptOffer } from "@fairlance/db/services";
import { freelancerProcedure } from "../../trpc";
import { ZContractActionInput, ZContractState } from "./contract.schema";

export const acceptContractProcedure = freelancerProcedure
  .input(ZContractActionInput)
  .output(ZContractState)
  .mutation(({ ctx, input }) => acceptOffer(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
