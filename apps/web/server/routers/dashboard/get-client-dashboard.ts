import { getClientDashboard } from "@fairlance/db/read";
import { clientProcedure } from "../../trpc";
import { ZClientDashboard } from "./dashboard.schema";

/** The client's dashboard: open jobs, offers out, escrow per contract, what waits for them. */
export const getClientDashboardProcedure = clientProcedure
  .output(ZClientDashboard)
  .query(({ ctx }) => getClientDashboard(ctx.prisma, ctx.user.id, ctx.now()));
