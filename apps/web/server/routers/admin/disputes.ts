import { DecideDisputeInput, decideDispute } from "@fairlance/db/services";
import { listOpenDisputes } from "@fairlance/db/read";
import { adminProcedure, router } from "../../trpc";
import { ZClosedDispute, ZMediationQueue } from "../dispute/dispute.schema";

/** The mediation queue and its decisions (economy.md §9.3). A dispute itself is read with dispute.get. */
export const adminDisputesRouter = router({
  list: adminProcedure.output(ZMediationQueue).query(({ ctx }) => listOpenDisputes(ctx.prisma, ctx.caller)),
  decide: adminProcedure
    .input(DecideDisputeInput)
    .output(ZClosedDispute)
    .mutation(({ ctx, input }) => decideDispute(ctx.prisma, { ...input, ...ctx.caller })),
});
