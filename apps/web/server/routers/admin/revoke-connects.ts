import { adminRevokeConnects } from "@fairlance/db/services";
import { adminProcedure } from "../../trpc";
import { ZAdjustConnectsInput, ZConnectsChange } from "./people.schema";

/** Connects taken back (never more than the balance) with a reason; audit-logged, idempotent. */
export const revokeConnectsProcedure = adminProcedure
  .input(ZAdjustConnectsInput)
  .output(ZConnectsChange)
  .mutation(({ ctx, input }) => adminRevokeConnects(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
