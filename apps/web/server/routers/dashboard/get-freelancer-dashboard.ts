import { getFreelancerDashboard } from "@fairlance/db/read";
import { freelancerProcedure } from "../../trpc";
import { ZFreelancerDashboard } from "./dashboard.schema";

export const getFreelancerDashboardProcedure = freelancerProcedure
  .output(ZFreelancerDashboard)
  .query(({ ctx }) => getFreelancerDashboard(ctx.prisma));
