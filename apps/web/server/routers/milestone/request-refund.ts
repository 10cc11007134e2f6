import { RequestRefundInput, requestRefund } from "@fairlance/db/services";
import { clientProcedure } from "../../trpc";
import { ZRefundRequested } from "./milestone.schema";

/** The client asks for a funded milestone's escrow back before any work is submitted (economy.md §9.1). */
export const requestRefundProcedure = clientProcedure
  .input(RequestRefundInput)
  .output(ZRefundRequested)
  .mutation(({ ctx, input }) => requestRefund(ctx.prisma, { ...input, ...ctx.caller }));
