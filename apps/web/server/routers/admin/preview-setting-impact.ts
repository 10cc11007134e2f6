import { previewSettingImpact } from "@fairlance/db/read";
import { adminProcedure } from "../../trpc";
import { ZImpactInput, ZSettingImpact } from "./settings.schema";

/** Bundle prices, open jobs' costs and a 30-day revenue estimate under a proposed connect price, bundles or rate card. */
export const previewSettingImpactProcedure = adminProcedure
  .input(ZImpactInput)
  .output(ZSettingImpact)
  .query(({ ctx, input }) => previewSettingImpact(ctx.prisma, { ...input, ...ctx.caller }));
