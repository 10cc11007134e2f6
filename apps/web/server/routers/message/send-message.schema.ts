import { z } from "zod";
import { SendMessageInput } from "@fairlance/db/services";
import { ZScamWarning } from "./list-messages.schema";

export const ZSendMessageInput = SendMessageInput;
export const ZSendMessageOutput = z.object({
  messageId: z.string(),
  recipientId: z.string(),
  createdAt: z.date(),
  flags: z.array(z.string()),
  recipientWarning: ZScamWarning.nullable(),
});
