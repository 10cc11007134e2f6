import { router } from "../../trpc";
import { getAdminDashboardProcedure } from "./get-admin-dashboard";
import { getClientDashboardProcedure } from "./get-client-dashboard";
import { getFreelancerDashboardProcedure } from "./get-freelancer-dashboard";

export const dashboardRouter = router({
  client: getClientDashboardProcedure,
  freelancer: getFreelancerDashboardProcedure,
  admin: getAdminDashboardProcedure,
});
