import { listFlaggedMessages } from "@fairlance/db/read";
import { adminProcedure } from "../../trpc";
import { ZFlaggedInput, ZFlaggedQueue } from "./moderation.schema";

/** Messages the scam shield flagged: those waiting for an admin first, then the recently reviewed (all of them, up to 100, when asked). */
export const listFlaggedMessagesProcedure = adminProcedure
  .input(ZFlaggedInput)
  .output(ZFlaggedQueue)
  .query(({ ctx, input }) => listFlaggedMessages(ctx.prisma, { ...input, ...ctx.caller }));
