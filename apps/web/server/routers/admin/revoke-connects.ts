import { AdminRevokeConnectsInput, adminRevokeConnects } from "@fairlance/db/services";
import { adminProcedure } from "../../trpc";
import { ZConnectsChange } from "./people.schema";

/** Connects taken back (never more than the balance) with a reason; audit-logged, idempotent. */
export const revokeConnectsProcedure = adminProcedure
  .input(AdminRevokeConnectsInput)
  .output(ZConnectsChange)
  .mutation(({ ctx, input }) => adminRevokeConnects(ctx.prisma, { ...input, ...ctx.caller }));
