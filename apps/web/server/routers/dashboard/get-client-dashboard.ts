import { getClientDashboard } from "@fairlance/db/read";
import { clientProcedure } from "../../trpc";
import { ZClientDashboard } from "./dashboard.schema";

export const getClientDashboardProcedure = clientProcedure
  .output(ZClientDashboard)
  .query(({ ctx }) => getClientDashboard(ctx.prisma, ctx.user.id));
