import { UpdateFreelancerProfileInput, updateFreelancerProfile } from "@fairlance/db/services";
import { freelancerProcedure } from "../../trpc";
import { ZUpdatedFreelancerProfile } from "./profile.schema";

/** A freelancer rewrites their profile (economy.md §10.1). */
export const updateFreelancerProfileProcedure = freelancerProcedure
  .input(UpdateFreelancerProfileInput)
  .output(ZUpdatedFreelancerProfile)
  .mutation(({ ctx, input }) => updateFreelancerProfile(ctx.prisma, { ...input, ...ctx.caller }));
