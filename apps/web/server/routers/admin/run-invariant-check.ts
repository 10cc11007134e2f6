import { runInvariantCheck } from "@fairlance/db/read";
import { adminProcedure } from "../../trpc";
import { ZInvariantCheckResult, ZRunInvariantCheckInput } from "./ledger.schema";

/**
 * Runs one ledger invariant of economy.md §7 (it reads only): the admin page runs them one after
 * the other and shows each as it finishes, so a slow check is seen for what it is.
 */
export const runInvariantCheckProcedure = adminProcedure
  .input(ZRunInvariantCheckInput)
  .output(ZInvariantCheckResult)
  .mutation(async ({ ctx, input }) => {
    const started = performance.now();
    const check = await runInvariantCheck(ctx.prisma, input.id);
    return { ...check, ms: Math.round(performance.now() - started) };
  });
