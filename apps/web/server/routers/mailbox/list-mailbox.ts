import { listMailbox } from "@fairlance/db/read";
import { publicProcedure } from "../../trpc";
import { ZMailboxListInput, ZMailboxPage } from "./mailbox.schema";

/**
 * The demo mailbox (README, "Email"): every email of this server's outbox, newest first, to anyone.
 * Only on a demo server (no SMTP_URL, not production); elsewhere NOT_FOUND.
 */
export const listMailboxProcedure = publicProcedure
  .input(ZMailboxListInput)
  .output(ZMailboxPage)
  .query(({ ctx, input }) => listMailbox(ctx.prisma, input));
