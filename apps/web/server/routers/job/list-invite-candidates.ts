import { listInviteCandidates } from "@fairlance/db/read";
import { clientProcedure } from "../../trpc";
import { ZListInviteCandidatesInput, ZListInviteCandidatesOutput } from "./list-invite-candidates.schema";

/** Talent search on the client's own job: who was already invited or proposed is said on each card, not hidden. */
export const listInviteCandidatesProcedure = clientProcedure
  .input(ZListInviteCandidatesInput)
  .output(ZListInviteCandidatesOutput)
  .query(({ ctx, input }) => listInviteCandidates(ctx.prisma, input, ctx.user.id));
