import { listMessages } from "@fairlance/db/read";
import { attachmentLinks } from "../../attachment-links";
import { partyProcedure } from "../../trpc";
import { ZListMessagesInput, ZListMessagesOutput } from "./list-messages.schema";

/** A proposal's or contract's messages for its two people, with the scam-shield warning for the recipient. */
export const listMessagesProcedure = partyProcedure
  .input(ZListMessagesInput)
  .output(ZListMessagesOutput)
  .query(({ ctx, input }) => listMessages(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now(), links: attachmentLinks(ctx.now()) }));
