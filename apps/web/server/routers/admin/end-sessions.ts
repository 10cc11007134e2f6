import { endSessions } from "@fairlance/db/services";
import { adminProcedure } from "../../trpc";
import { ZEndSessionsInput, ZEndedSessions } from "./people.schema";

/** Signs a person out on every device at once; audit-logged with the reason. */
export const endSessionsProcedure = adminProcedure
  .input(ZEndSessionsInput)
  .output(ZEndedSessions)
  .mutation(({ ctx, input }) => endSessions(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
