import { searchAuditLog } from "@fairlance/db/read";
import { adminProcedure } from "../../trpc";
import { ZAuditInput, ZAuditPage } from "./audit.schema";

/** The append-only audit log, searchable by action, actor, target and reason. */
export const searchAuditLogProcedure = adminProcedure
  .input(ZAuditInput)
  .output(ZAuditPage)
  .query(({ ctx, input }) => searchAuditLog(ctx.prisma, { ...input, actorId: ctx.user.id }));
