import { InviteFreelancerInput, inviteFreelancer } from "@fairlance/db/services";
import { clientProcedure } from "../../trpc";
import { ZInviteFreelancerOutput } from "./invite-freelancer.schema";

/** An invited freelancer proposes for 0 connects (economy.md §2.3). */
export const inviteFreelancerProcedure = clientProcedure
  .input(InviteFreelancerInput)
  .output(ZInviteFreelancerOutput)
  .mutation(({ ctx, input }) => inviteFreelancer(ctx.prisma, { ...input, ...ctx.caller }));
