import { HoldPayoutsInput, holdPayouts } from "@fairlance/db/services";
import { adminProcedure } from "../../trpc";
import { ZPayoutHold } from "./people.schema";

/** Holds a freelancer's payouts with a reason (economy.md §5.3): no withdrawal, manual or automatic, until released. */
export const holdPayoutsProcedure = adminProcedure
  .input(HoldPayoutsInput)
  .output(ZPayoutHold)
  .mutation(({ ctx, input }) => holdPayouts(ctx.prisma, { ...input, ...ctx.caller }));
