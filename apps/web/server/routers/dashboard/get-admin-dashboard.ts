import { getAdminDashboard } from "@fairlance/db/read";
import { adminProcedure } from "../../trpc";
import { ZAdminDashboard } from "./dashboard.schema";

/** The admin overview: what waits for an admin, with counts; people and jobs. */
export const getAdminDashboardProcedure = adminProcedure
  .output(ZAdminDashboard)
  .query(({ ctx }) => getAdminDashboard(ctx.prisma, ctx.now()));
