import { listMyProposals } from "@fairlance/db/read";
import { freelancerProcedure } from "../../trpc";
import { ZListMyProposalsOutput } from "./list-my-proposals.schema";

export const listMyProposalsProcedure = freelancerProcedure.output(ZListMyProposalsOutput).query(({ ctx }) => listMyProposals(ctx.prisma, ctx.user.id));
