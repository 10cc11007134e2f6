import { CreateReportInput, createReport } from "@fairlance/db/services";
import { partyProcedure } from "../../trpc";
import { ZCreatedReport } from "./report.schema";

/** A client or freelancer reports a job, a proposal, a message or a profile that looks wrong (economy.md §5.2). */
export const createReportProcedure = partyProcedure
  .input(CreateReportInput)
  .output(ZCreatedReport)
  .mutation(({ ctx, input }) => createReport(ctx.prisma, { ...input, ...ctx.caller }));
