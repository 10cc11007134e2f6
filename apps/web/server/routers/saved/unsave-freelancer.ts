import { UnsaveFreelancerInput, unsaveFreelancer } from "@fairlance/db/services";
import { clientProcedure } from "../../trpc";
import { ZSavedFreelancerAnswer } from "./saved.schema";

/** A client drops a saved freelancer; dropping them again changes nothing. */
export const unsaveFreelancerProcedure = clientProcedure
  .input(UnsaveFreelancerInput)
  .output(ZSavedFreelancerAnswer)
  .mutation(({ ctx, input }) => unsaveFreelancer(ctx.prisma, { ...input, ...ctx.caller }));
