import { getSettingHistory } from "@fairlance/db/read";
import { adminProcedure } from "../../trpc";
import { ZSettingHistory, ZSettingHistoryInput } from "./settings.schema";

/** Who changed one setting, when, why, before and after. */
export const getSettingHistoryProcedure = adminProcedure
  .input(ZSettingHistoryInput)
  .output(ZSettingHistory)
  .query(({ ctx, input }) => getSettingHistory(ctx.prisma, { ...ctx.caller, key: input.key }));
