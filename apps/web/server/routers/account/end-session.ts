import { endSession, EndSessionInput } from "@fairlance/db/services";
import { protectedProcedure } from "../../trpc";
import { ZEndedSession } from "./account.schema";

/** "Sign out" on one row of the Account page's sessions: that browser is signed out. */
export const endSessionProcedure = protectedProcedure
  .input(EndSessionInput)
  .output(ZEndedSession)
  .mutation(({ ctx, input }) => endSession(ctx.prisma, { ...input, ...ctx.caller }));
