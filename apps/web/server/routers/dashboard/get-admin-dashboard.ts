import { getAdminDashboard } from "@fairlance/db/read";
import { adminProcedure } from "../../trpc";
import { ZAdminDashboard } from "./dashboard.schema";

export const getAdminDashboardProcedure = adminProcedure
  .output(ZAdminDashboard)
  .query(({ ctx }) => getAdminDashboard(ctx.prisma, ctx.now()));
