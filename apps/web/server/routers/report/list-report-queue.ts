import { listReportQueue } from "@fairlance/db/read";
import { adminProcedure } from "../../trpc";
import { ZReportQueue } from "./report.schema";

/** The admins' queue: open reports grouped by object, with the scam shield's flags, highest priority first (economy.md §5.2). */
export const listReportQueueProcedure = adminProcedure.output(ZReportQueue).query(({ ctx }) => listReportQueue(ctx.prisma, ctx.caller));
