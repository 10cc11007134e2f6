import { z } from "zod";
import { getMe } from "@fairlance/db/read";
import { protectedProcedure } from "../../trpc";

export const ZMe = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(["CLIENT", "FREELANCER", "ADMIN"]),
  createdAt: z.date(),
});

export const getMeProcedure = protectedProcedure.output(ZMe).query(({ ctx }) => getMe(ctx.prisma, ctx.user.id));
