import { listUsersForAdmin } from "@fairlance/db/read";
import { adminProcedure } from "../../trpc";
import { ZListUsersInput, ZUserList } from "./people.schema";

/** People by name or email, role filter, with counts per role. */
export const listUsersProcedure = adminProcedure
  .input(ZListUsersInput)
  .output(ZUserList)
  .query(({ ctx, input }) => listUsersForAdmin(ctx.prisma, { ...input, ...ctx.caller }));
