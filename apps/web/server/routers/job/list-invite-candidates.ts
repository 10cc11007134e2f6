import { listInviteCandidates } from "@fairlance/db/read";
import { clientProcedure } from "../../trpc";
import { ZListInviteCandidatesInput, ZListInviteCandidatesOutput } from "./list-invite-candidates.schema";

export const listInviteCandidatesProcedure = clientProcedure
  .input(ZListInviteCandidatesInput)
  .output(ZListInviteCandidatesOutput)
  .query(({ ctx, input }) => listInviteCandidates(ctx.prisma, { ...input, clientId: ctx.user.id }));
