import { getUserForAdmin } from "@fairlance/db/read";
import { adminProcedure } from "../../trpc";
import { ZUserDetail, ZUserInput } from "./people.schema";

/** One person for the detail panel: status, connects, activity, recent admin actions. */
export const getUserProcedure = adminProcedure
  .input(ZUserInput)
  .output(ZUserDetail)
  .query(({ ctx, input }) => getUserForAdmin(ctx.prisma, { ...input, ...ctx.caller }));
