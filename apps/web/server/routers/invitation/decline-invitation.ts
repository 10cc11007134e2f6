import { DeclineInvitationInput, declineInvitation } from "@fairlance/db/services";
import { freelancerProcedure } from "../../trpc";
import { ZDeclinedInvitation } from "./invitation.schema";

/** The invited freelancer declines a pending invitation, with an optional reason the client reads. */
export const declineInvitationProcedure = freelancerProcedure
  .input(DeclineInvitationInput)
  .output(ZDeclinedInvitation)
  .mutation(({ ctx, input }) => declineInvitation(ctx.prisma, { ...input, ...ctx.caller }));
