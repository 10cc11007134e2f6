import { cancelMembership } from "@fairlance/db/services";
import { freelancerProcedure } from "../../trpc";
import { ZCancelMembershipOutput } from "./cancel-membership.schema";

/** Stops renewal; the paid cycle and its connects stay until its end (cancelling twice changes nothing). */
export const cancelMembershipProcedure = freelancerProcedure
  .output(ZCancelMembershipOutput)
  .mutation(({ ctx }) => cancelMembership(ctx.prisma, ctx.caller));
