import { adminGrantConnects } from "@fairlance/db/services";
import { adminProcedure } from "../../trpc";
import { ZAdjustConnectsInput, ZConnectsChange } from "./people.schema";

/** Connects granted with a reason the freelancer sees; audit-logged, idempotent. */
export const grantConnectsProcedure = adminProcedure
  .input(ZAdjustConnectsInput)
  .output(ZConnectsChange)
  .mutation(({ ctx, input }) => adminGrantConnects(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
