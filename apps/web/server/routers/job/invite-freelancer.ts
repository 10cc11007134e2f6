import { inviteFreelancer } from "@fairlance/db/services";
import { clientProcedure } from "../../trpc";
import { ZInviteFreelancerInput, ZInviteFreelancerOutput } from "./invite-freelancer.schema";

/** An invited freelancer proposes for 0 connects (RULES 2.3). */
export const inviteFreelancerProcedure = clientProcedure
  .input(ZInviteFreelancerInput)
  .output(ZInviteFreelancerOutput)
  .mutation(({ ctx, input }) => inviteFreelancer(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
