import { z } from "zod";
import { getMe } from "@fairlance/db/read";
import { protectedProcedure } from "../../trpc";

export const ZMe = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(["CLIENT", "FREELANCER", "ADMIN"]),
  createdAt: z.date(),
  /** The marketplace time of this answer (economy.md §0.7): the page counts ages from it, not from the browser's clock. */
  now: z.date(),
});

export const getMeProcedure = protectedProcedure.output(ZMe).query(({ ctx }) => getMe(ctx.prisma, ctx.user.id, ctx.now()));
