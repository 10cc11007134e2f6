import { EndSessionsInput, endSessions } from "@fairlance/db/services";
import { adminProcedure } from "../../trpc";
import { ZEndedSessions } from "./people.schema";

/** Signs a person out on every device at once; audit-logged with the reason. */
export const endSessionsProcedure = adminProcedure
  .input(EndSessionsInput)
  .output(ZEndedSessions)
  .mutation(({ ctx, input }) => endSessions(ctx.prisma, { ...input, ...ctx.caller }));
