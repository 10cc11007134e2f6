import { RequestChangesInput, requestChanges } from "@fairlance/db/services";
import { clientProcedure } from "../../trpc";
import { ZChangesRequested } from "./milestone.schema";

export const requestChangesMilestoneProcedure = clientProcedure
  .input(RequestChangesInput)
  .output(ZChangesRequested)
  .mutation(({ ctx, input }) => requestChanges(ctx.prisma, { ...input, ...ctx.caller }));
