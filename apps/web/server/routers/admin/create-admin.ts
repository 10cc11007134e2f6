import { CreateAdminInput, createAdmin } from "@fairlance/db/services";
import { adminProcedure } from "../../trpc";
import { ZCreatedAdmin } from "./people.schema";

/** An admin makes another admin account with an initial password they hand over; audit-logged with the reason. */
export const createAdminProcedure = adminProcedure
  .input(CreateAdminInput)
  .output(ZCreatedAdmin)
  .mutation(({ ctx, input }) => createAdmin(ctx.prisma, { ...input, ...ctx.caller }));
