import { subscribeMembership } from "@fairlance/db/services";
import { freelancerProcedure } from "../../trpc";
import { ZSubscribeMembershipInput, ZSubscribeMembershipOutput } from "./subscribe-membership.schema";

export const subscribeMembershipProcedure = freelancerProcedure
  .input(ZSubscribeMembershipInput)
  .output(ZSubscribeMembershipOutput)
  .mutation(({ ctx, input }) => subscribeMembership(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
