import { AdminGrantConnectsInput, adminGrantConnects } from "@fairlance/db/services";
import { adminProcedure } from "../../trpc";
import { ZConnectsChange } from "./people.schema";

/** Connects granted with a reason the freelancer sees; audit-logged, idempotent. */
export const grantConnectsProcedure = adminProcedure
  .input(AdminGrantConnectsInput)
  .output(ZConnectsChange)
  .mutation(({ ctx, input }) => adminGrantConnects(ctx.prisma, { ...input, ...ctx.caller }));
