import { sendMessage } from "@fairlance/db/services";
import { partyProcedure } from "../../trpc";
import { ZSendMessageInput, ZSendMessageOutput } from "./send-message.schema";

/** The scam shield scans every message (RULES 5); `flags` tells the sender it was flagged. */
export const sendMessageProcedure = partyProcedure
  .input(ZSendMessageInput)
  .output(ZSendMessageOutput)
  .mutation(({ ctx, input }) => sendMessage(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
