import { getAccountPage } from "@fairlance/db/read";
import { protectedProcedure } from "../../trpc";
import { ZAccountPage } from "./account.schema";

/** The Account page: name, email (confirmed or not, a change waiting), and the person's signed-in browsers. */
export const getAccountProcedure = protectedProcedure
  .output(ZAccountPage)
  .query(({ ctx }) => getAccountPage(ctx.prisma, { actorId: ctx.user.id, sessionId: ctx.user.sessionId, now: ctx.now() }));
