import { SubscribeMembershipInput, subscribeMembership } from "@fairlance/db/services";
import { freelancerProcedure } from "../../trpc";
import { ZSubscribeMembershipOutput } from "./subscribe-membership.schema";

export const subscribeMembershipProcedure = freelancerProcedure
  .input(SubscribeMembershipInput)
  .output(ZSubscribeMembershipOutput)
  .mutation(({ ctx, input }) => subscribeMembership(ctx.prisma, { ...input, ...ctx.caller }));
