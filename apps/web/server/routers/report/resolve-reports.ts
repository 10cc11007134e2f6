import { ResolveReportsInput, resolveReports } from "@fairlance/db/services";
import { adminProcedure } from "../../trpc";
import { ZResolvedReports } from "./report.schema";

/** An admin decides about a reported object: dismiss, remove, warn or suspend; every reporter is told (economy.md §5.2). */
export const resolveReportsProcedure = adminProcedure
  .input(ResolveReportsInput)
  .output(ZResolvedReports)
  .mutation(async ({ ctx, input }) => {
    const { cardRefunds: _refunds, ...resolved } = await resolveReports(ctx.prisma, { ...input, ...ctx.caller });
    return resolved;
  });
