import { getMailboxEmail } from "@fairlance/db/read";
import { publicProcedure } from "../../trpc";
import { ZMailboxEmail, ZMailboxGetInput } from "./mailbox.schema";

/** One email of the demo mailbox, with its HTML and plain text (only on a demo server). */
export const getMailboxEmailProcedure = publicProcedure
  .input(ZMailboxGetInput)
  .output(ZMailboxEmail)
  .query(({ ctx, input }) => getMailboxEmail(ctx.prisma, input.id));
