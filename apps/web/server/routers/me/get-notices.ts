import { z } from "zod";
import { getAccountNotices } from "@fairlance/db/read";
import { protectedProcedure } from "../../trpc";

export const ZNotices = z.object({
  warnings: z.array(z.object({ id: z.string(), reason: z.string(), createdAt: z.date() })),
  unconfirmedEmail: z.object({ maskedEmail: z.string(), waiting: z.array(z.object({ action: z.enum(["propose", "post_job", "withdraw"]), words: z.string() })) }).nullable(),
});

/** What the platform tells the signed-in person about their account: an admin's warnings of the last 30 days (economy.md §5), an email to confirm (§13). */
export const getNoticesProcedure = protectedProcedure.output(ZNotices).query(({ ctx }) => getAccountNotices(ctx.prisma, ctx.caller));
