import { listMyInvitations } from "@fairlance/db/read";
import { freelancerProcedure } from "../../trpc";
import { ZMyInvitationsInput, ZMyInvitationsOutput } from "./invitation.schema";

/** The invitations a freelancer received, newest first: job, client, message, answer, and whether the job is still open. */
export const listMyInvitationsProcedure = freelancerProcedure
  .input(ZMyInvitationsInput)
  .output(ZMyInvitationsOutput)
  .query(({ ctx, input }) => listMyInvitations(ctx.prisma, input, ctx.user.id));
