import { getConnectsOverview } from "@fairlance/db/read";
import { freelancerProcedure } from "../../trpc";
import { ZConnectsOverview } from "./get-connects-overview.schema";

/** Balance, lots expiring soon, every entry with its reason, bundles and Freelancer Plus (economy.md §2.2). */
export const getConnectsOverviewProcedure = freelancerProcedure
  .output(ZConnectsOverview)
  .query(({ ctx }) => getConnectsOverview(ctx.prisma, ctx.user.id, ctx.now()));
