import { z } from "zod";
import { ZScamWarning } from "./list-messages.schema";

export const ZSendMessageOutput = z.object({
  messageId: z.string(),
  recipientId: z.string(),
  createdAt: z.date(),
  flags: z.array(z.string()),
  recipientWarning: ZScamWarning.nullable(),
});
