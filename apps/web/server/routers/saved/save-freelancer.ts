import { SaveFreelancerInput, saveFreelancer } from "@fairlance/db/services";
import { clientProcedure } from "../../trpc";
import { ZSavedFreelancerAnswer } from "./saved.schema";

/** A client saves a freelancer; saving again gives the same answer. */
export const saveFreelancerProcedure = clientProcedure
  .input(SaveFreelancerInput)
  .output(ZSavedFreelancerAnswer)
  .mutation(({ ctx, input }) => saveFreelancer(ctx.prisma, { ...input, ...ctx.caller }));
