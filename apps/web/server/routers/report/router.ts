import { router } from "../../trpc";
import { createReportProcedure } from "./create-report";
import { listMyReportsProcedure } from "./list-my-reports";
import { listReportQueueProcedure } from "./list-report-queue";
import { resolveReportsProcedure } from "./resolve-reports";

/** Reports (economy.md §5.2): people report what looks wrong; admins decide. */
export const reportRouter = router({
  create: createReportProcedure,
  mine: listMyReportsProcedure,
  queue: listReportQueueProcedure,
  resolve: resolveReportsProcedure,
});
