import { requestChanges } from "@fairlance/db/services";
import { clientProcedure } from "../../trpc";
import { ZChangesRequested, ZRequestChangesInput } from "./milestone.schema";

export const requestChangesMilestoneProcedure = clientProcedure
  .input(ZRequestChangesInput)
  .output(ZChangesRequested)
  .mutation(({ ctx, input }) => requestChanges(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
