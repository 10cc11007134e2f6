import { getAdminSettings } from "@fairlance/db/read";
import { adminProcedure } from "../../trpc";
import { ZAdminSettings } from "./settings.schema";

/** Every [admin] value in force now, with scheduled changes (economy.md §6). */
export const listSettingsProcedure = adminProcedure
  .output(ZAdminSettings)
  .query(({ ctx }) => getAdminSettings(ctx.prisma, ctx.caller));
