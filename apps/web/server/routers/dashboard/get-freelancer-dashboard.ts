import { getFreelancerDashboard } from "@fairlance/db/read";
import { freelancerProcedure } from "../../trpc";
import { ZFreelancerDashboard } from "./dashboard.schema";

/** The freelancer's dashboard: money by state, connects, contracts with their next dates, offers and proposals. */
export const getFreelancerDashboardProcedure = freelancerProcedure
  .output(ZFreelancerDashboard)
  .query(({ ctx }) => getFreelancerDashboard(ctx.prisma, ctx.user.id, ctx.now()));
