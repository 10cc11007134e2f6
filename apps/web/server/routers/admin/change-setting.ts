import { ChangeSettingInput, changeSetting } from "@fairlance/db/services";
import { adminProcedure } from "../../trpc";
import { ZSettingChange } from "./settings.schema";

/** A new version of one setting, effective now or later, with a reason; never re-prices the past. */
export const changeSettingProcedure = adminProcedure
  .input(ChangeSettingInput)
  .output(ZSettingChange)
  .mutation(({ ctx, input }) => changeSetting(ctx.prisma, { ...input, ...ctx.caller }));
