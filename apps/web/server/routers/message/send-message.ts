import { SendMessageInput, sendMessage } from "@fairlance/db/services";
import { partyProcedure } from "../../trpc";
import { ZSendMessageOutput } from "./send-message.schema";

/** The scam shield scans every message (economy.md §5); `flags` tells the sender it was flagged. */
export const sendMessageProcedure = partyProcedure
  .input(SendMessageInput)
  .output(ZSendMessageOutput)
  .mutation(({ ctx, input }) => sendMessage(ctx.prisma, { ...input, ...ctx.caller }));
