import { listMyReports } from "@fairlance/db/read";
import { partyProcedure } from "../../trpc";
import { ZMyReports } from "./report.schema";

/** The reports a person sent, newest first, with each one's status and outcome (economy.md §5.2). */
export const listMyReportsProcedure = partyProcedure.output(ZMyReports).query(({ ctx }) => listMyReports(ctx.prisma, ctx.caller));
