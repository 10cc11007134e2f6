import { HoldPayoutsInput, releasePayouts } from "@fairlance/db/services";
import { adminProcedure } from "../../trpc";
import { ZPayoutHold } from "./people.schema";

/** Releases the hold on a freelancer's payouts, with a reason (economy.md §5.3). */
export const releasePayoutsProcedure = adminProcedure
  .input(HoldPayoutsInput)
  .output(ZPayoutHold)
  .mutation(({ ctx, input }) => releasePayouts(ctx.prisma, { ...input, ...ctx.caller }));
