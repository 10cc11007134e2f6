import { listFlaggedMessages } from "@fairlance/db/read";
import { adminProcedure } from "../../trpc";
import { ZFlaggedInput, ZFlaggedMessages } from "./moderation.schema";

/** Messages the scam shield flagged, unreviewed ones unless asked. */
export const listFlaggedMessagesProcedure = adminProcedure
  .input(ZFlaggedInput)
  .output(ZFlaggedMessages)
  .query(({ ctx, input }) => listFlaggedMessages(ctx.prisma, { ...input, ...ctx.caller }));
